package org.dmaworkbench.runtime.debug;

/**
 * One warning dma-debug printed; models a single {@code err_printk()} (or {@code WARN_ONCE()}) of kernel/dma/debug.c.
 *
 * @param check           which violation
 * @param message         the message with its values filled in, without prefix (may contain a line break: check 25)
 * @param prefixedMessage the message as the kernel log shows it, "DMA-API: &lt;driver&gt; &lt;device&gt;: " + message
 * @param device          the device the call was made for
 * @param devAddr         the device (DMA) address involved, or 0 when the call had none
 * @param entry           the tracked entry the call was checked against (the mapping it conflicts with), or null
 *                        when there was none (an untracked address) or the check is not about one
 */
public record DmaDebugReport(DmaDebugCheck check, String message, String prefixedMessage,
                             DebugDevice device, long devAddr, DmaDebugEntry entry) {

    /** A report not about a tracked entry. */
    public DmaDebugReport(DmaDebugCheck check, String message, String prefixedMessage, DebugDevice device, long devAddr) {
        this(check, message, prefixedMessage, device, devAddr, null);
    }

    /** True when the user-written expectation names this report (see {@link DmaDebugCheck#matches}). */
    public boolean matches(String expected) {
        return DmaDebugCheck.textMatches(expected, prefixedMessage);
    }

    @Override
    public String toString() {
        return prefixedMessage;
    }
}
