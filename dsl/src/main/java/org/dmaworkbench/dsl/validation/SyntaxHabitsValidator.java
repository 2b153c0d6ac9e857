package org.dmaworkbench.dsl.validation;

import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.dsl.dmas.ExpectErrno;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.runtime.sim.Errno;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

/**
 * Habits from C and from reading kernel code that the grammar accepts so that it can answer them
 * with the fix: a ';' at the end of a statement (read as a blank), an errno without its minus.
 */
public class SyntaxHabitsValidator extends DmasCheckBase {

    @Check
    public void checkSemicolons(Model m) {
        ICompositeNode root = NodeModelUtils.getNode(m);
        if (root == null || root.getText().indexOf(';') < 0) return;
        for (ILeafNode l : root.getLeafNodes()) {
            if (l.isHidden() && l.getGrammarElement() instanceof TerminalRule t && "SEMICOLON".equals(t.getName())) {
                getMessageAcceptor().acceptWarning("no ';' needed: a statement ends at the end of its line", m, l.getOffset(), l.getLength(),
                        IssueCodes.STRAY_SEMICOLON);
            }
        }
    }

    @Check
    public void checkErrnoSign(ExpectErrno e) {
        if (e.isMinus() || e.getErrno() == null) return;
        if (Errno.parse(e.getErrno()) != null) {
            error("kernel calls return errnos negated: write expect -" + e.getErrno(), e, Literals.EXPECT_ERRNO__ERRNO, IssueCodes.ERRNO_SIGN,
                    "-" + e.getErrno());
        } else {
            error("after 'expect': ok, fault [CLASS], finding KIND, a number, -ERRNO, true, false, IOMMU_PASID_INVALID, DMA_MAPPING_ERROR "
                    + "or dma-debug \"message\", not '" + e.getErrno() + "'", e, Literals.EXPECT_ERRNO__ERRNO, IssueCodes.SYNTAX);
        }
    }
}
