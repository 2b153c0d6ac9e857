package org.dmaworkbench.runtime.debug;

/**
 * The few {@code printk} conversions dma-debug's messages use; models lib/vsprintf.c for
 * {@code %016llx}, {@code %llu}, {@code %lu}, {@code %u}, {@code %d}, {@code %s}, {@code %p} and {@code %pa}.
 *
 * <p>{@code %p} prints the pointer as 16 lowercase hex digits without "0x" (the shape of a hashed
 * pointer; the simulator prints the real value so that it can be checked). {@code %pa} prints a
 * {@code phys_addr_t} as "0x" and 16 hex digits.
 */
final class KernelFormat {

    private KernelFormat() {}

    /** Formats a kernel format string; arguments are Long, Integer or String, in order. */
    static String format(String template, Object... args) {
        StringBuilder sb = new StringBuilder(template.length() + 64);
        int arg = 0;
        int n = template.length();
        for (int i = 0; i < n; i++) {
            char c = template.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            int j = i + 1;
            if (j < n && template.charAt(j) == '%') {
                sb.append('%');
                i = j;
                continue;
            }
            boolean zeroPad16 = template.startsWith("016", j);
            if (zeroPad16) j += 3;
            int lengthStart = j;
            while (j < n && template.charAt(j) == 'l') j++;
            boolean isLong = j > lengthStart;
            char conv = template.charAt(j);
            Object a = args[arg++];
            switch (conv) {
                case 'x' -> sb.append(zeroPad16 ? hex16(asLong(a)) : Long.toHexString(asLong(a)));
                case 'u' -> sb.append(isLong ? Long.toUnsignedString(asLong(a))
                                             : Integer.toUnsignedString((int) asLong(a)));
                case 'd' -> sb.append(isLong ? asLong(a) : (int) asLong(a));
                case 's' -> sb.append(a);
                case 'p' -> {
                    if (j + 1 < n && template.charAt(j + 1) == 'a') {
                        sb.append("0x").append(hex16(asLong(a)));
                        j++;
                    } else {
                        sb.append(hex16(asLong(a)));
                    }
                }
                default -> throw new IllegalArgumentException("unsupported conversion %" + conv + " in " + template);
            }
            i = j;
        }
        if (arg != args.length) throw new IllegalArgumentException("too many arguments for " + template);
        return sb.toString();
    }

    /** {@code %016llx}: 16 lowercase hex digits, zero padded. */
    static String hex16(long v) {
        String h = Long.toHexString(v);
        return "0000000000000000".substring(h.length()) + h;
    }

    private static long asLong(Object a) {
        return ((Number) a).longValue();
    }
}
