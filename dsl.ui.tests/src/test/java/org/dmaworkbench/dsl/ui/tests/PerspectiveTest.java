package org.dmaworkbench.dsl.ui.tests;

import static org.dmaworkbench.dsl.ui.tests.Workbench.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dmaworkbench.dsl.ui.launch.DmasLaunchShortcut;
import org.dmaworkbench.dsl.ui.launch.DmasRunJob;
import org.dmaworkbench.dsl.ui.perspective.DmasPerspective;
import org.dmaworkbench.dsl.ui.preferences.DmasPreferences;
import org.dmaworkbench.dsl.ui.results.ResultsView;
import org.dmaworkbench.dsl.ui.results.RunConsole;
import org.dmaworkbench.dsl.ui.results.RunRecord;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.IConsoleConstants;
import org.eclipse.ui.console.IConsoleView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The DMA Scenarios perspective: what the product opens with, and which view comes forward during and after a run. */
@ExtendWith(NoErrorsLogged.class)
class PerspectiveTest {
    private IProject project;

    @BeforeEach
    void setUp() throws Exception {
        cleanWorkspace();
        for (ILaunchConfiguration c : DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations()) c.delete();
        project = project("perspective");
        file(project, "platforms/lab.dmas", Fixtures.PLATFORM);
        page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(DmasPerspective.ID));
        page().resetPerspective();
        spin(50);
    }

    @AfterEach
    void tearDown() {
        InstanceScope.INSTANCE.getNode("org.dmaworkbench.dsl.ui").remove(DmasPreferences.OPEN_RESULTS_VIEW);
        waitForJobs(DmasRunJob.FAMILY, 30000);
        page().closeAllEditors(false);
    }

    @Test
    void theProductsDefaultPerspectiveHasTheViewsOfTheWork() {
        assertEquals(DmasPerspective.ID, PlatformUI.getWorkbench().getPerspectiveRegistry().getDefaultPerspective());
        assertEquals(DmasPerspective.ID, page().getPerspective().getId());
        for (String id : new String[] { DmasPerspective.PROJECT_EXPLORER, IPageLayout.ID_OUTLINE, IPageLayout.ID_PROBLEM_VIEW,
                ResultsView.ID, IConsoleConstants.ID_CONSOLE_VIEW }) {
            assertNotNull(page().findViewReference(id), id + " is in the perspective");
        }
        assertTrue(page().isEditorAreaVisible());
    }

    @Test
    void aRunBringsTheConsoleForwardAndThenTheResultsView() throws Exception {
        IFile f = file(project, "s.dmas", Fixtures.SCENARIOS);
        org.eclipse.ui.texteditor.ITextEditor editor = open(f);

        InstanceScope.INSTANCE.getNode("org.dmaworkbench.dsl.ui").putBoolean(DmasPreferences.OPEN_RESULTS_VIEW, false);
        IViewPart problems = page().showView(IPageLayout.ID_PROBLEM_VIEW); // another tab in front of the console and the results
        page().activate(editor); // the user runs from the editor
        RunRecord before = ResultsView.latest();
        new DmasLaunchShortcut().launch(f, "", "run");
        waitUntil("the run", 60000, () -> ResultsView.latest() != before && org.eclipse.core.runtime.jobs.Job.getJobManager().find(DmasRunJob.FAMILY).length == 0);
        IConsoleView console = waitFor("the console view in front", 5000,
                () -> page().findView(IConsoleConstants.ID_CONSOLE_VIEW) instanceof IConsoleView v && page().isPartVisible(v) ? v : null);
        assertEquals(RunConsole.get().console(), console.getConsole(), "the console shows the run's text");
        assertFalse(page().isPartVisible(problems));

        InstanceScope.INSTANCE.getNode("org.dmaworkbench.dsl.ui").putBoolean(DmasPreferences.OPEN_RESULTS_VIEW, true);
        page().showView(IPageLayout.ID_PROBLEM_VIEW);
        page().activate(editor);
        RunRecord first = ResultsView.latest();
        new DmasLaunchShortcut().launch(f, "", "run");
        RunRecord second = RunTest.shown(first);
        ResultsView view = (ResultsView) page().findView(ResultsView.ID);
        waitUntil("the results view in front after the run", 5000, () -> page().isPartVisible(view));
        assertEquals(second, view.shownRecord());
        assertEquals(editor, page().getActivePart(), "the view came forward without taking the focus from the editor");
    }

    @Test
    void aBenchmarkGetsItsTabWithRoomForTableAndChartAndAStepGetsTheDetails() throws Exception {
        file(project, "suite/a.dmas", Fixtures.SCENARIOS.replace("platforms/lab.dmas", "../platforms/lab.dmas"));
        file(project, "suite/b.dmas", Fixtures.BENCHMARK.replace("platforms/lab.dmas", "../platforms/lab.dmas"));
        RunRecord before = ResultsView.latest();
        new DmasLaunchShortcut().launch(project.getFolder("suite"), "", "run");
        RunTest.shown(before);
        ResultsView view = (ResultsView) page().findView(ResultsView.ID);
        org.eclipse.swt.widgets.Tree tree = view.viewer().getTree();
        assertEquals(java.util.List.of("Details"), view.tabTitles(), "no Benchmark tab before a benchmark is selected");
        org.eclipse.swt.widgets.Shell window = page().getWorkbenchWindow().getShell();
        org.eclipse.swt.graphics.Rectangle before1024 = window.getBounds();
        window.setBounds(display().getPrimaryMonitor().getClientArea()); // the whole 1600 x 1000 screen
        spin(300);
        try {

        select(tree, tree.getItem(1).getItem(0)); // the benchmark
        assertEquals(java.util.List.of("Details", "Benchmark"), view.tabTitles());
        assertEquals("Benchmark", view.selectedTab());
        spin(200);
        org.eclipse.swt.widgets.Table table = view.benchmarkTable();
        int columns = java.util.Arrays.stream(table.getColumns()).mapToInt(org.eclipse.swt.widgets.TableColumn::getWidth).sum();
        String sizes = "table " + table.getClientArea() + ", columns " + columns + ", chart " + view.benchmarkChart().getSize()
                + ", window " + page().getWorkbenchWindow().getShell().getSize();
        assertTrue(table.getClientArea().height >= table.getHeaderHeight() + table.getItemCount() * table.getItemHeight(),
                "every policy's row is visible: " + sizes);
        assertTrue(columns <= table.getClientArea().width, "every column is visible: " + sizes);
        assertTrue(view.benchmarkChart().getSize().x >= 300 && view.benchmarkChart().getSize().y >= 120, "the chart has room: " + sizes);

        tree.getItem(0).setExpanded(true);
        view.viewer().expandAll();
        select(tree, tree.getItem(0).getItem(0).getItem(0)); // a step
        assertEquals(java.util.List.of("Details"), view.tabTitles(), "a step has no Benchmark tab");
        assertEquals("Details", view.selectedTab());
        assertTrue(view.detailText().startsWith("line "), view.detailText());
        } finally {
            window.setBounds(before1024);
        }
    }

    private static void select(org.eclipse.swt.widgets.Tree tree, org.eclipse.swt.widgets.TreeItem item) {
        tree.setSelection(item);
        org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
        e.item = item;
        tree.notifyListeners(org.eclipse.swt.SWT.Selection, e);
    }
}
