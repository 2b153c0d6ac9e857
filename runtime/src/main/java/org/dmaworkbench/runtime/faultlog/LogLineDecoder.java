package org.dmaworkbench.runtime.faultlog;

/** One family's reader of kernel-log lines; may keep a record that spans lines until it is complete. */
interface LogLineDecoder {
    /**
     * Offers the next line. Returns true when this decoder took it (decoded it, reported it, or keeps it
     * as part of a record); false otherwise, and then nothing of this decoder is pending any more
     * (a record it held was completed or reported).
     */
    boolean offer(long lineNo, LogLinePrefix.Split line);

    /** Whether a multi-line record is being read. */
    boolean pending();

    /** End of input: report what is pending. */
    void end();
}
