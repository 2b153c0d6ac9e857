package org.dmaworkbench.dsl.ui.markers;

import java.util.List;
import org.dmaworkbench.dsl.ide.editor.Problem;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;

/**
 * The plug-in's marker types (declared in plugin.xml) and how problems become markers. Quick fixes
 * find a problem's issue code and data on its marker ({@link #CODE}, {@link #DATA}).
 */
public final class DmasMarkers {
    /** A validation problem of a {@code .dmas} file (a problem marker and a text marker). */
    public static final String PROBLEM = DmasUiPlugin.ID + ".problem";
    /** A step whose expectation was not met in the last run (a problem marker, persisted until the file runs again). */
    public static final String STEP_FAILURE = DmasUiPlugin.ID + ".stepFailure";
    /** The validator's issue code. */
    public static final String CODE = "dmasIssueCode";
    /** The issue data, one string per entry, joined by {@link #SEPARATOR}. */
    public static final String DATA = "dmasIssueData";
    static final String SEPARATOR = "\u0000";

    private DmasMarkers() { }

    /** Replaces the problem markers of {@code file} by {@code problems} as one workspace operation. */
    public static void replace(IFile file, List<Problem> problems) throws CoreException {
        IWorkspaceRunnable op = monitor -> {
            if (!file.exists()) return;
            file.deleteMarkers(PROBLEM, false, IResource.DEPTH_ZERO);
            for (Problem p : problems) {
                IMarker m = file.createMarker(PROBLEM);
                m.setAttribute(IMarker.SEVERITY, switch (p.severity()) {
                    case ERROR -> IMarker.SEVERITY_ERROR;
                    case WARNING -> IMarker.SEVERITY_WARNING;
                    case INFO -> IMarker.SEVERITY_INFO;
                });
                m.setAttribute(IMarker.MESSAGE, p.message());
                m.setAttribute(IMarker.LINE_NUMBER, p.line());
                m.setAttribute(IMarker.CHAR_START, p.offset());
                m.setAttribute(IMarker.CHAR_END, p.offset() + p.length());
                m.setAttribute(IMarker.LOCATION, "line " + p.line());
                if (p.code() != null) m.setAttribute(CODE, p.code());
                m.setAttribute(DATA, String.join(SEPARATOR, p.data()));
            }
        };
        ResourcesPlugin.getWorkspace().run(op, file, IResource.NONE, null);
    }

    /** The problem a marker was made from (its offsets as the marker holds them now). */
    public static Problem problem(IMarker m) {
        int sev = m.getAttribute(IMarker.SEVERITY, IMarker.SEVERITY_ERROR);
        Problem.Severity s = sev == IMarker.SEVERITY_ERROR ? Problem.Severity.ERROR
                : sev == IMarker.SEVERITY_WARNING ? Problem.Severity.WARNING : Problem.Severity.INFO;
        String data = m.getAttribute(DATA, "");
        int start = m.getAttribute(IMarker.CHAR_START, 0);
        int end = m.getAttribute(IMarker.CHAR_END, start);
        return new Problem(s, m.getAttribute(IMarker.MESSAGE, ""), m.getAttribute(CODE, null),
                data.isEmpty() ? List.of() : List.of(data.split(SEPARATOR, -1)), start, end - start, m.getAttribute(IMarker.LINE_NUMBER, 1));
    }
}
