package org.dmaworkbench.dsl.ui.markers;

import org.dmaworkbench.dsl.ide.editor.Checked;
import org.dmaworkbench.dsl.ide.editor.DmasIde;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Checks the text of one {@code .dmas} file (what the editor shows, or what is on disk) with the
 * language's validators and puts the problems on the file as markers. Never on the UI thread: the
 * editor's reconciler and the workspace listener's job call it.
 */
public final class FileChecker {
    private FileChecker() { }

    public static Checked check(IFile file, int version, String text, IProgressMonitor monitor) {
        Checked c = DmasIde.services().check(file.getLocationURI().toString(), version, text, monitor::isCanceled);
        if (monitor.isCanceled()) return c;
        try {
            DmasMarkers.replace(file, c.problems());
        } catch (CoreException e) {
            DmasUiPlugin.log("cannot update the markers of " + file.getFullPath(), e);
        }
        return c;
    }
}
