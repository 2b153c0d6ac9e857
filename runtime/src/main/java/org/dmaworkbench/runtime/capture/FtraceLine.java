package org.dmaworkbench.runtime.capture;

/**
 * Splits one line of ftrace text output into its parts without copying; models the line layout of
 * kernel/trace/trace_output.c ({@code TASK-PID [CPU] FLAGS TIMESTAMP: EVENT: FIELDS}; FLAGS only with the
 * irq-info option, {@code (TGID)} with record-tgid) and of {@code trace-cmd report} (the same without FLAGS,
 * the event name padded), and the lost-event markers of kernel/trace/trace.c {@code print_trace_line()}
 * ({@code CPU:%d [LOST %lu EVENTS]}, {@code CPU:%d [LOST EVENTS]}) and trace-cmd
 * ({@code CPU:%d [%lld EVENTS DROPPED]}, {@code CPU:%d [EVENTS DROPPED]}).
 *
 * <p>One instance is reused for every line: {@link #parse} fills the fields and returns the kind.
 */
final class FtraceLine {
    enum Kind { HEADER, LOST, EVENT, OTHER }

    String line;
    int cpu;
    int nameStart;
    int nameEnd;
    int bodyStart;
    /** For LOST: the number of lost events, -1 when the marker does not say. */
    long lost;
    /** For EVENT: where the TIMESTAMP's digits start and end (before its colon). */
    int timeStart;
    int timeEnd;

    Kind parse(String s) {
        line = s;
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) == ' ') i++;
        if (i < n && s.charAt(i) == '#') return Kind.HEADER;
        if (s.startsWith("CPU:", i) && parseLost(s, i + 4)) return Kind.LOST;
        return parseEvent(s) ? Kind.EVENT : Kind.OTHER;
    }

    /** The event name (a new string). */
    String name() {
        return line.substring(nameStart, nameEnd);
    }

    /**
     * For EVENT: the TIMESTAMP in nanoseconds, or -1 when it is no plain {@code SECONDS.FRACTION} count (the trace clocks
     * {@code local}, {@code global}, {@code mono}, {@code boot} print seconds with µs, or ns with the {@code ns} option;
     * {@code counter} and {@code x86-tsc} print bare counts, which are no time).
     */
    long timeNs() {
        return secondsToNs(line, timeStart, timeEnd);
    }

    /** {@code SECONDS[.FRACTION]} of {@code s[start, end)} in nanoseconds (fraction digits past 9 ignored), -1 if none. */
    static long secondsToNs(CharSequence s, int start, int end) {
        long sec = 0;
        int k = start;
        int digits = 0;
        while (k < end && isDigit(s.charAt(k))) {
            if (++digits > 10) return -1;
            sec = sec * 10 + (s.charAt(k++) - '0');
        }
        if (digits == 0 || k >= end || s.charAt(k) != '.') return -1;
        long frac = 0;
        int fd = 0;
        for (k++; k < end && isDigit(s.charAt(k)); k++) {
            if (fd < 9) {
                frac = frac * 10 + (s.charAt(k) - '0');
                fd++;
            }
        }
        if (fd == 0 || k != end) return -1;
        while (fd++ < 9) frac *= 10;
        return sec * 1_000_000_000L + frac;
    }

    private boolean parseLost(String s, int i) {
        int n = s.length();
        int start = i;
        while (i < n && isDigit(s.charAt(i))) i++;
        if (i == start || i + 1 >= n || s.charAt(i) != ' ' || s.charAt(i + 1) != '[') return false;
        cpu = (int) Math.min(Integer.MAX_VALUE, parseDec(s, start, i));
        String rest = s.substring(i + 2).strip();
        if (rest.equals("LOST EVENTS]") || rest.equals("EVENTS DROPPED]")) {
            lost = -1;
            return true;
        }
        String num;
        if (rest.startsWith("LOST ") && rest.endsWith(" EVENTS]")) num = rest.substring(5, rest.length() - 8);
        else if (rest.endsWith(" EVENTS DROPPED]")) num = rest.substring(0, rest.length() - 16);
        else return false;
        if (num.isEmpty() || num.length() > 18 || !num.chars().allMatch(FtraceLine::isDigit)) return false;
        lost = Long.parseLong(num);
        return true;
    }

    /** TASK-PID [CPU] ... TIMESTAMP: NAME: BODY. */
    private boolean parseEvent(String s) {
        int n = s.length();
        int open = s.indexOf('[');
        while (open >= 0) {
            int j = open + 1;
            while (j < n && isDigit(s.charAt(j))) j++;
            if (j > open + 1 && j < n && s.charAt(j) == ']') {
                if (afterCpu(s, j + 1)) {
                    cpu = (int) Math.min(Integer.MAX_VALUE, parseDec(s, open + 1, j));
                    return true;
                }
            }
            open = s.indexOf('[', open + 1);
        }
        return false;
    }

    /** From after "[CPU]": at most one flags token, then "SECONDS[.FRACTION]:", then "NAME:" and the body. */
    private boolean afterCpu(String s, int i) {
        int n = s.length();
        for (int token = 0; token < 2; token++) {
            while (i < n && s.charAt(i) == ' ') i++;
            int start = i;
            while (i < n && s.charAt(i) != ' ') i++;
            if (i > start && s.charAt(i - 1) == ':' && isTimestamp(s, start, i - 1)) {
                timeStart = start;
                timeEnd = i - 1;
                return afterTimestamp(s, i);
            }
        }
        return false;
    }

    private boolean afterTimestamp(String s, int i) {
        int n = s.length();
        while (i < n && s.charAt(i) == ' ') i++;
        int start = i;
        while (i < n && isNameChar(s.charAt(i))) i++;
        if (i == start || i >= n || s.charAt(i) != ':') return false;
        nameStart = start;
        nameEnd = i;
        i++;
        while (i < n && s.charAt(i) == ' ') i++;
        bodyStart = i;
        return true;
    }

    private static boolean isTimestamp(String s, int start, int end) {
        boolean digit = false;
        boolean dot = false;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (isDigit(c)) digit = true;
            else if (c == '.' && !dot) dot = true;
            else return false;
        }
        return digit;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static long parseDec(String s, int start, int end) {
        long v = 0;
        for (int k = start; k < end && k < start + 18; k++) v = v * 10 + (s.charAt(k) - '0');
        return v;
    }
}
