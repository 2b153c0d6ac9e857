package org.dmaworkbench.dsl.validation;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dmaworkbench.dsl.dmas.Arg;
import org.dmaworkbench.dsl.dmas.Call;
import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.dmas.HandleType;
import org.dmaworkbench.dsl.dmas.NameRef;
import org.dmaworkbench.dsl.dmas.NumberLit;
import org.dmaworkbench.dsl.dmas.StringLit;
import org.dmaworkbench.dsl.dmas.SymbolLit;
import org.dmaworkbench.runtime.run.CallSignature;
import org.dmaworkbench.runtime.run.CallTable;
import org.dmaworkbench.runtime.run.ValueType;

/**
 * The static types of arguments and handles, and which argument a parameter accepts: the same
 * conversions {@code ScenarioRunner.resolve} makes at run time (a coherent buffer is a buffer and a
 * DMA address, a dma_addr or pasid handle is an int, an int handle is a pasid, a number is an int,
 * a pasid or a DMA address).
 */
final class ArgTypes {
    private ArgTypes() { }

    static final CallTable CALLS = CallTable.standard();

    static CallSignature signature(Call c) {
        return c == null || c.getFunction() == null ? null : CALLS.signature(c.getFunction());
    }

    static ValueType of(HandleType t) {
        return switch (t) {
            case PASID -> ValueType.PASID;
            case BUFFER -> ValueType.BUFFER;
            case DMA_ADDR -> ValueType.DMA_ADDR;
            case DOMAIN -> ValueType.DOMAIN;
            case PROCESS -> ValueType.PROCESS;
            case SG_TABLE -> ValueType.SG_TABLE;
            case COHERENT_HANDLE -> ValueType.COHERENT;
            case SVA -> ValueType.SVA;
            case INT -> ValueType.INT;
        };
    }

    /** The keyword that declares a handle of type {@code t} ("coherent_buf" for COHERENT), or null when none can. */
    static String keyword(ValueType t) {
        for (HandleType h : HandleType.values()) if (of(h) == t) return h.getLiteral();
        return null;
    }

    /** The type of an argument, or null when unknown (unresolved name, unknown call). */
    static ValueType typeOf(Arg a) {
        if (a instanceof NumberLit) return ValueType.INT;
        if (a instanceof SymbolLit) return ValueType.SYMBOL;
        if (a instanceof StringLit) return ValueType.STRING;
        if (a instanceof Call c) {
            CallSignature s = signature(c);
            return s == null ? null : s.returns();
        }
        if (a instanceof NameRef r && r.getTarget() != null && !r.getTarget().eIsProxy()) {
            if (r.getTarget() instanceof Device) return ValueType.DEVICE;
            if (r.getTarget() instanceof HandleDecl h && h.getType() != null) return of(h.getType());
        }
        return null;
    }

    static boolean accepts(CallSignature.Param p, Arg a) {
        if (p.type() == ValueType.SYMBOL) return symbolOk(p.symbols(), a);
        if (a instanceof NumberLit) return p.type() == ValueType.INT || p.type() == ValueType.PASID || p.type() == ValueType.DMA_ADDR;
        ValueType have = typeOf(a);
        return have == null || convertible(have, p.type());
    }

    static boolean convertible(ValueType have, ValueType want) {
        if (have == want) return true;
        return switch (want) {
            case BUFFER, DMA_ADDR -> have == ValueType.COHERENT;
            case INT -> have == ValueType.DMA_ADDR || have == ValueType.PASID;
            case PASID -> have == ValueType.INT;
            default -> false;
        };
    }

    /** A symbol the parameter lists (parts in any order), or a string spelling one (e.g. "DMA-FQ"). */
    private static boolean symbolOk(List<String> symbols, Arg a) {
        if (a instanceof StringLit s) return symbols.contains(s.getValue());
        if (!(a instanceof SymbolLit s)) return false;
        Set<String> parts = new HashSet<>(s.getParts());
        for (String sym : symbols) if (parts.equals(new HashSet<>(Arrays.asList(sym.split("\\|"))))) return true;
        return false;
    }

    /** How an argument reads in a message: "device dsa0", "buffer handle buf", "the number 4096", "a kmalloc() result (buffer)". */
    static String describe(Arg a) {
        ValueType t = typeOf(a);
        if (a instanceof NumberLit) return "the number " + Statements.text(a);
        if (a instanceof SymbolLit || a instanceof StringLit) return Statements.text(a);
        if (a instanceof Call c) return "a " + c.getFunction() + "() result" + (t == null ? "" : " (" + t.dslName() + ")");
        if (a instanceof NameRef r && r.getTarget() instanceof Device d) return "device " + d.getName();
        if (a instanceof NameRef r && r.getTarget() instanceof HandleDecl h) return name(t) + " handle " + h.getName();
        return Statements.text(a);
    }

    static String name(ValueType t) {
        String k = t == null ? null : keyword(t);
        return k != null ? k : t == null ? "?" : t.dslName();
    }

    /** "a buffer", "an int". */
    static String a(String word) {
        return (word.matches("^[aeiou].*") ? "an " : "a ") + word;
    }

    /** "dma_map_single(dev, buffer, size, dir)", optional parameters in brackets. */
    static String usage(CallSignature s) {
        StringBuilder b = new StringBuilder(s.name()).append('(');
        for (int i = 0; i < s.params().size(); i++) {
            CallSignature.Param p = s.params().get(i);
            if (i > 0) b.append(", ");
            b.append(p.optional() ? "[" + p.name() + "]" : p.name());
        }
        return b.append(')').toString();
    }
}
