package org.dmaworkbench.runtime.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** {@code phys_buffer(pa, size)}: the memory at a physical address, as a capture names a buffer. */
class PhysBufferTest {

    @Test
    void theBufferIsAtExactlyThatPhysicalAddress() {
        PhysicalMemory mem = new PhysicalMemory(8L << 30, 20_480);
        KernelAddressSpace k = new KernelAddressSpace(mem);
        Allocation a = k.atPhys("b16", 0x11a2b3040L, 6000, 16);
        assertEquals(0x11a2b3040L, a.phys(0));
        assertEquals(0x11a2b3040L + 5999, a.phys(5999), "spans the next frame, contiguous");
        assertEquals(KernelAddressSpace.PAGE_OFFSET + 0x11a2b3040L, a.va());
        assertEquals(MemoryArea.DIRECT_MAP, a.area());
        Allocation b = k.atPhys("b17", 0x11a2b3800L, 64, 17);
        assertEquals(0x11a2b3800L, b.phys(0), "two buffers may share a page, as slab objects do");
        assertNull(k.atPhys("far", 8L << 30, 64, 18), "beyond the platform's memory");
        assertNull(k.atPhys("huge", 0x1000, (1L << 30) + 1, 19));
        assertNull(k.atPhys("none", 0x1000, 0, 20));
    }
}
