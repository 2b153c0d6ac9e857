package org.dmaworkbench.dsl.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An LSP snippet as the editor inserts it: the plain text, its tab stops (every occurrence of
 * {@code $1}, {@code ${1:default}}, {@code ${1|a,b|}}, in order, mirrors included) and where the
 * caret ends ({@code $0}, else the end). A mirror ({@code $1} after {@code ${1:dev}}) gets the
 * default of its placeholder; a choice starts as its first value.
 */
public record Snippet(String text, List<Stop> stops, int exit) {

    /** One occurrence of tab stop {@code number} at {@code offset} (in {@link #text}), with the values to choose from, if any. */
    public record Stop(int number, int offset, int length, List<String> choices) { }

    private record Token(String literal, int number, String value, List<String> choices) { }

    public static Snippet parse(String s) {
        List<Token> tokens = new ArrayList<>();
        Map<Integer, String> defaults = new HashMap<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "$}\\".indexOf(s.charAt(i + 1)) >= 0) {
                lit.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '$' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
                flush(lit, tokens);
                tokens.add(new Token(null, Integer.parseInt(s.substring(i + 1, j)), null, List.of()));
                i = j;
            } else if (c == '$' && i + 2 < s.length() && s.charAt(i + 1) == '{' && Character.isDigit(s.charAt(i + 2))) {
                int j = i + 2;
                while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
                int n = Integer.parseInt(s.substring(i + 2, j));
                int end = closing(s, j);
                String body = s.substring(j, end);
                String value = "";
                List<String> choices = List.of();
                if (body.startsWith(":")) value = unescape(body.substring(1));
                else if (body.startsWith("|") && body.endsWith("|") && body.length() >= 2) {
                    choices = List.of(body.substring(1, body.length() - 1).split(","));
                    value = choices.get(0);
                }
                flush(lit, tokens);
                tokens.add(new Token(null, n, value, choices));
                defaults.putIfAbsent(n, value);
                i = Math.min(s.length(), end + 1);
            } else {
                lit.append(c);
                i++;
            }
        }
        flush(lit, tokens);
        StringBuilder text = new StringBuilder();
        List<Stop> stops = new ArrayList<>();
        int exit = -1;
        for (Token t : tokens) {
            if (t.literal() != null) {
                text.append(t.literal());
            } else if (t.number() == 0) {
                if (exit < 0) exit = text.length();
            } else {
                String v = t.value() != null ? t.value() : defaults.getOrDefault(t.number(), "");
                stops.add(new Stop(t.number(), text.length(), v.length(), t.choices()));
                text.append(v);
            }
        }
        return new Snippet(text.toString(), stops, exit < 0 ? text.length() : exit);
    }

    private static void flush(StringBuilder lit, List<Token> tokens) {
        if (!lit.isEmpty()) tokens.add(new Token(lit.toString(), -1, null, List.of()));
        lit.setLength(0);
    }

    /** The index of the '}' that closes a placeholder whose body starts at {@code from} (escaped braces skipped). */
    private static int closing(String s, int from) {
        for (int k = from; k < s.length(); k++) {
            if (s.charAt(k) == '\\') k++;
            else if (s.charAt(k) == '}') return k;
        }
        return s.length();
    }

    private static String unescape(String v) {
        return v.replace("\\}", "}").replace("\\$", "$").replace("\\\\", "\\");
    }

    /** The first tab stop (the lowest number), or null: where the caret goes after insertion. */
    public Stop first() {
        return stops.stream().min((a, b) -> a.number() != b.number() ? Integer.compare(a.number(), b.number())
                : Integer.compare(a.offset(), b.offset())).orElse(null);
    }
}
