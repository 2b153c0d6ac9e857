package org.dmaworkbench.runtime.sim;

/**
 * The kernel's error numbers as the simulated API returns them (negative), from
 * include/uapi/asm-generic/errno-base.h and errno.h.
 */
public enum Errno {
    EPERM(1), ENOENT(2), EIO(5), ENOMEM(12), EACCES(13), EFAULT(14), EBUSY(16), EEXIST(17),
    ENODEV(19), EINVAL(22), ENOSPC(28), ERANGE(34), ENOSYS(38), EOVERFLOW(75), EOPNOTSUPP(95),
    EPROBE_DEFER(517);

    private final int number;

    Errno(int number) { this.number = number; }

    /** The positive errno value. */
    public int number() { return number; }

    /** The value a kernel function returns: {@code -number}. */
    public int ret() { return -number; }

    /** Maps a negative return value back to its name, or null when it is not an errno. */
    public static Errno fromReturn(long ret) {
        for (Errno e : values()) if (e.ret() == ret) return e;
        return null;
    }

    /** "-EINVAL" for a negative errno, the decimal value otherwise. */
    public static String describe(long ret) {
        Errno e = fromReturn(ret);
        return e != null ? "-" + e.name() : Long.toString(ret);
    }

    /** Parses "EINVAL" or "-EINVAL"; null when unknown. */
    public static Errno parse(String s) {
        String n = s.startsWith("-") ? s.substring(1) : s;
        try { return valueOf(n); } catch (IllegalArgumentException e) { return null; }
    }
}
