package org.dmaworkbench.runtime.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel command-line options the simulator honours (Documentation/admin-guide/kernel-parameters.txt):
 * {@code iommu.passthrough=}, {@code iommu.strict=}, {@code iommu.forcedac=}, {@code dma_debug=off},
 * {@code swiotlb=noforce}, and the RFC's proposed, never merged, KVA policy override
 * {@code iommu.kva=fast|strict|off} (Jacob Pan, 2021-09-30: "a kernel iommu parameter to allow user override").
 */
public final class BootParams {
    public Boolean passthrough;
    public Boolean strict;
    public boolean forceDac;
    public boolean dmaDebug = true;
    public boolean swiotlb = true;
    public String kva;
    /** The 2025 fix "iommu/sva: invalidate stale IOTLB entries for kernel address space". */
    public boolean svaKvaFlush;
    private final List<String> unknown = new ArrayList<>();

    /** Parses a command line; unknown words are kept for a warning, never fatal (like the kernel). */
    public static BootParams parse(String cmdline) {
        BootParams p = new BootParams();
        if (cmdline == null) return p;
        for (String w : cmdline.trim().split("\\s+")) {
            if (w.isEmpty()) continue;
            String[] kv = w.split("=", 2);
            String v = kv.length > 1 ? kv[1] : "";
            switch (kv[0]) {
                case "iommu.passthrough" -> p.passthrough = bool(v);
                case "iommu.strict" -> p.strict = bool(v);
                case "iommu.forcedac" -> p.forceDac = Boolean.TRUE.equals(bool(v));
                case "dma_debug" -> p.dmaDebug = !"off".equals(v);
                case "swiotlb" -> p.swiotlb = !"noforce".equals(v);
                case "iommu.kva" -> p.kva = v;
                case "iommu.sva_kva_flush" -> p.svaKvaFlush = Boolean.TRUE.equals(bool(v));
                default -> p.unknown.add(w);
            }
        }
        return p;
    }

    private static Boolean bool(String v) {
        return switch (v) {
            case "1", "y", "Y", "on" -> Boolean.TRUE;
            case "0", "n", "N", "off" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Options the simulator does not know (ignored, as the kernel ignores unknown parameters). */
    public List<String> unknown() { return unknown; }
}
