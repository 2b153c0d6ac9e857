package org.dmaworkbench.dsl.batch;

import java.nio.file.Path;
import java.util.Locale;
import org.dmaworkbench.runtime.exec.ErrorText;

/** Small text helpers shared by the reports: display paths, one-line messages, escaping. */
public final class Text {
    private Text() { }

    /** The current directory, absolute. */
    public static Path cwd() { return Path.of("").toAbsolutePath().normalize(); }

    /** A path as shown to the user: relative to the current directory when below it, else absolute. */
    public static String display(Path p) {
        return display(p, cwd());
    }

    /** A path as shown to the user: relative to {@code base} when below it, else absolute; control characters escaped. */
    public static String display(Path p, Path base) {
        Path abs = p.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        String s = abs.startsWith(b) && !abs.equals(b) ? b.relativize(abs).toString() : abs.toString();
        return oneLine(s.replace('\\', '/')); // a newline in a file name must not split a file:line line
    }

    /** Null-safe, on one line, control and bidirectional-formatting characters shown as escapes (see {@link ErrorText#oneLine}). */
    public static String oneLine(String s) {
        return ErrorText.oneLine(s);
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String html(String s) {
        if (s == null) return "";
        String clean = xml(s);
        StringBuilder b = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Drops the characters XML 1.0 cannot carry (control characters, lone surrogates): U+FFFD in their place. */
    public static String xml(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok && b == null) {
                b = new StringBuilder(s.length());
                b.append(s, 0, i);
            }
            if (b != null) {
                if (ok) b.appendCodePoint(cp);
                else b.append('\uFFFD');
            }
            i += n;
        }
        return b == null ? s : b.toString();
    }

    /** "1 scenario", "2 scenarios". */
    public static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** Milliseconds with one decimal. */
    public static String ms(long ns) {
        return String.format(Locale.ROOT, "%.1f ms", ns / 1e6);
    }
}
