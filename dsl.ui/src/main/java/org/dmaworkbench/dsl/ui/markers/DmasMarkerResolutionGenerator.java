package org.dmaworkbench.dsl.ui.markers;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.ide.editor.DmasIde;
import org.dmaworkbench.dsl.ide.editor.Fix;
import org.dmaworkbench.dsl.ide.editor.Problem;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.dmaworkbench.dsl.ui.editor.DmasDocuments;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Quick fixes for the plug-in's problem markers (Ctrl+1 in the editor, Quick Fix in the Problems
 * view): the language's code actions ({@code DmasQuickFixes}, dispatched by issue code) for the
 * marker's problem, each a {@link DmasMarkerResolution}.
 */
public class DmasMarkerResolutionGenerator implements IMarkerResolutionGenerator2 {

    @Override
    public boolean hasResolutions(IMarker marker) {
        return marker.getAttribute(DmasMarkers.CODE, null) != null;
    }

    @Override
    public IMarkerResolution[] getResolutions(IMarker marker) {
        if (!(marker.getResource() instanceof IFile file)) return new IMarkerResolution[0];
        Problem problem = DmasMarkers.problem(marker);
        ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
        List<IMarkerResolution> out = new ArrayList<>();
        try {
            manager.connect(file.getFullPath(), LocationKind.IFILE, null);
            try {
                ITextFileBuffer buffer = manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
                for (Fix f : DmasIde.services().fixes(DmasDocuments.of(buffer.getDocument()), problem, CancelIndicator.NullImpl)) {
                    out.add(new DmasMarkerResolution(f));
                }
            } finally {
                manager.disconnect(file.getFullPath(), LocationKind.IFILE, null);
            }
        } catch (CoreException | RuntimeException e) {
            DmasUiPlugin.log("cannot compute quick fixes for " + file.getFullPath(), e);
        }
        return out.toArray(IMarkerResolution[]::new);
    }
}
