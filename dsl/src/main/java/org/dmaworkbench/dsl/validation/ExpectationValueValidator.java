package org.dmaworkbench.dsl.validation;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.DeviceDma;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.dsl.dmas.ExpectDmaDebug;
import org.dmaworkbench.dsl.dmas.ExpectErrno;
import org.dmaworkbench.dsl.dmas.ExpectFault;
import org.dmaworkbench.runtime.cost.Counters;
import org.dmaworkbench.runtime.debug.DmaDebugCheck;
import org.dmaworkbench.runtime.iommu.AccessType;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.dmaworkbench.runtime.iommu.FaultCode;
import org.dmaworkbench.runtime.iommu.IommuArch;
import org.dmaworkbench.runtime.sim.Errno;
import org.eclipse.xtext.validation.Check;

/** Names inside expectations and checks: errnos, dma-debug messages, architecture fault codes, counters. */
public class ExpectationValueValidator extends DmasCheckBase {

    @Check
    public void checkErrno(ExpectErrno e) {
        if (!e.isMinus() || e.getErrno() == null || Errno.parse(e.getErrno()) != null) return; // no minus: SyntaxHabitsValidator
        List<String> known = new ArrayList<>();
        for (Errno x : Errno.values()) known.add(x.name());
        String best = Suggest.closest(e.getErrno(), known);
        error("unknown errno '" + e.getErrno() + "'" + Suggest.didYouMean(best) + " (known: " + String.join(", ", known) + ")",
                e, Literals.EXPECT_ERRNO__ERRNO, IssueCodes.UNKNOWN_ERRNO, best == null ? new String[0] : new String[] {best});
    }

    @Check
    public void checkDmaDebug(ExpectDmaDebug e) {
        if (e.getMessage() == null || DmaDebugCheck.byMessage(e.getMessage()) != null) return;
        List<String> texts = new ArrayList<>();
        for (DmaDebugCheck c : DmaDebugCheck.values()) texts.add(c.fixedText());
        String best = Suggest.closestText(e.getMessage(), texts);
        error("kernel/dma/debug.c prints no message like \"" + e.getMessage() + "\"; closest: \"" + best + "\"",
                e, Literals.EXPECT_DMA_DEBUG__MESSAGE, IssueCodes.UNKNOWN_DMA_DEBUG_MESSAGE, best);
    }

    @Check
    public void checkFaultCode(ExpectFault f) {
        if (!Numbers.written(f, Literals.EXPECT_FAULT__CODE) || !(f.eContainer() instanceof DeviceDma dma) || f.getFaultClass() == null) return;
        Device dev = Statements.device(dma.getDevice());
        IommuArch arch = dev == null || dev.getIommu() == null || dev.getIommu().eIsProxy() ? null : IommuArch.byName(dev.getIommu().getArch());
        FaultClass cls = FaultClass.byDslName(f.getFaultClass().getLiteral());
        if (arch == null || cls == null) return;
        FaultCode read = arch.faultCode(cls, AccessType.READ), write = arch.faultCode(cls, AccessType.WRITE);
        if (read != null && read.code() == f.getCode() || write != null && write.code() == f.getCode()) return;
        FaultCode want = dma.getAccess() != null && dma.getAccess().getLiteral().equals("write") ? write : read;
        if (want == null) return;
        String hex = String.format("0x%x", want.code());
        error(arch.name() + " reports " + cls.dslName() + " on a " + dma.getAccess().getLiteral() + " as " + hex + " (" + want.name()
                + "), not " + String.format("0x%x", f.getCode()), f, Literals.EXPECT_FAULT__CODE, IssueCodes.WRONG_FAULT_CODE, hex);
    }

    @Check
    public void checkCounter(org.dmaworkbench.dsl.dmas.Check c) {
        if (c.getCounter() == null || Counters.isKnown(c.getCounter())) return;
        List<String> close = Suggest.closest(c.getCounter(), new Counters().asMap().keySet(), 3);
        error("unknown counter '" + c.getCounter() + "'" + (close.isEmpty() ? " (known: " + String.join(", ", new Counters().asMap().keySet()) + ")"
                : ": did you mean " + String.join(", ", close) + "?"), c, Literals.CHECK__COUNTER, IssueCodes.UNKNOWN_COUNTER,
                close.toArray(String[]::new));
    }
}
