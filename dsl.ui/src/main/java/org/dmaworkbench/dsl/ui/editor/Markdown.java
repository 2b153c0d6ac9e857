package org.dmaworkbench.dsl.ui.editor;

/** The hover service writes Markdown; the editor's hover shows plain text: drop the markup, keep code blocks indented. */
final class Markdown {
    private Markdown() { }

    static String toPlainText(String md) {
        StringBuilder out = new StringBuilder();
        boolean code = false;
        for (String line : md.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                code = !code;
                continue;
            }
            if (code) {
                out.append("    ").append(line).append('\n');
            } else {
                out.append(line.replace("**", "").replace("`", "").replaceAll("^#+\\s*", "")).append('\n');
            }
        }
        return out.toString().strip();
    }
}
