package org.dmaworkbench.runtime.device;

import java.util.List;
import java.util.function.Supplier;
import org.dmaworkbench.runtime.findings.Finding;
import org.dmaworkbench.runtime.iommu.FaultClass;
import org.dmaworkbench.runtime.iommu.FaultCode;
import org.dmaworkbench.runtime.mem.Allocation;

/**
 * What a device-side DMA did: completed (with the physical ranges touched) or faulted (class,
 * the architecture's code, the address), plus the findings it raised. Texts are built only when
 * asked for: benchmarks run millions of accesses nobody reads.
 */
public final class DmaOutcome {
    /** A physical range the DMA reached and the allocations that own it. */
    public static final class Touched {
        private final long pa;
        private final long len;
        private final List<Allocation> owners;
        private String owner;

        public Touched(long pa, long len, List<Allocation> owners) {
            this.pa = pa;
            this.len = len;
            this.owners = owners;
        }

        public long pa() { return pa; }
        public long len() { return len; }
        public List<Allocation> owners() { return owners; }

        /** "kmalloc 'buf' (64 bytes at ...)", or "unallocated memory". */
        public String owner() {
            if (owner == null) {
                StringBuilder sb = new StringBuilder();
                for (Allocation o : owners) sb.append(sb.length() > 0 ? ", " : "").append(o.describe());
                owner = sb.length() == 0 ? "unallocated memory" : sb.toString();
            }
            return owner;
        }
    }

    private final boolean ok;
    private final FaultClass faultClass;
    private final FaultCode faultCode;
    private final long faultAddress;
    private Supplier<String> explanationSupplier;
    private String explanation;
    private final List<Touched> touched;
    private final List<Finding> findings;

    private DmaOutcome(boolean ok, FaultClass faultClass, FaultCode faultCode, long faultAddress, Supplier<String> explanation,
                       List<Touched> touched, List<Finding> findings) {
        this.ok = ok;
        this.faultClass = faultClass;
        this.faultCode = faultCode;
        this.faultAddress = faultAddress;
        this.explanationSupplier = explanation;
        this.touched = touched;
        this.findings = findings;
    }

    public static DmaOutcome ok(Supplier<String> explanation, List<Touched> touched, List<Finding> findings) {
        return new DmaOutcome(true, null, null, 0, explanation, touched, findings);
    }

    public static DmaOutcome fault(FaultClass c, FaultCode code, long addr, String explanation, List<Finding> findings) {
        return new DmaOutcome(false, c, code, addr, () -> explanation, List.of(), findings);
    }

    public boolean ok() { return ok; }
    public FaultClass faultClass() { return faultClass; }
    public FaultCode faultCode() { return faultCode; }
    public long faultAddress() { return faultAddress; }
    public List<Touched> touched() { return touched; }
    public List<Finding> findings() { return findings; }

    /** The one-line explanation, built on first use. */
    public String explanation() {
        if (explanation == null) {
            explanation = explanationSupplier.get();
            explanationSupplier = null;
        }
        return explanation;
    }

    @Override public String toString() { return (ok ? "ok: " : "fault: ") + explanation(); }
}
