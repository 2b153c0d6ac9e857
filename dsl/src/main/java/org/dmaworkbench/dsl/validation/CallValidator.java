package org.dmaworkbench.dsl.validation;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.dmas.Arg;
import org.dmaworkbench.dsl.dmas.Call;
import org.dmaworkbench.dsl.dmas.NameRef;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.runtime.run.CallSignature;
import org.dmaworkbench.runtime.run.ValueType;
import org.eclipse.xtext.validation.Check;

/** Kernel calls against the runtime's {@code CallTable}: known name, argument count, argument types. */
public class CallValidator extends DmasCheckBase {

    @Check
    public void checkCall(Call call) {
        if (call.getFunction() == null) return;
        CallSignature sig = ArgTypes.signature(call);
        if (sig == null) {
            if (!Statements.hasParenthesis(call)) return; // "kmallo" mid-typing, "4KB": the syntax error says it
            KernelHistory.Change changed = KernelHistory.of(call.getFunction());
            if (changed != null) {
                boolean replaced = changed.replacement() != null && ArgTypes.CALLS.signature(changed.replacement()) != null;
                error(changed.why() + (replaced ? ": write " + changed.replacement() : ""), call, Literals.CALL__FUNCTION,
                        IssueCodes.RENAMED_CALL, replaced ? new String[] {changed.replacement()} : new String[0]);
                return;
            }
            List<String> known = new ArrayList<>();
            ArgTypes.CALLS.signatures().forEach(s -> known.add(s.name()));
            List<String> best = Suggest.closest(call.getFunction(), known, 3);
            error("unknown kernel call '" + call.getFunction() + "'" + (best.isEmpty() ? "" : ": did you mean " + String.join(", ", best) + "?"),
                    call, Literals.CALL__FUNCTION, IssueCodes.UNKNOWN_CALL, best.toArray(String[]::new));
            return;
        }
        List<Arg> args = call.getArgs();
        List<CallSignature.Param> params = sig.params();
        String usage = ArgTypes.usage(sig);
        if (args.size() < sig.requiredParams()) {
            error(sig.name() + " takes " + count(sig) + ", got " + args.size() + ": " + usage, call, Literals.CALL__FUNCTION,
                    IssueCodes.WRONG_ARG_COUNT, usage);
        } else if (args.size() > params.size()) {
            error(sig.name() + " takes " + count(sig) + ", got " + args.size() + ": " + usage, call, Literals.CALL__ARGS,
                    params.size(), IssueCodes.WRONG_ARG_COUNT, usage);
        }
        for (int i = 0; i < Math.min(args.size(), params.size()); i++) {
            CallSignature.Param p = params.get(i);
            Arg a = args.get(i);
            if (ArgTypes.accepts(p, a) || i == 1 && DmaApiCalls.UNMAP.contains(sig.name())) continue; // UnmapValidator says why
            if (a instanceof NameRef r && (r.getTarget() == null || r.getTarget().eIsProxy())) continue; // the linker reports it
            if (p.type() == ValueType.SYMBOL) {
                error(sig.name() + ": " + p.name() + " is one of " + String.join(", ", p.symbols()) + ", not " + ArgTypes.describe(a),
                        call, Literals.CALL__ARGS, i, IssueCodes.ARG_TYPE_MISMATCH, p.symbols().toArray(String[]::new));
            } else {
                error(sig.name() + ": " + p.name() + " (argument " + (i + 1) + ") must be " + article(p.type()) + ", not "
                        + ArgTypes.describe(a), call, Literals.CALL__ARGS, i, IssueCodes.ARG_TYPE_MISMATCH,
                        ArgTypes.name(p.type()));
            }
        }
    }

    private static String count(CallSignature s) {
        int req = s.requiredParams(), all = s.params().size();
        String n = req == all ? String.valueOf(all) : req + " to " + all;
        return n + (all == 1 ? " argument" : " arguments");
    }

    private static String article(ValueType t) {
        return switch (t) {
            case DEVICE -> "a device";
            case INT -> "an int (a number)";
            case STRING -> "a string";
            default -> ArgTypes.a(ArgTypes.name(t)) + " handle";
        };
    }
}
