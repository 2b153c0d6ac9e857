package org.dmaworkbench.runtime.run;

import static org.dmaworkbench.runtime.run.CallSignature.Param.of;
import static org.dmaworkbench.runtime.run.CallTable.sig;

import java.util.List;
import org.dmaworkbench.runtime.mem.Allocation;
import org.dmaworkbench.runtime.mem.KernelAddressSpace;
import org.dmaworkbench.runtime.mem.MmStruct;
import org.dmaworkbench.runtime.sim.Errno;

/** Kernel memory calls: kmalloc, vmalloc, alloc_pages, stacks, modules, set_memory_ro, user processes. */
final class MemoryCalls {
    private MemoryCalls() { }

    static void register(CallTable t) {
        t.define(sig("kmalloc", ValueType.BUFFER, "kmalloc(size, GFP_KERNEL) (mm/slub.c)",
                "a slab object; objects of the same size class share the page; NULL above KMALLOC_MAX_SIZE (4 MiB)",
                of("size", ValueType.INT)), MemoryCalls::kmalloc);
        t.define(sig("kzalloc", ValueType.BUFFER, "kzalloc(size, GFP_KERNEL)", "as kmalloc", of("size", ValueType.INT)),
                MemoryCalls::kmalloc);
        t.define(sig("vmalloc", ValueType.BUFFER, "vmalloc(size) (mm/vmalloc.c)",
                "virtually contiguous pages in the vmalloc area; dma_map_single rejects it", of("size", ValueType.INT)),
                (st, a) -> alloc(st, st.sys.kernel.vmalloc(st.bindName(), Args.num(a, 0), st.line())));
        t.define(sig("alloc_pages", ValueType.BUFFER, "alloc_pages(GFP_KERNEL, order) + page_address()",
                "2^order contiguous pages in the direct map", of("order", ValueType.INT)),
                (st, a) -> {
                    long order = Args.num(a, 0);
                    if (order < 0 || order > KernelAddressSpace.MAX_PAGE_ORDER) {
                        return failed(st, "alloc_pages order " + order + " returns NULL: above MAX_PAGE_ORDER ("
                                + KernelAddressSpace.MAX_PAGE_ORDER + ")");
                    }
                    return alloc(st, st.sys.kernel.allocPages(st.bindName(), order, st.line()));
                });
        t.define(sig("stack_buffer", ValueType.BUFFER, "a local array on a CONFIG_VMAP_STACK task stack",
                "dma-debug: \"device driver maps memory from stack\"", of("size", ValueType.INT)),
                (st, a) -> alloc(st, st.sys.kernel.stack(st.bindName(), Args.num(a, 0), true, st.line())));
        for (String free : new String[] {"kfree", "vfree", "free_pages"}) {
            t.define(sig(free, ValueType.VOID, free + "() ", "the memory is freed; a DMA that still reaches it is a use-after-free",
                    of("buffer", ValueType.BUFFER)), (st, a) -> {
                        Allocation b = Args.buf(a, 0);
                        if (b.isFreed()) {
                            st.explain("double free: " + b.describe() + " was freed at line " + b.freedAtStep());
                            return Value.VOID;
                        }
                        st.sys.kernel.free(b, st.line());
                        st.explain("freed " + b.describe());
                        return Value.VOID;
                    });
        }
        t.define(sig("module_load", ValueType.BUFFER, "load_module(): text RX in the module area, set_memory_ro() on its direct-map alias",
                "splits 2 MiB direct-map pages: a device sharing the kernel page table keeps the old RW translation",
                of("text_size", ValueType.INT)),
                (st, a) -> alloc(st, st.sys.kernel.loadModule(st.bindName(), Args.num(a, 0), st.line())));
        t.define(sig("set_memory_ro", ValueType.INT, "set_memory_ro(addr, numpages) (arch/x86/mm/pat/set_memory.c)",
                "0; the kernel page table changes, no IOTLB is told", of("buffer", ValueType.BUFFER), of("pages", ValueType.INT)),
                (st, a) -> {
                    Allocation b = Args.buf(a, 0);
                    long pages = Args.num(a, 1);
                    if (pages < 0 || pages > st.sys.memory.totalPages()) {
                        st.explain("set_memory_ro of " + pages + " pages: more than the machine's " + st.sys.memory.totalPages()
                                + " pages are mapped (__change_page_attr finds no PTE)");
                        return Value.of(ValueType.INT, Errno.EFAULT.ret());
                    }
                    st.sys.kernel.setMemoryRo(b.va() + Args.off(a, 0), (int) pages, st.line());
                    st.explain(String.format("kernel page table: 0x%x +%d page(s) now read-only", b.va(), Args.num(a, 1)));
                    return Value.of(ValueType.INT, 0);
                });
        t.define(sig("virt_to_phys", ValueType.INT, "virt_to_phys(addr) / page_to_phys(vmalloc_to_page(addr))",
                "the physical address of a buffer byte: what a device in bypass (PA) mode is handed", of("buffer", ValueType.BUFFER)),
                (st, a) -> {
                    long pa = Args.buf(a, 0).phys(Args.off(a, 0));
                    st.explain(String.format("PA 0x%x", pa));
                    return Value.of(ValueType.INT, pa);
                });
        t.define(sig("phys_to_virt", ValueType.INT, "phys_to_virt(pa) / __va(): the direct-map alias of a physical address",
                "PAGE_OFFSET + pa", of("pa", ValueType.INT)),
                (st, a) -> Value.of(ValueType.INT, KernelAddressSpace.PAGE_OFFSET + Args.num(a, 0)));
        t.define(sig("phys_buffer", ValueType.BUFFER, "the buffer at a physical address, as a kernel capture names it "
                + "(phys_to_page(pa) + page_address(); ./dmas trace --to-scenario writes them)",
                "the direct-map memory at pa..pa+size, whoever holds it (nothing is allocated); NULL outside the platform's memory "
                + "or above 1 GiB", of("pa", ValueType.INT), of("size", ValueType.INT)),
                (st, a) -> {
                    long pa = Args.num(a, 0);
                    long size = Args.num(a, 1);
                    Allocation b = st.sys.kernel.atPhys(st.bindName(), pa, size, st.line());
                    if (b == null) {
                        return failed(st, String.format("phys_buffer(0x%x, %d) is NULL: outside the platform's %d MiB of memory, "
                                + "or longer than 1 GiB", pa, size, st.sys.memory.bytes() >> 20));
                    }
                    return alloc(st, b);
                });
        t.define(sig("user_process", ValueType.PROCESS, "a user process (struct mm_struct)", "a new address space",
                of("name", ValueType.STRING).opt()),
                (st, a) -> Value.of(ValueType.PROCESS, new MmStruct(st.bindName(), st.sys.memory)));
        t.define(sig("mmap", ValueType.BUFFER, "mmap(NULL, size, PROT_READ|PROT_WRITE, MAP_ANONYMOUS) in a process",
                "user memory, faulted in", of("process", ValueType.PROCESS), of("size", ValueType.INT)),
                (st, a) -> alloc(st, ((MmStruct) a.get(0).ref()).mmap(st.bindName(), Args.num(a, 1), st.line())));
    }

    private static Value kmalloc(RunState st, List<Value> a) {
        long size = Args.num(a, 0);
        if (size > KernelAddressSpace.KMALLOC_MAX_SIZE) {
            return failed(st, "kmalloc(" + size + ") returns NULL: above KMALLOC_MAX_SIZE ("
                    + KernelAddressSpace.KMALLOC_MAX_SIZE + " bytes; use vmalloc or alloc_pages)");
        }
        return alloc(st, st.sys.kernel.kmalloc(st.bindName(), size, st.line()));
    }

    private static Value failed(RunState st, String why) {
        st.explain(why);
        return Value.of(ValueType.BUFFER, 0, null);
    }

    private static Value alloc(RunState st, Allocation a) {
        if (a == null) {
            st.explain("allocation failed: out of simulated memory");
            return Value.of(ValueType.BUFFER, 0, null);
        }
        st.explain(String.format("%s at PA 0x%x", a.describe(), a.phys(0)));
        return Value.of(ValueType.BUFFER, 0, a);
    }
}
