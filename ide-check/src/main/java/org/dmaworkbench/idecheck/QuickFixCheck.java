package org.dmaworkbench.idecheck;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * A file with a misspelled kernel call, as a user types it: the problem marker comes, F2 on the call
 * shows the problem (the generic editor's marker hover, beside ours), Ctrl+1 offers the fix, Enter
 * applies it, and after save the marker is gone.
 */
final class QuickFixCheck {
    static final String QUICK_FIX = "org.eclipse.jdt.ui.edit.text.java.correction.assist.proposals"; // Ctrl+1
    private static final String PLATFORM = """
            platform lab {
                iommu vtd0 arch intel-vtd { pasid-bits 20  address-width 48 }
                default-domain strict
            }

            device nic0 { bdf 0000:17:00.0  iommu vtd0  dma-mask 64  driver ice }
            """;
    private static final String TYPO = """
            import "platforms/lab.dmas"

            scenario "typo" on lab {
                buffer buf = kmalloc(64)
                dma_addr a = dma_map_singel(nic0, buf, 64, DMA_TO_DEVICE)
                dma_mapping_error(nic0, a) expect false
            }
            """;

    String run() throws Exception {
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject("quick-fix");
        if (!p.exists()) p.create(null);
        p.open(null);
        write(p.getFile("platforms/lab.dmas"), PLATFORM);
        IFile f = write(p.getFile("typo.dmas"), TYPO);
        ITextEditor editor = (ITextEditor) IDE.openEditor(Ui.page(), f, true);
        IMarker marker = Ui.waitFor("a problem marker on dma_map_singel", 30000, () -> marker(f));
        String message = marker.getAttribute(IMarker.MESSAGE, "");
        int call = TYPO.indexOf("dma_map_singel") + 3;

        String hover = Editors.hoverAt(editor, call, message);
        Ui.closePopups();

        Editors.activate(editor, call);
        Ui.execute(QUICK_FIX);
        Table popup = Ui.waitFor("the quick-fix popup", Ui.POPUP_MS, Editors::proposalTable);
        int index = Ui.waitFor("'Change to dma_map_single' among the fixes", Ui.POPUP_MS, () -> {
            for (int i = 0; i < popup.getItemCount(); i++) if (popup.getItem(i).getText().contains("dma_map_single")) return i;
            return null;
        });
        String label = popup.getItem(index).getText();
        popup.setSelection(index);
        popup.notifyListeners(SWT.DefaultSelection, new Event()); // Enter
        Ui.waitFor("the fix in the editor", Ui.POPUP_MS,
                () -> Editors.document(editor).get().contains("dma_map_single(nic0, buf, 64, DMA_TO_DEVICE)") ? true : null);
        editor.doSave(null);
        Ui.waitFor("the marker gone after save", 30000, () -> marker(f) == null ? true : null);
        return "'" + label + "' applied; hover said: " + hover.strip().split("\n")[0];
    }

    private static IMarker marker(IFile f) {
        try {
            for (IMarker m : f.findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_ZERO)) {
                if (m.getAttribute(IMarker.MESSAGE, "").contains("dma_map_singel")) return m;
            }
            return null;
        } catch (CoreException e) {
            return null;
        }
    }

    private static IFile write(IFile f, String text) throws CoreException {
        if (f.getParent() instanceof IFolder folder && !folder.exists()) folder.create(true, true, null);
        ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        if (f.exists()) f.setContents(in, true, false, null);
        else f.create(in, true, null);
        return f;
    }
}
