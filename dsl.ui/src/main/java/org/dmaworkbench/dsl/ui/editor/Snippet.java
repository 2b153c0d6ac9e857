package org.dmaworkbench.dsl.ui.editor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An LSP snippet ({@code ${1:name}}, {@code $0}) as plain text plus where the caret goes and
 * what to select: the first placeholder, else {@code $0}, else the end.
 */
public record Snippet(String text, int selectionOffset, int selectionLength) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\d+)(?::([^}]*))?}|\\$(\\d+)");

    public static Snippet parse(String snippet) {
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(snippet);
        int last = 0, selStart = -1, selLen = 0, zero = -1, firstNumber = Integer.MAX_VALUE;
        while (m.find()) {
            out.append(snippet, last, m.start());
            String number = m.group(1) != null ? m.group(1) : m.group(3);
            String value = m.group(2) == null ? "" : m.group(2);
            int n = Integer.parseInt(number);
            if (n == 0) zero = out.length();
            else if (n < firstNumber) {
                firstNumber = n;
                selStart = out.length();
                selLen = value.length();
            }
            out.append(value);
            last = m.end();
        }
        out.append(snippet.substring(last));
        String text = out.toString().replace("\\$", "$").replace("\\}", "}");
        if (selStart < 0) {
            selStart = zero >= 0 ? zero : text.length();
            selLen = 0;
        }
        return new Snippet(text, selStart, selLen);
    }
}
