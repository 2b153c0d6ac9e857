package org.dmaworkbench.runtime.run;

import java.util.List;
import org.dmaworkbench.runtime.iommu.Device;
import org.dmaworkbench.runtime.iommu.IommuDomain;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.sim.DmaDirection;

/** Typed access to resolved call arguments. */
final class Args {
    private Args() { }

    static Device dev(List<Value> a, int i) { return (Device) a.get(i).ref(); }
    static IommuDomain domain(List<Value> a, int i) { return (IommuDomain) a.get(i).ref(); }
    static Allocation buf(List<Value> a, int i) { return (Allocation) a.get(i).ref(); }
    /** Byte offset into a buffer argument ({@code buf + 64}). */
    static long off(List<Value> a, int i) { return a.get(i).num(); }
    static long num(List<Value> a, int i) { return a.get(i).num(); }
    static boolean has(List<Value> a, int i) { return i < a.size() && a.get(i) != null; }
    static String sym(List<Value> a, int i) { return (String) a.get(i).ref(); }
    static DmaDirection dir(List<Value> a, int i) {
        DmaDirection d = sym(a, i) == null ? null : DmaDirection.parse(sym(a, i));
        if (d == null) throw new IllegalArgumentException("'" + sym(a, i) + "' is not a DMA direction (DMA_TO_DEVICE, DMA_FROM_DEVICE, "
                + "DMA_BIDIRECTIONAL, DMA_NONE)");
        return d;
    }
    static int pasid(List<Value> a, int i) { return (int) a.get(i).num(); }
}
