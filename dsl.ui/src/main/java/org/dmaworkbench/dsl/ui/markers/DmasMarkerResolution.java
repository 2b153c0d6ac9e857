package org.dmaworkbench.dsl.ui.markers;

import org.dmaworkbench.dsl.ide.editor.Fix;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.dmaworkbench.dsl.ui.editor.TextEdits;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IMarkerResolution2;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/**
 * One quick fix: applies its edits to the file's document. If an editor has the file open the
 * change lands there (undoable, unsaved); otherwise the file is changed and saved.
 */
public class DmasMarkerResolution implements IMarkerResolution2 {
    private final Fix fix;

    public DmasMarkerResolution(Fix fix) {
        this.fix = fix;
    }

    @Override public String getLabel() { return fix.title(); }
    @Override public String getDescription() { return fix.title(); }

    @Override
    public Image getImage() {
        return PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJ_FILE);
    }

    @Override
    public void run(IMarker marker) {
        if (!(marker.getResource() instanceof IFile file)) return;
        ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
        boolean open = manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE) != null;
        try {
            manager.connect(file.getFullPath(), LocationKind.IFILE, null);
            try {
                ITextFileBuffer buffer = manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
                try {
                    TextEdits.apply(null, buffer.getDocument(), fix.edits());
                } catch (org.eclipse.jface.text.BadLocationException e) {
                    DmasUiPlugin.log("quick fix '" + fix.title() + "' does not fit the file any more", e);
                    return;
                }
                if (!open) buffer.commit(new NullProgressMonitor(), true);
            } finally {
                manager.disconnect(file.getFullPath(), LocationKind.IFILE, null);
            }
        } catch (CoreException | RuntimeException e) {
            DmasUiPlugin.log("quick fix '" + fix.title() + "' failed on " + file.getFullPath(), e);
        }
    }
}
