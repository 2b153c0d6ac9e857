package org.dmaworkbench.dsl.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dmaworkbench.dsl.dmas.Arg;
import org.dmaworkbench.dsl.dmas.Call;
import org.dmaworkbench.dsl.dmas.CallStatement;
import org.dmaworkbench.dsl.dmas.CpuAccess;
import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.DeviceDma;
import org.dmaworkbench.dsl.dmas.Expect;
import org.dmaworkbench.dsl.dmas.ExpectDmaDebug;
import org.dmaworkbench.dsl.dmas.ExpectErrno;
import org.dmaworkbench.dsl.dmas.ExpectFault;
import org.dmaworkbench.dsl.dmas.ExpectPasidInvalid;
import org.dmaworkbench.dsl.dmas.ExpectValue;
import org.dmaworkbench.dsl.dmas.HandleDecl;
import org.dmaworkbench.dsl.dmas.NameRef;
import org.dmaworkbench.dsl.dmas.Probe;
import org.dmaworkbench.dsl.dmas.Repeat;
import org.dmaworkbench.dsl.dmas.Statement;
import org.dmaworkbench.dsl.dmas.Unbind;
import org.dmaworkbench.runtime.debug.DmaDebugCheck;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** What the validators ask of statements: their expectation, their calls, their order, their source. */
final class Statements {
    private Statements() { }

    static Expect expectOf(EObject st) {
        if (st instanceof HandleDecl h) return h.getExpect();
        if (st instanceof CallStatement c) return c.getExpect();
        if (st instanceof DeviceDma d) return d.getExpect();
        if (st instanceof CpuAccess c) return c.getExpect();
        if (st instanceof Probe p) return p.getExpect();
        if (st instanceof Unbind u) return u.getExpect();
        return null;
    }

    /** The call a statement makes at its top level (not a nested argument call), or null. */
    static Call topCall(EObject st) {
        return st instanceof HandleDecl h ? h.getCall() : st instanceof CallStatement c ? c.getCall() : null;
    }

    /** True when {@code c} is the statement's own call, whose result the statement's expectation checks. */
    static boolean isTopLevel(Call c) {
        return c.eContainer() instanceof HandleDecl || c.eContainer() instanceof CallStatement;
    }

    static Statement statementOf(EObject o) {
        return EcoreUtil2.getContainerOfType(o, Statement.class);
    }

    /** Statements in source order, the bodies of {@code repeat} blocks included right after their header. */
    static List<Statement> flatten(List<Statement> in) {
        List<Statement> out = new ArrayList<>();
        for (Statement s : in) {
            out.add(s);
            if (s instanceof Repeat r) out.addAll(flatten(r.getBody()));
        }
        return out;
    }

    /** True when the statement expects a dma-debug report of one of {@code checks}: the author means it. */
    static boolean expectsDmaDebug(EObject st, DmaDebugCheck... checks) {
        if (!(expectOf(st) instanceof ExpectDmaDebug d) || d.getMessage() == null) return false;
        DmaDebugCheck c = DmaDebugCheck.byMessage(d.getMessage());
        return c != null && Set.of(checks).contains(c);
    }

    /** True when the statement expects the kernel to refuse (errno, IOMMU_PASID_INVALID, a negative value, a fault). */
    static boolean expectsFailure(EObject st) {
        Expect e = expectOf(st);
        return e instanceof ExpectErrno || e instanceof ExpectPasidInvalid || e instanceof ExpectFault
                || e instanceof ExpectValue v && v.isNegative();
    }

    /** The device a call acts on: its first argument naming a device. */
    static Device deviceArg(Call c) {
        for (Arg a : c.getArgs()) {
            if (a instanceof NameRef r && r.getTarget() instanceof Device d && !d.eIsProxy()) return d;
        }
        return null;
    }

    static Device device(Device d) {
        return d == null || d.eIsProxy() ? null : d;
    }

    /** The handle an argument names (with or without an offset), or null. */
    static HandleDecl handle(Arg a) {
        return a instanceof NameRef r && r.getTarget() instanceof HandleDecl h && !h.eIsProxy() ? h : null;
    }

    /** True when the call's '(' was written (without it the parser read a bare name as a call and reports that). */
    static boolean hasParenthesis(Call c) {
        ICompositeNode n = NodeModelUtils.findActualNodeFor(c);
        if (n == null) return false;
        for (org.eclipse.xtext.nodemodel.ILeafNode l : n.getLeafNodes()) if (!l.isHidden() && "(".equals(l.getText())) return true;
        return false;
    }

    static int line(EObject o) {
        ICompositeNode n = NodeModelUtils.findActualNodeFor(o);
        return n == null ? 0 : n.getStartLine();
    }

    static String text(EObject o) {
        ICompositeNode n = NodeModelUtils.findActualNodeFor(o);
        return n == null ? "" : NodeModelUtils.getTokenText(n);
    }
}
