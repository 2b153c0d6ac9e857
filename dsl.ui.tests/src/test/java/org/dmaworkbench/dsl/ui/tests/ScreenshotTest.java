package org.dmaworkbench.dsl.ui.tests;

import static org.dmaworkbench.dsl.ui.tests.Workbench.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import org.dmaworkbench.dsl.ui.results.ResultsView;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Saves docs/screenshots/workbench.png: the editor with a completion popup, the outline and the
 * results view of a run with a failing step (written to the directory in {@code dmas.screenshots}).
 */
@ExtendWith(NoErrorsLogged.class)
class ScreenshotTest {

    @Test
    void screenshotOfEditorCompletionAndResults() throws Exception {
        cleanWorkspace();
        IProject project = project("screenshot");
        file(project, "platforms/lab.dmas", Fixtures.PLATFORM);
        IFile f = file(project, "scenarios.dmas", Fixtures.SCENARIOS);
        Shell shell = page().getWorkbenchWindow().getShell();
        shell.setBounds(0, 0, 1400, 960);
        ITextEditor editor = open(f);
        page().showView(IPageLayout.ID_OUTLINE);
        page().activate(editor);
        editor.selectAndReveal(0, 0);
        var before = ResultsView.latest();
        execute("org.dmaworkbench.dsl.ui.launchShortcut.run");
        RunTest.shown(before);
        ResultsView view = (ResultsView) page().findView(ResultsView.ID);
        view.viewer().expandAll();
        var failing = view.viewer().getTree().getItem(0).getItem(1);
        view.viewer().getTree().setSelection(failing.getItem(failing.getItemCount() - 1));
        view.viewer().getTree().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        page().activate(editor);
        IDocument doc = document(editor);
        int at = Fixtures.SCENARIOS.indexOf("    dma nic0 read a len 64                             expect fault not-present");
        doc.replace(at, 0, "    dma_\n");
        EditorTest.proposalsAt(editor, at + "    dma_".length(), "dma_map_single");
        spin(1500);

        String dir = System.getProperty("dmas.screenshots", "target/screenshots");
        new File(dir).mkdirs();
        Rectangle b = display().getBounds();
        Rectangle s = shell.getBounds();
        Image image = new Image(display(), Math.min(s.width, b.width), Math.min(s.height, b.height));
        GC gc = new GC(display());
        gc.copyArea(image, s.x, s.y);
        gc.dispose();
        ImageLoader loader = new ImageLoader();
        loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
        File out = new File(dir, "workbench.png");
        loader.save(out.getPath(), SWT.IMAGE_PNG);
        image.dispose();
        assertTrue(out.length() > 10_000, "screenshot written: " + out);
        closePopups();
        editor.doRevertToSaved();
        page().closeAllEditors(false);

        // the benchmark tab: table and chart of a policy comparison
        IFile bench = file(project, "policies.dmas", Fixtures.BENCHMARK);
        ITextEditor benchEditor = open(bench);
        var beforeBench = ResultsView.latest();
        page().activate(benchEditor);
        execute("org.dmaworkbench.dsl.ui.launchShortcut.run");
        RunTest.shown(beforeBench);
        page().activate(view);
        page().setPartState(page().getReference(view), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        var item = view.viewer().getTree().getItem(0).getItem(0);
        view.viewer().getTree().setSelection(item);
        org.eclipse.swt.widgets.Event select = new org.eclipse.swt.widgets.Event();
        select.item = item;
        view.viewer().getTree().notifyListeners(SWT.Selection, select);
        spin(1000);
        File benchShot = snapshot("benchmark");
        assertTrue(benchShot.length() > 10_000, "screenshot written: " + benchShot);
        page().setPartState(page().getReference(view), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
        page().closeAllEditors(false);
    }
}
