package org.dmaworkbench.runtime.faultlog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What precedes a printk message in the files users keep: the kernel's own {@code [%5lu.%06lu]} time
 * (kernel/printk/printk.c {@code print_time()}), {@code <level>} and /dev/kmsg records, {@code dmesg -T/-H/-x}
 * decorations, syslog and {@code journalctl -k} (short, short-iso, short-monotonic) prefixes, and mail quotes.
 */
final class LogLinePrefix {
    /** A line split into its time (the printk time if there is one, else the first time stamp found, or "") and the message. */
    record Split(String time, String body) { }

    private static final Pattern[] TIMES = {
        Pattern.compile("^\\[\\s*[+-]?\\d+[.,]\\d+\\]"),                                           // [ 1234.567890], [  +0.000012]
        Pattern.compile("^\\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]?\\d \\d\\d:\\d\\d:\\d\\d \\d{4}\\]"),  // dmesg -T
        Pattern.compile("^\\[[A-Z][a-z]{2} ?[ \\d]?\\d \\d\\d:\\d\\d\\]"),                           // dmesg -H
        Pattern.compile("^[A-Z][a-z]{2} [ \\d]?\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?"),                   // syslog / journalctl short
        Pattern.compile("^\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?"), // short-iso, rfc3339
    };
    private static final Pattern HOST_KERNEL = Pattern.compile("^(?:\\S+ )?kernel(?:\\[\\d+\\])?: ");
    private static final Pattern LEVEL = Pattern.compile("^<\\d{1,3}>");
    private static final Pattern KMSG = Pattern.compile("^\\d{1,3},\\d+,\\d+,[^;]{0,8};");
    private static final Pattern DMESG_X = Pattern.compile(
            "^(?:kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local\\d)\\s*:\\s*"
            + "(?:emerg|alert|crit|err|warn|notice|info|debug)\\s*: ");
    private static final Pattern QUOTE = Pattern.compile("^(?:>\\s?)+");

    private LogLinePrefix() { }

    static Split split(String line) {
        String s = line;
        String time = "";
        boolean printkTime = false;
        for (int round = 0; round < 8; round++) {
            String before = s;
            s = strip(s.stripLeading(), QUOTE).stripLeading();
            s = strip(s, LEVEL);
            s = strip(s, KMSG);
            s = strip(s, DMESG_X);
            for (int i = 0; i < TIMES.length; i++) {
                Matcher m = TIMES[i].matcher(s);
                if (m.find()) {
                    if (time.isEmpty() || i == 0 && !printkTime) time = m.group().replaceAll("^\\[\\s*|\\]$", "");
                    printkTime |= i == 0;
                    s = s.substring(m.end()).stripLeading();
                    Matcher k = HOST_KERNEL.matcher(s);
                    if (k.find()) s = s.substring(k.end());
                }
            }
            s = strip(s, HOST_KERNEL);
            if (s.equals(before)) break;
        }
        return new Split(time, s);
    }

    private static String strip(String s, Pattern p) {
        Matcher m = p.matcher(s);
        return m.find() ? s.substring(m.end()) : s;
    }
}
