package org.dmaworkbench.dsl.ui.results;

import org.dmaworkbench.dsl.batch.RunResults;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.dmaworkbench.dsl.ui.markers.DmasMarkers;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;

/**
 * Marks the steps whose expectation was not met (and scenarios that stopped on an error) in the
 * file that was run: an error marker on the step's line whose message says what was expected,
 * what happened and why. The previous run's marks are removed first.
 */
public final class StepFailureMarkers {
    private StepFailureMarkers() { }

    /** Replaces the marks in the files under {@code root} by those of {@code run}. */
    public static void replace(IResource root, RunRecord run) {
        IWorkspaceRunnable op = monitor -> {
            root.deleteMarkers(DmasMarkers.STEP_FAILURE, false, IResource.DEPTH_INFINITE);
            for (RunResults.Failure f : run.results().failures()) { // the same list as the text report's "Failures:" recap
                IFile file = run.file(f.file());
                if (file != null && file.exists()) mark(file, f.line(), "'" + f.in() + "': " + f.why());
            }
        };
        try {
            ResourcesPlugin.getWorkspace().run(op, null, IResource.NONE, null);
        } catch (CoreException e) {
            DmasUiPlugin.log("cannot mark the failing steps under " + root.getFullPath(), e);
        }
    }

    private static void mark(IFile file, int line, String message) throws CoreException {
        IMarker m = file.createMarker(DmasMarkers.STEP_FAILURE);
        m.setAttribute(IMarker.SEVERITY, IMarker.SEVERITY_ERROR);
        m.setAttribute(IMarker.LINE_NUMBER, Math.max(1, line));
        m.setAttribute(IMarker.MESSAGE, message);
        m.setAttribute(IMarker.LOCATION, "line " + Math.max(1, line));
    }
}
