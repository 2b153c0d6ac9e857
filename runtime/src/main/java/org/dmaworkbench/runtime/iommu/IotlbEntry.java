package org.dmaworkbench.runtime.iommu;

import org.dmaworkbench.runtime.mem.KernelPte;

/**
 * One cached translation: the IOTLB (or a device's ATC) remembers the page, its physical address,
 * permissions and where the translation came from, so a later use can be checked against the
 * page table it was filled from.
 *
 * @param pageBase   IOVA of the start of the cached page
 * @param pa         physical address of the start of the page
 * @param pageSize   4 KiB, 2 MiB or 1 GiB
 * @param prot       IoMapping.PROT_* bits
 * @param source     the IO page-table mapping it was filled from (paging domains), else null
 * @param kernelPte  the CPU page-table entry it was filled from (SVA / KVA fast), else null
 * @param fillStep   the scenario step at which it was filled
 */
public record IotlbEntry(long pageBase, long pa, long pageSize, int prot, IoMapping source, KernelPte kernelPte, int fillStep) {
    public long translate(long addr) { return pa + (addr - pageBase); }
}
