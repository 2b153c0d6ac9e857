package org.dmaworkbench.dsl.validation;

import java.util.Set;
import org.dmaworkbench.dsl.dmas.Arg;
import org.dmaworkbench.dsl.dmas.CpuAccess;
import org.dmaworkbench.dsl.dmas.DeviceDma;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.dsl.dmas.NumberLit;
import org.dmaworkbench.runtime.run.ValueType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;

/**
 * Operands of the device and CPU access statements: a DMA goes to a DMA address, a buffer (its
 * kernel virtual address, for KVA and SVA) or a number; its PASID is a pasid or an int; the CPU
 * touches buffers.
 */
public class DmaOperandValidator extends DmasCheckBase {
    private static final Set<ValueType> ADDRESS = Set.of(ValueType.DMA_ADDR, ValueType.BUFFER, ValueType.COHERENT, ValueType.INT);
    private static final Set<ValueType> PASID = Set.of(ValueType.PASID, ValueType.INT);
    private static final Set<ValueType> BUFFER = Set.of(ValueType.BUFFER, ValueType.COHERENT);

    @Check
    public void checkDma(DeviceDma d) {
        check(d.getAddress(), ADDRESS, true, "the address of a dma is a dma_addr, buffer or coherent_buf handle or a number",
                d, Literals.DEVICE_DMA__ADDRESS, "dma_addr");
        check(d.getPasid(), PASID, true, "the pasid of a dma is a pasid handle or a number", d, Literals.DEVICE_DMA__PASID, "pasid");
    }

    @Check
    public void checkCpu(CpuAccess c) {
        check(c.getBuffer(), BUFFER, false, "the CPU reads and writes buffer or coherent_buf handles", c,
                Literals.CPU_ACCESS__BUFFER, "buffer");
    }

    private void check(Arg a, Set<ValueType> ok, boolean numbers, String rule, EObject owner, EStructuralFeature f, String want) {
        if (a == null || numbers && a instanceof NumberLit) return;
        ValueType t = ArgTypes.typeOf(a);
        if (t == null || ok.contains(t)) return;
        error(rule + ", not " + ArgTypes.describe(a), owner, f, IssueCodes.ARG_TYPE_MISMATCH, want);
    }
}
