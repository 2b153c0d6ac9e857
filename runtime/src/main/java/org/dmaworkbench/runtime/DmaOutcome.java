package org.dmaworkbench.runtime;

import java.util.List;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.dmaworkbench.runtime.iommu.FaultCode;

/**
 * What a device-side DMA did: completed (with the physical ranges touched) or faulted (class,
 * the architecture's code, the address), plus the findings it raised.
 */
public record DmaOutcome(boolean ok, FaultClass faultClass, FaultCode faultCode, long faultAddress, String explanation,
                         List<Touched> touched, List<Finding> findings) {

    /** A physical range the DMA reached and what owns it. */
    public record Touched(long pa, long len, String owner) { }

    public static DmaOutcome ok(String explanation, List<Touched> touched, List<Finding> findings) {
        return new DmaOutcome(true, null, null, 0, explanation, touched, findings);
    }

    public static DmaOutcome fault(FaultClass c, FaultCode code, long addr, String explanation, List<Finding> findings) {
        return new DmaOutcome(false, c, code, addr, explanation, List.of(), findings);
    }
}
