package org.dmaworkbench.idecheck;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * A kernel capture as a user meets it in the shipped IDE: a {@code .trace} file opens read-only in the generic
 * editor with its dma: events coloured, and Run As > Kernel Capture Check shows its device and violation in the
 * results view. The capture is the tracefs format of include/trace/events/dma.h (an unmap with another direction).
 */
final class KernelCaptureCheck {
    static final String CHECK = "org.dmaworkbench.dsl.ui.captureLaunchShortcut.run";
    static final String CAPTURE = "# tracer: nop\n"
            + "     kworker/u16:2-412 [003] ..... 10452.113390: dma_map_page: 0000:02:00.0 dir=TO_DEVICE dma_addr=ffffb000 size=256 phys_addr=11a2b7000 attrs=\n"
            + "     kworker/u16:2-412 [003] ..... 10452.113611: dma_unmap_page: 0000:02:00.0 dir=FROM_DEVICE dma_addr=ffffb000 size=256 attrs=\n";

    private IFile capture;

    /** Opens a capture: the generic editor, read-only, the event name coloured. */
    String open() throws Exception {
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject("idecheck-captures");
        if (!p.exists()) p.create(null);
        p.open(null);
        capture = p.getFile("nic.trace");
        if (!capture.exists()) capture.create(new ByteArrayInputStream(CAPTURE.getBytes(StandardCharsets.UTF_8)), true, null);
        IEditorPart part = IDE.openEditor(Ui.page(), capture, true);
        Ui.spin(50);
        if (!(part instanceof ITextEditor editor)) throw new CheckFailed("opened as " + (part == null ? "nothing" : part.getClass().getName()));
        if (!Editors.GENERIC_EDITOR.equals(part.getSite().getId())) throw new CheckFailed("opened in " + part.getSite().getId());
        if (editor.isEditable()) throw new CheckFailed("the capture is editable");
        StyledText text = ((ISourceViewer) editor.getAdapter(ITextOperationTarget.class)).getTextWidget();
        int at = CAPTURE.indexOf("dma_map_page");
        Ui.waitFor("the colour of dma_map_page", 15000, () -> text.getStyleRangeAtOffset(at) != null ? at : null);
        return "read-only generic editor, 'dma_map_page' coloured";
    }

    /** Run As > Kernel Capture Check from the editor: the device and its violation in the results view. */
    String check() throws Exception {
        if (capture == null) throw new CheckFailed("no capture opened");
        ITextEditor editor = (ITextEditor) IDE.openEditor(Ui.page(), capture, true);
        Editors.activate(editor, 0);
        Ui.execute(CHECK);
        IViewPart view = Ui.waitFor("the DMA Scenario Results view", 60000, () -> (IViewPart) Ui.page().findView(RunCheck.RESULTS_VIEW));
        List<String> rows = Ui.waitFor("the device 0000:02:00.0 and its violation in the results view", 90000, () -> {
            for (Tree tree : RunCheck.trees(view)) {
                for (TreeItem item : tree.getItems()) {
                    if (!item.getText().startsWith("0000:02:00.0")) continue;
                    item.setExpanded(true);
                    List<String> children = Arrays.stream(item.getItems()).map(TreeItem::getText).toList();
                    if (children.stream().anyMatch(c -> c.startsWith("line 3: violation"))) return children;
                }
            }
            return null;
        });
        return "0000:02:00.0: " + rows;
    }
}
