package org.dmaworkbench.dsl.validation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kernel functions of the DMA / IOMMU API that the kernel renamed or removed, with the release and
 * commit that did it: an engineer's first guess is often the name they learnt. Each entry was checked
 * against the kernel's history (patch or merge commit named in {@code why}).
 */
final class KernelHistory {
    private KernelHistory() { }

    /** {@code replacement} is a call of the CallTable, or null when no call replaces it (then {@code why} says what does). */
    record Change(String name, String replacement, String why) { }

    private static final Map<String, Change> CHANGES = new LinkedHashMap<>();

    static {
        // "iommu: Add iommu_paging_domain_alloc() interface" (Lu Baolu, June 2024, merged for 6.11);
        // "iommu: Remove iommu_domain_alloc()" (v4 4/4, October 2024, merged for 6.13).
        add("iommu_domain_alloc", "iommu_paging_domain_alloc",
                "iommu_domain_alloc(bus) was replaced by iommu_paging_domain_alloc(dev) in Linux 6.11 and removed in 6.13");
        // dfd32cad146e "dma-mapping: remove dma_zalloc_coherent()" (merged for 5.0): dma_alloc_coherent zeroes the memory.
        add("dma_zalloc_coherent", "dma_alloc_coherent",
                "dma_zalloc_coherent was removed in Linux 5.0 (commit dfd32cad146e): dma_alloc_coherent returns zeroed memory");
        // 7968778914e5 "PCI: Remove the deprecated "pci-dma-compat.h" API" (merged for 5.18).
        String pci = " was removed in Linux 5.18 with include/linux/pci-dma-compat.h (commit 7968778914e5): use the DMA API on &pdev->dev";
        for (String[] p : new String[][] {
                {"pci_map_single", "dma_map_single"}, {"pci_unmap_single", "dma_unmap_single"},
                {"pci_map_page", "dma_map_page"}, {"pci_unmap_page", "dma_unmap_page"},
                {"pci_map_sg", "dma_map_sg"}, {"pci_unmap_sg", "dma_unmap_sg"},
                {"pci_alloc_consistent", "dma_alloc_coherent"}, {"pci_zalloc_consistent", "dma_alloc_coherent"},
                {"pci_free_consistent", "dma_free_coherent"}, {"pci_dma_mapping_error", "dma_mapping_error"},
                {"pci_set_dma_mask", "dma_set_mask"}, {"pci_set_consistent_dma_mask", "dma_set_mask_and_coherent"},
                {"pci_dma_sync_single_for_cpu", "dma_sync_single_for_cpu"},
                {"pci_dma_sync_single_for_device", "dma_sync_single_for_device"}}) {
            add(p[0], p[1], p[0] + pci);
        }
        // Not kernel calls in a scenario: time passes with the advance statement.
        for (String delay : new String[] {"msleep", "mdelay", "udelay", "ndelay", "usleep_range", "ssleep", "schedule_timeout"}) {
            add(delay, null, "time passes with the statement 'advance N ms' (or ns, us, sec), not with " + delay + "()");
        }
    }

    private static void add(String name, String replacement, String why) {
        CHANGES.put(name, new Change(name, replacement, why));
    }

    /** The change that explains {@code name}, or null. */
    static Change of(String name) {
        return name == null ? null : CHANGES.get(name);
    }
}
