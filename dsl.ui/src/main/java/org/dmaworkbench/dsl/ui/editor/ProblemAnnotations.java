package org.dmaworkbench.dsl.ui.editor;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.dsl.ide.editor.Problem;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.ISourceViewer;

/**
 * Squiggles for a {@code .dmas} file opened from outside the workspace (no resource, so no
 * markers): the problems as error/warning/info annotations of the editor's annotation model,
 * replaced on every check.
 */
final class ProblemAnnotations {
    static final String ERROR = "org.eclipse.ui.workbench.texteditor.error";
    static final String WARNING = "org.eclipse.ui.workbench.texteditor.warning";
    static final String INFO = "org.eclipse.ui.workbench.texteditor.info";

    private ProblemAnnotations() { }

    /** Marks the annotations this class made. */
    private static final class DmasProblem extends Annotation {
        DmasProblem(String type, String text) {
            super(type, false, text);
        }
    }

    static void show(ISourceViewer viewer, List<Problem> problems) {
        IAnnotationModel model = viewer.getAnnotationModel();
        if (!(model instanceof IAnnotationModelExtension ext)) return;
        Map<Annotation, Position> added = new HashMap<>();
        for (Problem p : problems) {
            String type = switch (p.severity()) {
                case ERROR -> ERROR;
                case WARNING -> WARNING;
                case INFO -> INFO;
            };
            added.put(new DmasProblem(type, p.message()), new Position(p.offset(), Math.max(1, p.length())));
        }
        List<Annotation> old = new java.util.ArrayList<>();
        for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext(); ) {
            Annotation a = it.next();
            if (a instanceof DmasProblem) old.add(a);
        }
        ext.replaceAnnotations(old.toArray(Annotation[]::new), added);
    }
}
