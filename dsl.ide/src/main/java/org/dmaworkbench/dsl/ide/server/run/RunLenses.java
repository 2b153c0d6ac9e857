package org.dmaworkbench.dsl.ide.server.run;

import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.dmas.Benchmark;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.dmas.Scenario;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/** The code lenses of a file: "▶ Run file" on its first line, "▶ Run" above each scenario and benchmark. */
public final class RunLenses {
    /** The command the lenses run ({@link RunCommand}). */
    public static final String RUN = "dmas.run";

    private RunLenses() { }

    /** The lenses of {@code resource} (none when it has nothing to run). */
    public static List<CodeLens> of(String uri, XtextResource resource) {
        List<CodeLens> lenses = new ArrayList<>();
        if (resource == null || resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) return lenses;
        for (EObject e : model.getElements()) {
            String title = e instanceof Scenario s ? s.getTitle() : e instanceof Benchmark b ? b.getTitle() : null;
            INode node = title == null ? null : NodeModelUtils.findActualNodeFor(e);
            if (node == null) continue;
            String kind = e instanceof Scenario ? "scenario" : "benchmark";
            lenses.add(lens(node.getStartLine() - 1, "▶ Run", "Run the " + kind + " \"" + title + "\"", uri, title));
        }
        if (!lenses.isEmpty()) lenses.add(0, lens(0, "▶ Run file", "Run every scenario and benchmark of the file", uri, null));
        return lenses;
    }

    private static CodeLens lens(int line, String title, String tooltip, String uri, String name) {
        List<Object> args = new ArrayList<>();
        args.add(new JsonPrimitive(uri));
        if (name != null) args.add(new JsonPrimitive(name));
        Command c = new Command(title, RUN, args);
        return new CodeLens(new Range(new Position(line, 0), new Position(line, 0)), c, tooltip);
    }
}
