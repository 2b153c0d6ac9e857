package org.dmaworkbench.runtime.exec;

import java.util.Locale;
import java.util.regex.Pattern;

/** A throwable or a value as one line a user can read: no Java class names, no control characters. */
public final class ErrorText {
    private static final Pattern JAVA_EXCEPTION_PREFIX =
            Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ");

    private ErrorText() { }

    public static boolean isStackOverflow(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) if (t instanceof StackOverflowError) return true;
        return false;
    }

    /** The innermost useful message of {@code e}, on one line, without Java class names. */
    public static String of(Throwable e) {
        if (isStackOverflow(e)) return "input nested too deeply (stack overflow)";
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || isWrapper(t))) t = t.getCause();
        String m = t.getMessage();
        if (t instanceof java.nio.file.NoSuchFileException) m = "no such file: " + m;
        if (t instanceof java.nio.file.AccessDeniedException) m = "permission denied: " + m;
        if (t instanceof java.nio.file.FileAlreadyExistsException) m = "already exists: " + m;
        if (t instanceof java.nio.file.NotDirectoryException) m = "not a directory: " + m;
        if (m == null || m.isBlank()) return t.getClass().getSimpleName();
        int see = m.indexOf("\nSee https://");
        if (see >= 0) m = m.substring(0, see); // Gson's troubleshooting link
        m = JAVA_EXCEPTION_PREFIX.matcher(m).replaceAll(""); // "java.lang.IllegalStateException: " and the like
        return oneLine(m.isBlank() ? t.getClass().getSimpleName() : m);
    }

    /** Exceptions that only carry another one (EMF's WrappedException, reflection, concurrency). */
    private static boolean isWrapper(Throwable t) {
        String n = t.getClass().getSimpleName();
        return n.equals("WrappedException") || n.equals("ExecutionException") || n.equals("InvocationTargetException")
                || n.equals("UncheckedIOException");
    }

    /**
     * Null-safe, on one line: line breaks as {@code \n}, control characters and the bidirectional
     * formatting characters (U+202A..U+202E, U+2066..U+2069, which reorder what a terminal shows) and
     * lone surrogates (no encoder can write them) as escapes.
     */
    public static String oneLine(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String esc = escape(c);
            if (Character.isSurrogate(c)) { // a pair stays (an emoji); a lone half (a lexer's split token) cannot be encoded
                boolean paired = Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
                if (!paired) esc = String.format(Locale.ROOT, "\\u%04x", (int) c);
            }
            if (esc != null && b == null) {
                b = new StringBuilder(s.length() + 16);
                b.append(s, 0, i);
            }
            if (b != null) {
                if (esc != null) b.append(esc);
                else b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private static String escape(char c) {
        if (c == '\n') return "\\n";
        if (c == '\r') return "\\r";
        if (c == '\t') return " ";
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) return String.format(Locale.ROOT, "\\x%02x", (int) c);
        if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c) {
            return String.format(Locale.ROOT, "\\u%04x", (int) c);
        }
        return null;
    }
}
