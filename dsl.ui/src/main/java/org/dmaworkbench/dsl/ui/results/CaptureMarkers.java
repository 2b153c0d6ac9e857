package org.dmaworkbench.dsl.ui.results;

import java.util.List;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;

/**
 * Marks the lines of a checked capture as the .dmas runs mark failed steps: an error on each violation's and
 * fault's line, a warning on each uncertain verdict's and on each line that looks like a known event but does not
 * parse; the previous check's marks are removed first. At most {@value #MAX_MARKERS} per file.
 */
public final class CaptureMarkers {
    /** The marker type (plugin.xml): a problem marker and a text marker, persistent until the file is checked again. */
    public static final String TYPE = DmasUiPlugin.ID + ".captureFinding";
    static final int MAX_MARKERS = 2000;

    /** A line the reader warned about: {@code file:line: warning: message}. */
    public record Warning(String file, long line, String message) { }

    private CaptureMarkers() { }

    /** Replaces the marks under {@code root} by those of {@code run}'s findings and {@code warnings}. */
    public static void replace(IResource root, RunRecord run, List<Warning> warnings) {
        IWorkspaceRunnable op = monitor -> {
            root.deleteMarkers(TYPE, false, IResource.DEPTH_INFINITE);
            for (CaptureResult r : run.captures().results()) {
                IFile file = run.file(r.file());
                if (file == null || !file.exists()) continue;
                int n = 0;
                for (CaptureFinding f : r.findings()) {
                    if (n++ >= MAX_MARKERS) break;
                    boolean certain = f.kind() != CaptureFinding.Kind.UNCERTAIN;
                    String related = f.related() == null || f.related().isEmpty() ? "" : " (" + f.related() + ")";
                    mark(file, f.line(), certain ? IMarker.SEVERITY_ERROR : IMarker.SEVERITY_WARNING,
                            f.kind().label() + ": " + f.device() + ": " + f.message().replace("\n", " ") + related);
                }
                for (Warning w : warnings) {
                    if (w.file().equals(r.file()) && n++ < MAX_MARKERS) mark(file, w.line(), IMarker.SEVERITY_WARNING, "warning: " + w.message());
                }
            }
        };
        try {
            ResourcesPlugin.getWorkspace().run(op, null, IResource.NONE, null);
        } catch (CoreException e) {
            DmasUiPlugin.log("cannot mark the findings in " + root.getFullPath(), e);
        }
    }

    private static void mark(IFile file, long line, int severity, String message) throws CoreException {
        IMarker m = file.createMarker(TYPE);
        int l = (int) Math.max(1, Math.min(Integer.MAX_VALUE, line));
        m.setAttribute(IMarker.SEVERITY, severity);
        m.setAttribute(IMarker.LINE_NUMBER, l);
        m.setAttribute(IMarker.MESSAGE, message);
        m.setAttribute(IMarker.LOCATION, "line " + l);
    }
}
