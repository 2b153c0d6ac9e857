package org.dmaworkbench.runtime.capture;

import org.dmaworkbench.runtime.debug.DmaDebugCheck;

/**
 * One verdict of a capture replay.
 *
 * @param kind        a certain violation, an uncertain one (it depends on events the capture may lack), or a fault
 * @param file        the capture's name as given
 * @param line        the line of the offending event (1-based)
 * @param event       its trace event name, or for a kernel-log fault the family ("VT-d", "SMMUv3", ...)
 * @param device      the device ({@code dev_name()})
 * @param check       the dma-debug check (null for faults and replay-level verdicts)
 * @param message     the kernel's dma-debug message, without the "DMA-API: driver device: " prefix, or the fault's text
 * @param dmaAddr     the device address involved (0 when none)
 * @param relatedLine the line of the earlier event it conflicts with (0 when none)
 * @param related     what that event was ("mapped at line 16", "unmapped at line 30"), or why the verdict is uncertain
 */
public record CaptureFinding(Kind kind, String file, long line, String event, String device, DmaDebugCheck check,
                             String message, long dmaAddr, long relatedLine, String related) {

    /** The three kinds of verdict. */
    public enum Kind {
        /** dma-debug reports it and every event it depends on is in the capture. */
        VIOLATION("violation"),
        /** It depends on events the capture may lack (lost events, a capture started mid-run): reported apart. */
        UNCERTAIN("uncertain"),
        /**
         * A fault the machine reported (an io_page_fault event, or a fault line of the kernel log), with the capture's
         * mapping that covered the address (live, or removed by an unmap) when there is one.
         */
        FAULT("fault");

        private final String label;

        Kind(String label) { this.label = label; }

        /** The word the text report prints. */
        public String label() { return label; }
    }

    /** {@code file:line: kind: device: message}, then the related event on an indented line when there is one. */
    public String text() {
        String head = file + ":" + line + ": " + kind.label + ": " + device + ": " + message.replace("\n", " ");
        return related == null || related.isEmpty() ? head : head + "\n    " + related;
    }
}
