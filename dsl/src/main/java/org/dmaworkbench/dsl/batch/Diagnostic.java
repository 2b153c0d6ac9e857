package org.dmaworkbench.dsl.batch;

import java.util.Comparator;

/**
 * One problem found in an input file, printed as {@code file:line:col: error|warning: message}
 * ({@code file: error: message} when there is no position, e.g. a missing file).
 *
 * @param file     the file as shown to the user (relative to the current directory when below it)
 * @param line     1-based line, 0 when unknown
 * @param column   1-based column, 0 when unknown
 * @param severity error, warning or info
 * @param message  one line
 * @param code     the validator's issue code, or null
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message, String code) {

    /** How bad a diagnostic is; only errors stop a run. */
    public enum Severity {
        ERROR, WARNING, INFO;

        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** Source order: file, line, column. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column);

    public static Diagnostic error(String file, int line, int column, String message) {
        return new Diagnostic(file, line, column, Severity.ERROR, Text.oneLine(message), null);
    }

    public static Diagnostic warning(String file, int line, int column, String message) {
        return new Diagnostic(file, line, column, Severity.WARNING, Text.oneLine(message), null);
    }

    public boolean isError() { return severity == Severity.ERROR; }

    /** {@code file:line:col} (or just {@code file} without a position). */
    public String location() {
        return line > 0 ? file + ":" + line + ":" + Math.max(1, column) : file;
    }

    @Override public String toString() {
        return location() + ": " + severity.label() + ": " + message;
    }
}
