package org.dmaworkbench.runtime.bench;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.runtime.program.PlatformSpec;

/**
 * How a benchmark run protects DMA, realised on the platform the way an administrator would:
 * <ul>
 * <li>{@link #PASSTHROUGH}: the platform default is passthrough (CONFIG_IOMMU_DEFAULT_PASSTHROUGH), so the
 *     device gets an identity domain and the DMA API takes the dma-direct path;</li>
 * <li>{@link #STRICT}: {@code iommu.passthrough=0 iommu.strict=1}: a DMA domain, every unmap invalidates and syncs;</li>
 * <li>{@link #LAZY}: {@code iommu.passthrough=0 iommu.strict=0}: a DMA-FQ domain, unmaps go to the per-CPU flush
 *     queue, flushed when a CPU's ring is full (256 slots, 255 entries) or after 10 ms;</li>
 * <li>{@link #KVA_FAST}: the RFC's {@code iommu_dma_pasid_enable(dev, &domain, IOMMU_DMA_PASID_KVA)} with
 *     {@code iommu.kva=fast}; map/unmap are {@code iommu_map_kva}/{@code iommu_unmap_kva} and map nothing
 *     (the device shares the kernel page table);</li>
 * <li>{@link #KVA_STRICT}: the same with {@code iommu.kva=strict}: the KVA→PA mapping is replicated in an
 *     IOMMU domain and every unmap invalidates.</li>
 * </ul>
 */
public enum Policy {
    PASSTHROUGH, STRICT, LAZY, KVA_FAST, KVA_STRICT;

    /** Command-line options this class sets itself; the platform's own values for them are dropped. */
    private static final List<String> OWNED = List.of("iommu.passthrough", "iommu.strict", "iommu.kva");

    /** True for the RFC's KVA modes (map/unmap through {@code iommu_map_kva}, not the DMA API). */
    public boolean isKva() { return this == KVA_FAST || this == KVA_STRICT; }

    /** The platform as booted for this policy: default domain and command line adjusted, the rest kept. */
    public PlatformSpec apply(PlatformSpec p) {
        List<String> words = new ArrayList<>();
        if (p.cmdline() != null) {
            for (String w : p.cmdline().trim().split("\\s+")) {
                if (w.isEmpty()) continue;
                String key = w.split("=", 2)[0];
                boolean owned = OWNED.contains(key) && !(isKva() && !key.equals("iommu.kva"));
                if (!owned) words.add(w);
            }
        }
        String defaultDomain = p.defaultDomain();
        switch (this) {
            case PASSTHROUGH -> defaultDomain = "passthrough";
            case STRICT -> words.addAll(List.of("iommu.passthrough=0", "iommu.strict=1"));
            case LAZY -> words.addAll(List.of("iommu.passthrough=0", "iommu.strict=0"));
            case KVA_FAST -> words.add("iommu.kva=fast");
            case KVA_STRICT -> words.add("iommu.kva=strict");
        }
        return new PlatformSpec(p.name(), p.iommus(), defaultDomain, String.join(" ", words), p.memoryMiB(), p.cpus(),
                p.costOverrides());
    }
}
