package org.dmaworkbench.runtime.run;

import java.util.List;
import org.dmaworkbench.runtime.debug.DmaDebugReport;
import org.dmaworkbench.runtime.device.DmaOutcome;
import org.dmaworkbench.runtime.dma.DmaApi;
import org.dmaworkbench.runtime.findings.Finding;
import org.dmaworkbench.runtime.iommu.PasidAllocator;
import org.dmaworkbench.runtime.program.Expectation;
import org.dmaworkbench.runtime.sim.Errno;

/** Whether a step's outcome meets its {@link Expectation}, and how values read in explanations. */
final class Expectations {
    private Expectations() { }

    static String render(Value v) {
        return switch (v.type()) {
            case BOOL -> v.num() != 0 ? "true" : "false";
            case DMA_ADDR -> v.num() == DmaApi.DMA_MAPPING_ERROR ? "DMA_MAPPING_ERROR" : String.format("0x%x", v.num());
            case PASID -> v.num() == PasidAllocator.IOMMU_PASID_INVALID ? "IOMMU_PASID_INVALID" : Long.toString(v.num());
            case INT, SVA -> Errno.describe(v.num());
            default -> Long.toString(v.num());
        };
    }

    /** Null when the expectation is met, else why not. */
    static String mismatch(Expectation e, DmaOutcome dma, Value v, List<DmaDebugReport> reports, List<Finding> other) {
        switch (e.kind()) {
            case OK -> {
                if (!other.isEmpty()) return "expected ok, got finding " + other.get(0);
                if (dma != null) {
                    if (!dma.ok()) return "expected ok, got fault " + dma.faultClass().dslName() + ": " + dma.explanation();
                    if (!dma.findings().isEmpty()) return "expected ok, got finding " + dma.findings().get(0);
                    return null;
                }
                return v.num() < 0 && v.type() == ValueType.INT ? "expected ok, got " + Errno.describe(v.num()) : null;
            }
            case FAULT -> {
                if (dma == null) return "expected a fault, but the step is not a DMA";
                if (dma.ok()) return "expected " + e + ", but the DMA completed: " + dma.explanation();
                if (e.name() != null && !dma.faultClass().dslName().equals(e.name())) {
                    return "expected " + e + ", got " + dma.faultClass().dslName() + ": " + dma.explanation();
                }
                if (e.code() != null && (dma.faultCode() == null || dma.faultCode().code() != e.code())) {
                    return String.format("expected fault code 0x%x, got %s", e.code(), dma.faultCode());
                }
                return null;
            }
            case FINDING -> {
                if (dma == null) {
                    for (Finding f : other) if (f.kind().dslName().equals(e.name())) return null;
                    return "expected finding " + e.name() + ", got " + (other.isEmpty() ? "none" : other.toString());
                }
                if (!dma.ok()) return "expected finding " + e.name() + ", but the DMA faulted: " + dma.explanation();
                for (Finding f : dma.findings()) if (f.kind().dslName().equals(e.name())) return null;
                return "expected finding " + e.name() + ", got " + (dma.findings().isEmpty() ? "none" : dma.findings().toString());
            }
            case VALUE -> {
                return v.num() == e.value() ? null : "expected " + e + ", got " + render(v);
            }
            case ERRNO -> {
                Errno want = Errno.parse(e.name());
                return want != null && v.num() == want.ret() ? null : "expected " + e + ", got " + render(v);
            }
            case PASID_INVALID -> {
                return v.num() == PasidAllocator.IOMMU_PASID_INVALID ? null : "expected IOMMU_PASID_INVALID, got " + render(v);
            }
            case MAPPING_ERROR -> {
                return v.num() == DmaApi.DMA_MAPPING_ERROR ? null : "expected DMA_MAPPING_ERROR, got " + render(v);
            }
            case DMA_DEBUG -> {
                for (DmaDebugReport r : reports) if (r.matches(e.name())) return null;
                return "expected dma-debug \"" + e.name() + "\", got " + (reports.isEmpty() ? "no report"
                        : reports.stream().map(DmaDebugReport::message).toList().toString());
            }
            default -> throw new IllegalStateException();
        }
    }
}
