package org.dmaworkbench.dsl.validation;

import com.google.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.dmas.Repeat;
import org.dmaworkbench.dsl.dmas.Scenario;
import org.dmaworkbench.dsl.dmas.Statement;
import org.dmaworkbench.dsl.imports.ImportResolver;
import org.dmaworkbench.runtime.run.CallSignature;
import org.dmaworkbench.runtime.run.ValueType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.validation.Check;

/** Handles: declared with the type their call returns, and not shadowing an earlier handle or a device. */
public class HandleValidator extends DmasCheckBase {
    @Inject private ImportResolver imports;

    @Check
    public void checkDeclaredType(HandleDecl h) {
        CallSignature sig = ArgTypes.signature(h.getCall());
        if (sig == null || h.getType() == null) return;
        ValueType declared = ArgTypes.of(h.getType());
        if (declared == sig.returns()) return;
        String kw = ArgTypes.keyword(sig.returns());
        if (kw == null) {
            error(sig.name() + " returns " + sig.returns().dslName() + ", which no handle holds: drop '" + h.getType().getLiteral()
                    + " " + h.getName() + " =' and state the result with expect" + (sig.returns() == ValueType.BOOL ? " true|false" : ""),
                    h, Literals.HANDLE_DECL__TYPE, IssueCodes.HANDLE_TYPE_MISMATCH);
        } else {
            error(sig.name() + " returns " + ArgTypes.a(kw) + ", not " + ArgTypes.a(h.getType().getLiteral()) + ": declare '" + kw + " "
                    + h.getName() + " = " + sig.name() + "(...)'", h, Literals.HANDLE_DECL__TYPE, IssueCodes.HANDLE_TYPE_MISMATCH, kw);
        }
    }

    /** One pass per scenario (a repeat body sees the handles before it, its own stay inside). */
    @Check
    public void checkShadowing(Scenario s) {
        Set<String> devices = new HashSet<>();
        if (EcoreUtil.getRootContainer(s) instanceof Model m) {
            for (EObject e : VisibleElements.of(m, imports)) if (e instanceof Device d && d.getName() != null) devices.add(d.getName());
        }
        walk(s.getStatements(), new HashMap<>(), devices);
    }

    private void walk(List<Statement> statements, Map<String, HandleDecl> visible, Set<String> devices) {
        for (Statement st : statements) {
            if (st instanceof Repeat r) walk(r.getBody(), new HashMap<>(visible), devices);
            if (!(st instanceof HandleDecl h) || h.getName() == null) continue;
            HandleDecl earlier = visible.put(h.getName(), h);
            if (earlier != null) {
                warning("handle '" + h.getName() + "' is already declared at line " + Statements.line(earlier)
                        + ": this declaration shadows it for the rest of the scenario", h, Literals.REFERABLE__NAME,
                        IssueCodes.DUPLICATE_HANDLE, h.getName());
            } else if (devices.contains(h.getName())) {
                warning("handle '" + h.getName() + "' shadows device " + h.getName() + ": later references to '" + h.getName()
                        + "' mean the handle", h, Literals.REFERABLE__NAME, IssueCodes.DUPLICATE_HANDLE, h.getName());
            }
        }
    }
}
