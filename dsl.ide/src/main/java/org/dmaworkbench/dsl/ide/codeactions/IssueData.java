package org.dmaworkbench.dsl.ide.codeactions;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;

/**
 * The issue data of a diagnostic. The server publishes it as {@code String[]}; a client sends it
 * back in a code action request as JSON, which LSP4J hands over as a {@link JsonArray}.
 */
public final class IssueData {
    private IssueData() { }

    public static List<String> of(Diagnostic diagnostic) {
        Object data = diagnostic.getData();
        List<String> out = new ArrayList<>();
        if (data instanceof String[] array) {
            Collections.addAll(out, array);
        } else if (data instanceof Iterable<?> list && !(data instanceof JsonElement)) {
            for (Object o : list) out.add(String.valueOf(o));
        } else if (data instanceof JsonArray array) {
            for (JsonElement e : array) if (e != null && !e.isJsonNull()) out.add(e.isJsonPrimitive() ? e.getAsString() : e.toString());
        } else if (data instanceof JsonPrimitive p) {
            out.add(p.getAsString());
        } else if (data instanceof String s) {
            out.add(s);
        }
        return out;
    }

    /** The diagnostic's code as a string, or null. */
    public static String code(Diagnostic diagnostic) {
        if (diagnostic.getCode() == null) return null;
        return diagnostic.getCode().isLeft() ? diagnostic.getCode().getLeft() : String.valueOf(diagnostic.getCode().getRight());
    }
}
