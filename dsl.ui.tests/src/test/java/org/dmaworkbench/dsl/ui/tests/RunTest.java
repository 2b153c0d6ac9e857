package org.dmaworkbench.dsl.ui.tests;

import static org.dmaworkbench.dsl.ui.tests.Workbench.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.dmaworkbench.dsl.batch.RunResults;
import org.dmaworkbench.dsl.ui.launch.DmasRunJob;
import org.dmaworkbench.dsl.ui.launch.LaunchAttributes;
import org.dmaworkbench.dsl.ui.markers.DmasMarkers;
import org.dmaworkbench.dsl.ui.preferences.DmasPreferences;
import org.dmaworkbench.dsl.ui.results.ResultsView;
import org.dmaworkbench.dsl.ui.results.RunConsole;
import org.dmaworkbench.dsl.ui.results.RunRecord;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.FileRun;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Run As > DMA Scenario in a real workbench: the results view, the markers, the console, re-runs and cancel. */
@ExtendWith(NoErrorsLogged.class)
class RunTest {
    private static final String RUN = "org.dmaworkbench.dsl.ui.launchShortcut.run";
    private IProject project;

    @BeforeEach
    void setUp() throws Exception {
        cleanWorkspace();
        for (ILaunchConfiguration c : DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations()) c.delete();
        project = project("runs");
        file(project, "platforms/lab.dmas", Fixtures.PLATFORM);
    }

    @AfterEach
    void tearDown() {
        Job.getJobManager().cancel(DmasRunJob.FAMILY);
        waitForJobs(DmasRunJob.FAMILY, 30000);
        closePopups();
        page().closeAllEditors(false);
    }

    private RunRecord runAndWait(ITextEditor editor) throws Exception {
        RunRecord before = ResultsView.latest();
        page().activate(editor);
        execute(RUN);
        return shown(before);
    }

    /** Waits for a run after {@code before} to finish and be shown in the results view. */
    static RunRecord shown(RunRecord before) {
        return waitFor("the run to finish and show in the results view", 60000, () -> {
            RunRecord r = ResultsView.latest();
            if (r == before || Job.getJobManager().find(DmasRunJob.FAMILY).length > 0) return null;
            ResultsView view = (ResultsView) page().findView(ResultsView.ID);
            return view != null && view.shownRecord() == r ? r : null;
        });
    }

    @Test
    void runAsFillsTheResultsViewMarksTheFailingStepAndPrintsToTheConsole() throws Exception {
        IFile f = file(project, "s.dmas", Fixtures.SCENARIOS);
        ITextEditor editor = open(f);
        editor.selectAndReveal(0, 0); // caret outside the scenarios: the whole file runs
        RunRecord run = runAndWait(editor);
        assertEquals(2, run.results().scenarios(), () -> describe(run));
        assertEquals(1, run.results().scenariosPassed(), () -> describe(run));

        ResultsView view = waitFor("the results view", 5000, () -> (ResultsView) page().findView(ResultsView.ID));
        Tree tree = view.viewer().getTree();
        waitUntil("the tree", 5000, () -> tree.getItemCount() == 1);
        TreeItem fileItem = tree.getItem(0);
        assertEquals("s.dmas", fileItem.getText());
        List<String> scenarios = Arrays.stream(fileItem.getItems()).map(TreeItem::getText).toList();
        assertTrue(scenarios.get(0).startsWith("map and read"), scenarios::toString);
        assertTrue(scenarios.get(1).startsWith("a mapped read expected to fault"), scenarios::toString);
        assertFalse(fileItem.getItem(0).getImage().equals(fileItem.getItem(1).getImage()), "pass and fail show different verdict icons");

        IMarker[] failed = markers(f, DmasMarkers.STEP_FAILURE);
        assertEquals(1, failed.length);
        assertEquals(Fixtures.FAILING_LINE, failed[0].getAttribute(IMarker.LINE_NUMBER, -1));
        assertTrue(failed[0].getAttribute(IMarker.MESSAGE, "").contains("fault"), failed[0].getAttribute(IMarker.MESSAGE, ""));

        RunConsole.get().flush();
        String console = waitFor("console text", 5000, () -> {
            String t = RunConsole.get().console().getDocument().get();
            return t.contains("Summary:") ? t : null;
        });
        assertTrue(console.contains("FAIL") && console.contains("PASS"), console);
    }

    @Test
    void failingStepMarkersAreSavedWithTheWorkspaceAndGoOnTheNextRun() throws Exception {
        IFile f = file(project, "s.dmas", Fixtures.SCENARIOS);
        ITextEditor editor = open(f);
        editor.selectAndReveal(0, 0);
        RunRecord run = runAndWait(editor);
        assertEquals(1, markers(f, DmasMarkers.STEP_FAILURE).length);
        // what a restart reads back: the markers the workspace saves on exit (transient ones are not written)
        org.eclipse.core.resources.ResourcesPlugin.getWorkspace().save(true, null);
        java.nio.file.Path saved = org.eclipse.core.resources.ResourcesPlugin.getWorkspace().getRoot().getLocation().toFile().toPath()
                .resolve(".metadata/.plugins/org.eclipse.core.resources/.projects/runs/.markers");
        assertTrue(java.nio.file.Files.exists(saved), saved + " written");
        String bytes = new String(java.nio.file.Files.readAllBytes(saved), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains(DmasMarkers.STEP_FAILURE), "the failed-step marker is saved for the next session");

        file(project, "s.dmas", Fixtures.SCENARIOS.replace("expect fault not-present", "expect ok"));
        page().activate(editor);
        execute(RUN);
        shown(run);
        assertEquals(0, markers(f, DmasMarkers.STEP_FAILURE).length, "the next run removes the marker");
    }

    @Test
    void ctrlF11RunsTheActiveEditorsFileAndTheContextMenuOffersTheRun() throws Exception {
        IFile f = file(project, "s.dmas", Fixtures.SCENARIOS);
        ITextEditor editor = open(f);
        editor.selectAndReveal(0, 0);
        RunRecord before = ResultsView.latest();
        page().activate(editor);
        execute("org.eclipse.debug.ui.commands.RunLast"); // Ctrl+F11: launches the active editor's file
        RunRecord run = shown(before);
        assertEquals(2, run.results().scenarios(), () -> describe(run));

        page().activate(editor);
        org.eclipse.swt.widgets.Menu menu = viewer(editor).getTextWidget().getMenu(); // the editor's right-click menu
        menu.notifyListeners(SWT.Show, new Event());
        List<String> labels = Arrays.stream(menu.getItems()).filter(i -> !i.isDisposed()).map(i -> i.getText().replace("&", "")).toList();
        menu.notifyListeners(SWT.Hide, new Event());
        assertTrue(labels.stream().anyMatch(l -> l.startsWith("Run DMA Scenario")), labels::toString);
        assertTrue(labels.stream().anyMatch(l -> l.startsWith("Format")), labels::toString);
    }

    @Test
    void aFileWithErrorsRunsNothingAndSaysWhereTheErrorsAre() throws Exception {
        IFile f = file(project, "typo.dmas", Fixtures.MISSPELLED);
        ITextEditor editor = open(f);
        RunRecord run = runAndWait(editor);
        assertEquals(0, run.results().scenarios());
        assertEquals(1, run.results().errors());
        ResultsView view = (ResultsView) page().findView(ResultsView.ID);
        assertTrue(view.detailText().contains("typo.dmas:4:18: error: unknown kernel call 'dma_map_singel'"), view.detailText());
        assertEquals(0, markers(f, DmasMarkers.STEP_FAILURE).length);
        RunConsole.get().flush();
        String console = waitFor("console text", 5000, () -> {
            String t = RunConsole.get().console().getDocument().get();
            return t.contains("nothing was run") ? t : null;
        });
        assertTrue(console.contains("typo.dmas:4:18: error"), console);
    }

    @Test
    void runAsOnAFolderRunsEveryDmasFileInItAndNavigatesIntoEach() throws Exception {
        file(project, "suite/a.dmas", Fixtures.SCENARIOS.replace("platforms/lab.dmas", "../platforms/lab.dmas"));
        IFile b = file(project, "suite/b.dmas", Fixtures.BENCHMARK.replace("platforms/lab.dmas", "../platforms/lab.dmas"));
        file(project, "target/ignored.dmas", "this is not even valid");
        org.eclipse.ui.IViewPart explorer = page().showView("org.eclipse.ui.navigator.ProjectExplorer");
        ((org.eclipse.ui.part.ISetSelectionTarget) explorer).selectReveal(new org.eclipse.jface.viewers.StructuredSelection(project.getFolder("suite")));
        page().activate(explorer);
        spin(100);
        RunRecord before = ResultsView.latest();
        execute(RUN); // Run As > DMA Scenario on the selected folder
        RunRecord run = shown(before);
        assertEquals(List.of("suite/a.dmas", "suite/b.dmas"), run.results().files().stream().map(FileRun::file).toList(),
                () -> describe(run));
        assertEquals(1, markers(project.getFile("suite/a.dmas"), DmasMarkers.STEP_FAILURE).length);
        assertEquals(0, markers(b, DmasMarkers.STEP_FAILURE).length);
        ResultsView view = (ResultsView) page().findView(ResultsView.ID);
        TreeItem bench = view.viewer().getTree().getItem(1).getItem(0);
        view.viewer().getTree().setSelection(bench);
        view.viewer().getTree().notifyListeners(SWT.DefaultSelection, selectionEvent(bench));
        ITextEditor opened = waitFor("b.dmas in an editor", 5000,
                () -> page().getActiveEditor() instanceof ITextEditor te && te.getEditorInput().getName().equals("b.dmas") ? te : null);
        int offset = ((ITextSelection) opened.getSelectionProvider().getSelection()).getOffset();
        assertEquals(1, document(opened).getLineOfOffset(offset), "the benchmark's line");
    }

    @Test
    void runWithTheCaretInAScenarioRunsOnlyThatScenario() throws Exception {
        IFile f = file(project, "s.dmas", Fixtures.SCENARIOS);
        ITextEditor editor = open(f);
        editor.selectAndReveal(Fixtures.SCENARIOS.indexOf("expect fault not-present"), 0);
        RunRecord run = runAndWait(editor);
        assertEquals(1, run.results().scenarios(), () -> describe(run));
        assertEquals("a mapped read expected to fault", run.results().files().get(0).scenarios().get(0).result().name());
        ILaunchConfiguration[] configs = DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations();
        assertEquals(1, configs.length);
        assertEquals("=a mapped read expected to fault", configs[0].getAttribute(LaunchAttributes.FILTER, ""));
        assertEquals(f.getFullPath().toString(), configs[0].getAttribute(LaunchAttributes.FILE, ""));
    }

    @Test
    void ctrlF11WithTheCaretInTheSecondScenarioDoesNotReuseTheWholeFileConfiguration() throws Exception {
        IFile f = file(project, "s.dmas", Fixtures.SCENARIOS);
        ITextEditor editor = open(f);
        editor.selectAndReveal(0, 0);
        RunRecord before = ResultsView.latest();
        page().activate(editor);
        execute("org.eclipse.debug.ui.commands.RunLast");
        RunRecord whole = shown(before);
        assertEquals(2, whole.results().scenarios(), () -> describe(whole));

        editor.selectAndReveal(Fixtures.SCENARIOS.indexOf("expect fault not-present"), 0);
        page().activate(editor);
        execute("org.eclipse.debug.ui.commands.RunLast"); // Ctrl+F11 with the caret in scenario 2
        RunRecord second = shown(whole);
        assertEquals(1, second.results().scenarios(), () -> describe(second));
        assertEquals("a mapped read expected to fault", second.results().files().get(0).scenarios().get(0).result().name());

        editor.selectAndReveal(0, 0);
        page().activate(editor);
        execute("org.eclipse.debug.ui.commands.RunLast"); // back outside: the whole-file configuration again
        RunRecord again = shown(second);
        assertEquals(2, again.results().scenarios(), () -> describe(again));
        List<String> filters = new java.util.ArrayList<>();
        for (ILaunchConfiguration c : DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations()) {
            filters.add(c.getAttribute(LaunchAttributes.FILTER, ""));
        }
        filters.sort(null);
        assertEquals(List.of("", "=a mapped read expected to fault"), filters, "one configuration per (file, scenario)");
    }

    @Test
    void theMainTabEditsFileFilterAndReportFormats() throws Exception {
        IFile f = file(project, "s.dmas", Fixtures.SCENARIOS);
        ILaunchConfiguration config = org.dmaworkbench.dsl.ui.launch.DmasLaunchShortcut.create(f, "");
        org.eclipse.swt.widgets.Shell shell = new org.eclipse.swt.widgets.Shell(display());
        try {
            org.dmaworkbench.dsl.ui.launch.DmasMainTab tab = new org.dmaworkbench.dsl.ui.launch.DmasMainTab();
            tab.createControl(shell);
            tab.initializeFrom(config);
            List<org.eclipse.swt.widgets.Text> texts = find(tab.getControl(), org.eclipse.swt.widgets.Text.class);
            List<org.eclipse.swt.widgets.Button> boxes = find(tab.getControl(), org.eclipse.swt.widgets.Button.class);
            assertEquals(f.getFullPath().toString(), texts.get(0).getText());
            assertTrue(tab.isValid(config));
            texts.get(1).setText("=map and read");
            boxes.stream().filter(b -> b.getText().equals("json")).findFirst().orElseThrow().setSelection(true);
            var wc = config.getWorkingCopy();
            tab.performApply(wc);
            assertEquals("=map and read", wc.getAttribute(LaunchAttributes.FILTER, ""));
            assertEquals("text,json", wc.getAttribute(LaunchAttributes.FORMATS, ""));
            texts.get(0).setText("/runs/nothing-here.dmas");
            assertFalse(tab.isValid(wc));
            assertTrue(tab.getErrorMessage().contains("nothing-here.dmas"), tab.getErrorMessage());
        } finally {
            shell.dispose();
        }
    }

    @Test
    void doubleClickOnAStepJumpsToItsLine() throws Exception {
        IFile f = file(project, "s.dmas", Fixtures.SCENARIOS);
        ITextEditor editor = open(f);
        editor.selectAndReveal(0, 0);
        runAndWait(editor);
        ResultsView view = waitFor("the results view", 5000, () -> (ResultsView) page().findView(ResultsView.ID));
        Tree tree = view.viewer().getTree();
        view.viewer().expandAll();
        TreeItem failing = tree.getItem(0).getItem(1);
        TreeItem step = Arrays.stream(failing.getItems()).filter(i -> i.getText().startsWith(Fixtures.FAILING_LINE + ":")).findFirst().orElseThrow();
        tree.setSelection(step);
        tree.notifyListeners(SWT.Selection, selectionEvent(step));
        assertTrue(view.detailText().contains("expected"), view.detailText());
        page().activate(view);
        tree.notifyListeners(SWT.DefaultSelection, selectionEvent(step));
        ITextEditor active = waitFor("the editor", 5000, () -> page().getActiveEditor() instanceof ITextEditor te ? te : null);
        int offset = ((ITextSelection) active.getSelectionProvider().getSelection()).getOffset();
        assertEquals(Fixtures.FAILING_LINE - 1, document(active).getLineOfOffset(offset));
    }

    static String describe(RunRecord run) {
        RunConsole.get().flush();
        return "diagnostics: " + run.results().diagnostics() + "\nconsole:\n" + RunConsole.get().console().getDocument().get();
    }

    private static Event selectionEvent(TreeItem item) {
        Event e = new Event();
        e.item = item;
        return e;
    }

    @Test
    void runFailedRerunsOnlyTheFailedScenario() throws Exception {
        IFile f = file(project, "s.dmas", Fixtures.SCENARIOS);
        ITextEditor editor = open(f);
        editor.selectAndReveal(0, 0);
        RunRecord first = runAndWait(editor);
        ResultsView view = (ResultsView) page().findView(ResultsView.ID);
        ActionContributionItem rerun = null;
        for (IContributionItem i : view.getViewSite().getActionBars().getToolBarManager().getItems()) {
            if (i instanceof ActionContributionItem a && a.getAction().getText().equals("Run Failed Scenarios")) rerun = a;
        }
        assertNotNull(rerun);
        rerun.getAction().run();
        RunRecord second = shown(first);
        assertEquals(1, second.results().scenarios());
        assertEquals(0, second.results().scenariosPassed());
        assertEquals(List.of(second, first), ResultsView.history().subList(0, 2), "the history lists the runs, newest first");
        ActionContributionItem history = null;
        for (IContributionItem i : view.getViewSite().getActionBars().getToolBarManager().getItems()) {
            if (i instanceof ActionContributionItem a && a.getAction().getText().equals("History")) history = a;
        }
        assertNotNull(history);
        history.getAction().run(); // back to the run before
        assertEquals(first, view.shownRecord());
        assertEquals(2, view.viewer().getTree().getItem(0).getItemCount());
    }

    @Test
    void runFailedOnAFolderListsOnlyTheFileThatRanWithItsOwnSummary() throws Exception {
        file(project, "suite/a.dmas", Fixtures.SCENARIOS.replace("platforms/lab.dmas", "../platforms/lab.dmas"));
        file(project, "suite/b.dmas", Fixtures.BENCHMARK.replace("platforms/lab.dmas", "../platforms/lab.dmas"));
        RunRecord before = ResultsView.latest();
        new org.dmaworkbench.dsl.ui.launch.DmasLaunchShortcut().launch(project.getFolder("suite"), "", "run");
        RunRecord first = shown(before);
        ResultsView view = (ResultsView) page().findView(ResultsView.ID);
        Tree tree = view.viewer().getTree();
        TreeItem bench = tree.getItem(1);
        tree.setSelection(bench);
        tree.notifyListeners(SWT.Selection, selectionEvent(bench));
        assertTrue(view.detailText().contains("0 scenarios") && view.detailText().contains("1 benchmark"), view.detailText());

        ActionContributionItem rerun = null;
        for (IContributionItem i : view.getViewSite().getActionBars().getToolBarManager().getItems()) {
            if (i instanceof ActionContributionItem a && a.getAction().getText().equals("Run Failed Scenarios")) rerun = a;
        }
        assertNotNull(rerun);
        rerun.getAction().run();
        RunRecord second = shown(first);
        assertEquals(1, second.results().scenarios(), () -> describe(second));
        waitUntil("the tree of the re-run: only the file whose scenario ran", 5000, () -> tree.getItemCount() == 1);
        TreeItem a = tree.getItem(0);
        assertEquals("suite/a.dmas", a.getText());
        tree.setSelection(a);
        tree.notifyListeners(SWT.Selection, selectionEvent(a));
        assertTrue(view.detailText().contains("1 scenario (0 passed, 1 failed)"), view.detailText());
    }

    @Test
    void benchmarksShowATableAndReportsFollowThePreference() throws Exception {
        InstanceScope.INSTANCE.getNode("org.dmaworkbench.dsl.ui").put(DmasPreferences.REPORT_FORMATS, "text,json");
        try {
            IFile f = file(project, "bench.dmas", Fixtures.BENCHMARK);
            ITextEditor editor = open(f);
            RunRecord run = runAndWait(editor);
            assertEquals(1, run.results().benchmarks());
            BenchmarkRun b = run.results().files().get(0).benchmarks().get(0);
            assertEquals(3, b.rows().size());
            ResultsView view = (ResultsView) page().findView(ResultsView.ID);
            TreeItem item = view.viewer().getTree().getItem(0).getItem(0);
            view.viewer().getTree().setSelection(item);
            view.viewer().getTree().notifyListeners(SWT.Selection, selectionEvent(item));
            assertTrue(view.detailText().contains("STRICT"), view.detailText());
            project.refreshLocal(2, null);
            assertTrue(project.getFile("target/dmas-reports/dmas-report.json").exists(), "json report written as the preference says");
        } finally {
            InstanceScope.INSTANCE.getNode("org.dmaworkbench.dsl.ui").remove(DmasPreferences.REPORT_FORMATS);
        }
    }

    @Test
    void cancelStopsALongRun() throws Exception {
        IFile f = file(project, "long.dmas", Fixtures.LONG_BENCHMARK);
        ITextEditor editor = open(f);
        RunRecord before = ResultsView.latest();
        execute(RUN);
        waitUntil("the run to start", 30000, () -> Arrays.stream(Job.getJobManager().find(DmasRunJob.FAMILY)).anyMatch(j -> j.getState() == Job.RUNNING));
        spin(500);
        long t0 = System.currentTimeMillis();
        Job.getJobManager().cancel(DmasRunJob.FAMILY);
        RunRecord run = shown(before);
        assertTrue(run.cancelled());
        assertTrue(System.currentTimeMillis() - t0 < 5000, "stopped within 5 s of cancel");
    }
}
