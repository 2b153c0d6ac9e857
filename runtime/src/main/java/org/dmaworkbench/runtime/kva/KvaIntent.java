package org.dmaworkbench.runtime.kva;

/**
 * What a driver asked {@code iommu_map_kva()} for in KVA fast mode, where nothing is mapped (the
 * device walks the kernel page table): kept only to show that the requested protection cannot be
 * honoured and that the device reaches more than the driver asked for.
 */
public record KvaIntent(long va, long size, int prot, int line) {
    public boolean covers(long addr, long len) { return addr >= va && addr + len <= va + size; }
}
