package org.dmaworkbench.runtime.bench;

import org.dmaworkbench.runtime.sim.Errno;

/**
 * A benchmark run refused or aborted the way {@code map_benchmark_ioctl()} / {@code do_map_benchmark()}
 * fail: the errno the ioctl returns and the {@code pr_err()} text that explains it.
 */
public final class MapBenchmarkException extends RuntimeException {
    private final Errno errno;
    private final String reason;

    public MapBenchmarkException(Errno errno, String reason) {
        super("-" + errno.name() + ": " + reason);
        this.errno = errno;
        this.reason = reason;
    }

    /** The error the ioctl returns (negated): EINVAL for bad parameters, ENOMEM for a failed map. */
    public Errno errno() { return errno; }

    /** The kernel's message, e.g. "invalid thread number". */
    public String reason() { return reason; }
}
