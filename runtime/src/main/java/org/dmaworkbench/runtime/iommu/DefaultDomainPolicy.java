package org.dmaworkbench.runtime.iommu;

import org.dmaworkbench.runtime.platform.BootParams;
import org.dmaworkbench.runtime.platform.KconfigDefault;

/**
 * Default-domain selection: {@code iommu_subsys_init()} turns Kconfig and the command line into
 * {@code iommu_def_domain_type} (+ {@code iommu_dma_strict}); {@code iommu_get_default_domain_type()}
 * forces a strict {@code IOMMU_DOMAIN_DMA} for untrusted devices.
 */
public final class DefaultDomainPolicy {
    private final DomainType global;

    public DefaultDomainPolicy(KconfigDefault kconfig, BootParams params) {
        boolean passthrough = kconfig == KconfigDefault.PASSTHROUGH;
        boolean strict = kconfig == KconfigDefault.STRICT;
        if (params.passthrough != null) passthrough = params.passthrough;
        if (params.strict != null) strict = params.strict;
        this.global = passthrough ? DomainType.IDENTITY : strict ? DomainType.DMA : DomainType.DMA_FQ;
    }

    /** {@code iommu_def_domain_type} after the command line ("Default domain type: ..."). */
    public DomainType global() { return global; }

    /**
     * The type for a device's group; untrusted devices always get DMA. A driver/IOMMU-driver
     * request ({@code def_domain_type}) for anything else on an untrusted device is refused: null.
     */
    public DomainType forDevice(Device d, DomainType requested) {
        if (d.isUntrusted()) {
            if (requested != null && requested != DomainType.DMA) return null;
            return DomainType.DMA;
        }
        if (requested != null) return requested;
        if (d.requireDirect() && global.isDmaApi()) return global; // RMRR: identity-mapped regions inside the DMA domain
        return global;
    }

    /** "Default domain type: Translated" / "Passthrough". */
    public String logLine() {
        String t = global == DomainType.IDENTITY ? "Passthrough" : "Translated";
        String inv = global == DomainType.DMA ? "strict" : "lazy";
        return "iommu: Default domain type: " + t + (global == DomainType.IDENTITY ? ""
                : "; iommu: DMA domain TLB invalidation policy: " + inv + " mode");
    }
}
