package org.dmaworkbench.runtime.mem;

/**
 * A leaf entry of the kernel's CPU page table (arch/x86/include/asm/pgtable_types.h: _PAGE_RW,
 * _PAGE_NX): where a kernel virtual page points and with which permissions.
 *
 * @param pa        physical address of the start of the page
 * @param pageSize  4 KiB, 2 MiB or 1 GiB
 * @param writable  _PAGE_RW
 * @param exec      !_PAGE_NX
 */
public record KernelPte(long pa, long pageSize, boolean writable, boolean exec) {
    public String perms() { return "R" + (writable ? "W" : "-") + (exec ? "X" : "-"); }
}
