package org.dmaworkbench.runtime.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The printk conversions used by the messages. */
class KernelFormatTest {

    @Test
    void conversions() {
        assertEquals("0x00000000fffff000", KernelFormat.format("0x%016llx", 0xfffff000L));
        assertEquals("0xffffffffffffffff", KernelFormat.format("0x%016llx", -1L));
        assertEquals("18446744073709551615", KernelFormat.format("%llu", -1L));
        assertEquals("4096", KernelFormat.format("%lu", 4096L));
        assertEquals("4294967295", KernelFormat.format("%u", -1L));
        assertEquals("-3", KernelFormat.format("%d", -3));
        assertEquals("ffff888012345e00", KernelFormat.format("%p", 0xffff888012345e00L));
        assertEquals("0000000000001000", KernelFormat.format("%p", 0x1000L));
        assertEquals("[0x0000000000400000]", KernelFormat.format("[%pa]", 0x400000L));
        assertEquals("a single b", KernelFormat.format("a %s b", "single"));
        assertEquals("100%", KernelFormat.format("100%%"));
        assertEquals("fffff000", KernelFormat.format("%llx", 0xfffff000L));
    }

    @Test
    void argumentCountMustFit() {
        assertThrows(IllegalArgumentException.class, () -> KernelFormat.format("%d", 1, 2));
        assertThrows(RuntimeException.class, () -> KernelFormat.format("%d %d", 1));
    }
}
