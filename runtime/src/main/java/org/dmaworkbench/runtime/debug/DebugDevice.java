package org.dmaworkbench.runtime.debug;

import java.util.Objects;

/**
 * The parts of {@code struct device} that dma-debug reads: {@code dev_driver_string()}, {@code dev_name()},
 * {@code dma_get_max_seg_size()} and {@code dma_get_seg_boundary()} (include/linux/device.h, dma-mapping.h).
 *
 * <p>Entries are matched by {@link #device()} only: in the kernel the key is the {@code struct device}
 * pointer, and the device name identifies it. The driver name only feeds the message prefix.
 *
 * @param driver          bound driver's name ("idxd"); null or empty when no driver is bound
 * @param device          device name ({@code dev_name()}, e.g. "0000:6a:01.0")
 * @param maxSegSize      {@code dma_parms->max_segment_size} (PCI default 65536)
 * @param segBoundaryMask {@code dma_parms->segment_boundary_mask} (PCI default 0xffffffff)
 * @param bus             bus name, which {@code dev_driver_string()} returns when no driver is bound ("pci")
 */
public record DebugDevice(String driver, String device, long maxSegSize, long segBoundaryMask, String bus) {

    /** PCI's default {@code dma_set_max_seg_size(&dev->dev, 65536)} (drivers/pci/probe.c). */
    public static final long DEFAULT_MAX_SEG_SIZE = 65536;
    /** PCI's default {@code dma_set_seg_boundary(&dev->dev, 0xffffffff)} (drivers/pci/probe.c). */
    public static final long DEFAULT_SEG_BOUNDARY_MASK = 0xffffffffL;
    /** The bus of the simulated devices. */
    public static final String DEFAULT_BUS = "pci";

    public DebugDevice {
        Objects.requireNonNull(device, "device");
        if (bus == null) bus = "";
    }

    /** A PCI device with the PCI defaults for max segment size and segment boundary. */
    public DebugDevice(String driver, String device) {
        this(driver, device, DEFAULT_MAX_SEG_SIZE, DEFAULT_SEG_BOUNDARY_MASK, DEFAULT_BUS);
    }

    /** A PCI device with explicit DMA segment parameters. */
    public DebugDevice(String driver, String device, long maxSegSize, long segBoundaryMask) {
        this(driver, device, maxSegSize, segBoundaryMask, DEFAULT_BUS);
    }

    /** {@code dev_driver_string()}: the driver name, or the bus name once the driver is unbound. */
    public String driverString() {
        return driver != null && !driver.isEmpty() ? driver : bus;
    }

    /** "DMA-API: &lt;driver&gt; &lt;device&gt;: ", the prefix {@code err_printk()} puts before every message. */
    public String messagePrefix() {
        return prefix(driverString());
    }

    /** The prefix as printed after the driver was unbound ({@code BUS_NOTIFY_UNBOUND_DRIVER}): the bus name. */
    public String unboundMessagePrefix() {
        return prefix(bus);
    }

    /** True when both describe the same {@code struct device}. */
    public boolean sameDevice(DebugDevice other) {
        return this == other || (other != null && device.equals(other.device));
    }

    /** This device with another driver bound (or none, when driver is null). */
    public DebugDevice withDriver(String newDriver) {
        return new DebugDevice(newDriver, device, maxSegSize, segBoundaryMask, bus);
    }

    private String prefix(String drv) {
        return "DMA-API: " + drv + " " + device + ": ";
    }
}
