package org.dmaworkbench.runtime.debug;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code err_printk()} of kernel/dma/debug.c: counts every violation ({@code error_count}) and prints
 * it when the driver filter ({@code driver_filter}) and the budget ({@code all_errors},
 * {@code num_errors}) allow; the printed reports are kept for the simulator's readers.
 */
final class ErrPrintk {
    private final int historyLimit;
    private final List<DmaDebugReport> history = new ArrayList<>();
    private final List<DmaDebugReport> pending = new ArrayList<>();
    private long errorCount;
    private boolean showAllErrors = true;
    private long showNumErrors = 1;
    private String driverFilter = "";
    private DmaDebugEntry subject;

    ErrPrintk(int historyLimit) { this.historyLimit = historyLimit; }

    void setShowAllErrors(boolean all) { this.showAllErrors = all; }
    void setNumErrors(long n) { this.showNumErrors = n; }
    void setDriverFilter(String driverName) { this.driverFilter = driverName == null ? "" : driverName; }
    long errorCount() { return errorCount; }

    /** The entry the following reports are about (the one check_unmap/check_sync found), null for none. */
    void subject(DmaDebugEntry e) { this.subject = e; }

    /** The printed reports so far (up to the history limit), oldest first. */
    List<DmaDebugReport> reports() { return List.copyOf(history); }

    /** The reports printed since the previous drain, oldest first. */
    List<DmaDebugReport> drain() {
        if (pending.isEmpty()) return Collections.emptyList();
        List<DmaDebugReport> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    /** err_printk() for a device with its driver bound. */
    void err(DmaDebugCheck check, DebugDevice dev, long devAddr, Object... args) {
        err(check, dev, dev.driver(), dev.messagePrefix(), devAddr, args);
    }

    /** err_printk(): counts the error; prints it if the driver filter and the num_errors budget allow. */
    void err(DmaDebugCheck check, DebugDevice dev, String boundDriver, String prefix, long devAddr, Object... args) {
        errorCount++;
        if (passesDriverFilter(boundDriver) && (showAllErrors || showNumErrors > 0)) {
            report(check, dev, prefix, devAddr, args);
        }
        if (!showAllErrors && showNumErrors > 0) showNumErrors--;
    }

    /** driver_filter(): true when no filter is set or the device's bound driver is the filtered one. */
    private boolean passesDriverFilter(String boundDriver) {
        if (driverFilter.isEmpty()) return true;
        return boundDriver != null && boundDriver.equals(driverFilter);
    }

    /** pr_err() without counting (the overlap-limit warning is printed once, outside err_printk). */
    void report(DmaDebugCheck check, DebugDevice dev, String prefix, long devAddr, Object... args) {
        String message = check.format(args);
        DmaDebugReport r = new DmaDebugReport(check, message, prefix + message, dev, devAddr, subject);
        if (history.size() < historyLimit) history.add(r);
        pending.add(r);
    }
}
