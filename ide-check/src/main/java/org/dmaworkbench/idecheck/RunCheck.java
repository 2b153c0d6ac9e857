package org.dmaworkbench.idecheck;

import java.util.Arrays;
import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/** Run DMA Scenario from the editor (caret before the first scenario: the whole file); the results view shows the file and its scenarios. */
final class RunCheck {
    static final String RUN = "org.dmaworkbench.dsl.ui.launchShortcut.run";
    static final String RESULTS_VIEW = "org.dmaworkbench.dsl.ui.resultsView";

    String run(IFile f) throws Exception {
        ITextEditor editor = (ITextEditor) IDE.openEditor(Ui.page(), f, true);
        Editors.activate(editor, 0);
        Ui.execute(RUN);
        IViewPart view = Ui.waitFor("the DMA Scenario Results view", 60000, () -> (IViewPart) Ui.page().findView(RESULTS_VIEW));
        List<String> scenarios = Ui.waitFor("'" + f.getName() + "' and its scenarios in the results view", 90000, () -> {
            for (Tree tree : trees(view)) {
                for (TreeItem item : tree.getItems()) {
                    if (item.getText().startsWith(f.getName()) && item.getItemCount() > 0 && !item.getItem(0).getText().isEmpty()) {
                        return Arrays.stream(item.getItems()).map(TreeItem::getText).toList();
                    }
                }
            }
            return null;
        });
        return scenarios.size() + " scenario(s): " + scenarios;
    }

    static List<Tree> trees(IViewPart view) {
        MPart part = view.getSite().getService(MPart.class);
        return part != null && part.getWidget() instanceof Control c ? Ui.find(c, Tree.class) : List.of();
    }
}
