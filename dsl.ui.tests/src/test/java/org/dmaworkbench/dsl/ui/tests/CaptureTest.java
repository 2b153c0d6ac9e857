package org.dmaworkbench.dsl.ui.tests;

import static org.dmaworkbench.dsl.ui.tests.Workbench.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.dmaworkbench.dsl.batch.Batch;
import org.dmaworkbench.dsl.batch.BatchService;
import org.dmaworkbench.dsl.batch.Workspace;
import org.dmaworkbench.dsl.batch.capture.TraceService;
import org.dmaworkbench.dsl.ui.capture.CaptureFiles;
import org.dmaworkbench.dsl.ui.capture.ConvertToScenarioHandler;
import org.dmaworkbench.dsl.ui.launch.CaptureRunJob;
import org.dmaworkbench.dsl.ui.preferences.SyntaxColors;
import org.dmaworkbench.dsl.ui.results.CaptureMarkers;
import org.dmaworkbench.dsl.ui.results.ResultsView;
import org.dmaworkbench.dsl.ui.results.RunConsole;
import org.dmaworkbench.dsl.ui.results.RunRecord;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.exec.CaptureExecutor;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.ITextEditorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kernel captures and logs in a real workbench: the read-only editor and its colours, the hover of a fault line,
 * Run As > Kernel Capture Check (results view, markers, console, double-click), Convert to Scenario.
 */
@ExtendWith(NoErrorsLogged.class)
class CaptureTest {
    private static final String CHECK = "org.dmaworkbench.dsl.ui.captureLaunchShortcut.run";
    private static final String CONVERT = "org.dmaworkbench.dsl.ui.convertToScenario";
    private IProject project;

    @BeforeEach
    void setUp() throws Exception {
        cleanWorkspace();
        for (ILaunchConfiguration c : DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations()) c.delete();
        project = project("captures");
    }

    @AfterEach
    void tearDown() {
        Job.getJobManager().cancel(CaptureRunJob.FAMILY);
        waitForJobs(CaptureRunJob.FAMILY, 30000);
        waitForJobs(ConvertToScenarioHandler.FAMILY, 30000);
        closePopups();
        page().closeAllEditors(false);
    }

    /** The foreground of the character at {@code offset} as painted, once the presentation is there. */
    private static RGB colourAt(ITextEditor editor, int offset) {
        StyledText text = viewer(editor).getTextWidget();
        StyleRange r = text.getStyleRangeAtOffset(offset);
        return r == null || r.foreground == null ? null : r.foreground.getRGB();
    }

    /** The colour and font style at {@code offset} ("rgb/style"), or null when plain. */
    private static String styleAt(ITextEditor editor, int offset) {
        StyleRange r = viewer(editor).getTextWidget().getStyleRangeAtOffset(offset);
        return r == null || r.foreground == null ? null : r.foreground.getRGB() + "/" + r.fontStyle;
    }

    private static void assertColour(ITextEditor editor, String text, String token, int after, SyntaxColors expected) {
        int at = text.indexOf(token, after);
        assertTrue(at >= 0, token);
        String want = expected.rgb() + "/" + expected.fontStyle();
        waitUntil("the colour of '" + token + "' (" + expected + ")", 10000, () -> want.equals(styleAt(editor, at)));
        assertEquals(want, styleAt(editor, at + token.length() - 1), "the whole of '" + token + "'");
    }

    private static void assertReadOnly(ITextEditor editor) {
        assertEquals("org.eclipse.ui.genericeditor.GenericEditor", editor.getSite().getId());
        assertFalse(editor.isEditable(), "evidence is not edited");
        assertTrue(((ITextEditorExtension) editor).isEditorInputReadOnly());
        assertFalse(viewer(editor).getTextWidget().getEditable());
    }

    @Test
    void aCaptureAndAKernelLogOpenReadOnlyWithTheEventsTheWorkbenchReadsHighlighted() throws Exception {
        IFile trace = file(project, "nic.trace", Fixtures.CAPTURE);
        ITextEditor editor = open(trace);
        assertReadOnly(editor);
        String t = Fixtures.CAPTURE;
        int line5 = t.indexOf("kworker");
        assertColour(editor, t, "# tracer: nop", 0, SyntaxColors.COMMENT);
        assertColour(editor, t, "kworker/u16:2-412", line5, SyntaxColors.TRACE_CONTEXT);
        assertColour(editor, t, "dma_map_page", line5, SyntaxColors.TRACE_EVENT);
        assertColour(editor, t, "0000:02:00.0", line5, SyntaxColors.DEVICE);
        assertColour(editor, t, "dma_addr", line5, SyntaxColors.TRACE_FIELD);
        assertColour(editor, t, "ffffb000", line5, SyntaxColors.NUMBER);
        assertColour(editor, t, "io_page_fault", line5, SyntaxColors.TRACE_EVENT);
        // typing changes nothing: the document is the file's
        page().activate(editor);
        viewer(editor).getTextWidget().setCaretOffset(0);
        Event key = new Event();
        key.character = 'x';
        viewer(editor).getTextWidget().notifyListeners(SWT.KeyDown, key);
        spin(50);
        assertEquals(Fixtures.CAPTURE, document(editor).get());

        IFile log = file(project, "boot.dmesg", Fixtures.DMESG);
        ITextEditor logEditor = open(log);
        assertReadOnly(logEditor);
        String d = Fixtures.DMESG;
        int fault = d.indexOf("[ 4000.200004]");
        assertColour(logEditor, d, "[ 4000.200004]", fault, SyntaxColors.TRACE_CONTEXT);
        assertColour(logEditor, d, "DMAR", fault, SyntaxColors.FAULT);
        assertColour(logEditor, d, "DMA Write", fault, SyntaxColors.FAULT_CODE);
        assertColour(logEditor, d, "02:00.0", fault, SyntaxColors.DEVICE);
        assertColour(logEditor, d, "0xffd1d000", fault, SyntaxColors.NUMBER);
        assertColour(logEditor, d, "0x05", fault, SyntaxColors.FAULT_CODE);
        int link = d.indexOf("NIC Link");
        assertEquals(null, colourAt(logEditor, link), "a line that is no fault line is plain");
    }

    @Test
    void aLogFileIsAKernelLogOnlyByItsContent() throws Exception {
        IFile kernel = file(project, "kern.log", "Mar  3 10:01:02 lab kernel: " + Fixtures.DMESG.lines().toList().get(2).substring(15) + "\n");
        IFile app = file(project, "app.log", "2026-03-03 10:01:02 INFO server started on port 8080\n2026-03-03 10:01:03 WARN slow request\n");
        assertTrue(CaptureFiles.isEvidence(kernel), "a .log with a DMAR fault line in its first KB");
        assertFalse(CaptureFiles.isEvidence(app));
        ITextEditor k = open(kernel);
        assertReadOnly(k);
        ITextEditor a = open(app);
        assertTrue(a.isEditable(), "any other .log opens in a text editor, editable");
        assertFalse(((ITextEditorExtension) a).isEditorInputReadOnly());
        IDocument doc = document(a);
        doc.replace(0, 0, "x");
        assertTrue(a.isDirty());
        a.doRevertToSaved();
    }

    @Test
    void hoverOverAFaultLineExplainsItAsDmasTraceDoes() throws Exception {
        IFile log = file(project, "boot.dmesg", Fixtures.DMESG);
        ITextEditor editor = open(log);
        String expected = expectedFindings(log).get(0).text();
        editor.selectAndReveal(Fixtures.DMESG.indexOf("Request device") + 3, 0);
        spin(200);
        execute("org.eclipse.ui.edit.text.showInformation");
        String shown = waitFor("the hover popup", 10000, () -> {
            for (Shell s : shells()) {
                if (s.isDisposed() || !s.isVisible() || s == page().getWorkbenchWindow().getShell()) continue;
                for (StyledText t : find(s, StyledText.class)) if (t.getText().contains("VT-d")) return t.getText();
            }
            return null;
        });
        assertTrue(shown.contains(expected), "the text of ./dmas trace:\n" + expected + "\nshown:\n" + shown);
        assertTrue(shown.contains("reason"), "the decoded fields: " + shown);
    }

    /** What ./dmas trace FILE finds (the one batch path), run in the project's folder. */
    private static List<CaptureFinding> expectedFindings(IFile f) {
        Path base = f.getProject().getLocation().toFile().toPath();
        TraceService.Outcome o = Batch.service().trace(TraceService.Request.files(List.of(f.getLocation().toFile().toPath()), base, null),
                new CaptureExecutor.Listener() { });
        return o.results().get(0).findings();
    }

    private RunRecord checkAndWait(ITextEditor editor) throws Exception {
        RunRecord before = ResultsView.latest();
        page().activate(editor);
        execute(CHECK);
        return waitFor("the check to finish and show in the results view", 60000, () -> {
            RunRecord r = ResultsView.latest();
            if (r == before || Job.getJobManager().find(CaptureRunJob.FAMILY).length > 0) return null;
            ResultsView view = (ResultsView) page().findView(ResultsView.ID);
            return view != null && view.shownRecord() == r ? r : null;
        });
    }

    @Test
    void runAsKernelCaptureCheckFillsTheResultsViewPerDeviceAndMarksTheLines() throws Exception {
        IFile trace = file(project, "nic.trace", Fixtures.CAPTURE);
        ITextEditor editor = open(trace);
        RunRecord run = checkAndWait(editor);
        assertTrue(run.isCaptureCheck());
        List<CaptureFinding> expected = expectedFindings(trace);
        assertEquals(List.of(CaptureFinding.Kind.VIOLATION, CaptureFinding.Kind.FAULT), expected.stream().map(CaptureFinding::kind).toList());
        assertEquals(expected, run.captures().results().get(0).findings(), "the verdict of ./dmas trace");

        ResultsView view = waitFor("the results view", 5000, () -> (ResultsView) page().findView(ResultsView.ID));
        Tree tree = view.viewer().getTree();
        view.viewer().expandAll();
        List<String> devices = Arrays.stream(tree.getItems()).map(TreeItem::getText).toList();
        assertEquals(2, devices.size(), devices::toString);
        assertTrue(devices.get(0).startsWith("0000:02:00.0  (1 violation, 1 fault"), devices::toString);
        assertTrue(devices.get(1).startsWith("0000:03:00.0  (0 violations, 0 faults"), devices::toString);
        TreeItem nic = tree.getItem(0);
        List<String> findings = Arrays.stream(nic.getItems()).map(TreeItem::getText).toList();
        assertEquals(2, findings.size(), findings::toString);
        assertTrue(findings.get(0).startsWith("line " + Fixtures.VIOLATION_LINE + ": violation: device driver frees DMA memory with different direction"), findings::toString);
        assertTrue(findings.get(1).startsWith("line " + Fixtures.FAULT_LINE + ": fault: io_page_fault"), findings::toString);
        assertTrue(nic.getItem(0).getItem(0).getText().startsWith("line " + Fixtures.MAPPED_LINE + ": mapped at line " + Fixtures.MAPPED_LINE),
                nic.getItem(0).getItem(0).getText());
        assertTrue(tree.getItem(1).getItem(0).getText().startsWith("1 mappings live at the end (4096 bytes), the oldest mapped at line " + Fixtures.LIVE_LINE),
                tree.getItem(1).getItem(0).getText());
        assertFalse(nic.getImage().equals(tree.getItem(1).getImage()), "a device with findings and one without show different icons");

        IMarker[] marks = markers(trace, CaptureMarkers.TYPE);
        assertEquals(Set.of(Fixtures.VIOLATION_LINE, Fixtures.FAULT_LINE),
                Arrays.stream(marks).map(m -> m.getAttribute(IMarker.LINE_NUMBER, -1)).collect(java.util.stream.Collectors.toSet()));
        for (IMarker m : marks) assertEquals(IMarker.SEVERITY_ERROR, m.getAttribute(IMarker.SEVERITY, -1));

        RunConsole.get().flush();
        String console = waitFor("console text", 5000, () -> {
            String c = RunConsole.get().console().getDocument().get();
            return c.contains("dmas: 1 file") ? c : null;
        });
        assertTrue(console.contains(expected.get(0).text()), console);

        // double-click: the violation's line, then the earlier event it conflicts with
        page().activate(view);
        doubleClick(tree, nic.getItem(0));
        assertEquals(Fixtures.VIOLATION_LINE, selectedLine("nic.trace"));
        page().activate(view);
        doubleClick(tree, nic.getItem(0).getItem(0));
        assertEquals(Fixtures.MAPPED_LINE, selectedLine("nic.trace"));
        tree.setSelection(nic.getItem(1));
        tree.notifyListeners(SWT.Selection, itemEvent(nic.getItem(1)));
        assertTrue(view.detailText().contains("unmapped at line " + Fixtures.UNMAPPED_LINE), view.detailText());

        // a clean capture checked again: the marks go
        trace.setContents(new java.io.ByteArrayInputStream(Fixtures.CAPTURE.replace("dir=FROM_DEVICE dma_addr=ffffb000", "dir=TO_DEVICE dma_addr=ffffb000")
                .lines().filter(l -> !l.contains("io_page_fault")).map(l -> l + "\n").reduce("", String::concat).getBytes(StandardCharsets.UTF_8)), true, false, null);
        RunRecord again = checkAndWait((ITextEditor) page().getActiveEditor());
        assertEquals(0, again.captures().exitCode());
        assertEquals(0, markers(trace, CaptureMarkers.TYPE).length);
    }

    private static Event itemEvent(TreeItem item) {
        Event e = new Event();
        e.item = item;
        return e;
    }

    private static void doubleClick(Tree tree, TreeItem item) {
        tree.setSelection(item);
        tree.notifyListeners(SWT.Selection, itemEvent(item));
        tree.notifyListeners(SWT.DefaultSelection, itemEvent(item));
    }

    /** The 1-based line of the selection in the active editor, once it shows {@code name}. */
    private static int selectedLine(String name) throws Exception {
        ITextEditor e = waitFor("the editor of " + name, 5000,
                () -> page().getActiveEditor() instanceof ITextEditor te && te.getEditorInput().getName().equals(name) ? te : null);
        spin(50);
        int offset = ((ITextSelection) e.getSelectionProvider().getSelection()).getOffset();
        return document(e).getLineOfOffset(offset) + 1;
    }

    /**
     * Answers the dialogs the next command opens, in order, by pressing the buttons named ({@code select:ITEM}: choosing
     * ITEM in the dialog's platform list): a modal dialog runs its own
     * event loop, so the answers are timer runnables of the display, which that loop runs.
     */
    private static void answer(String... buttons) {
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(buttons));
        long end = System.currentTimeMillis() + 20000;
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            if (todo.isEmpty() || System.currentTimeMillis() > end) return;
            display().timerExec(50, poll[0]); // first: a press may open the next dialog, whose loop must run this too
            String step = todo.peek();
            if (step.startsWith("select:")) {
                Shell s = shellWithButton("Convert");
                if (s == null) return;
                Combo c = find(s, Combo.class).get(0);
                c.select(Arrays.asList(c.getItems()).indexOf(step.substring(7)));
                todo.pop();
                return;
            }
            Shell s = shellWithButton(step);
            if (s != null) press(s, todo.pop());
        };
        display().timerExec(50, poll[0]);
    }

    private static void press(Shell shell, String label) {
        Button b = find(shell, Button.class).stream().filter(x -> x.getText().replace("&", "").equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label + " in " + shell.getText()));
        b.notifyListeners(SWT.Selection, new Event());
    }

    @Test
    void convertToScenarioWritesTheScenarioNextToTheCaptureOpensItAndItRunsToTheSameVerdicts() throws Exception {
        IFile trace = file(project, "caps/nic.trace", Fixtures.CAPTURE);
        page().activate(open(trace));
        answer("Convert");
        execute(CONVERT);
        waitUntil("the conversion", 30000, () -> Job.getJobManager().find(ConvertToScenarioHandler.FAMILY).length == 0
                && page().getActiveEditor() != null && page().getActiveEditor().getEditorInput().getName().equals("nic.dmas"));
        IFile scenario = project.getFile("caps/nic.dmas");
        assertTrue(scenario.exists(), "written next to the capture, and the workspace knows it");
        IEditorPart opened = page().getActiveEditor();
        assertEquals("org.dmaworkbench.dsl.ui.contentType", scenario.getContentDescription().getContentType().getId());
        assertTrue(((ITextEditor) opened).isEditable(), "the scenario is the user's to edit");
        String text = document((ITextEditor) opened).get();
        assertTrue(text.contains("// line " + Fixtures.VIOLATION_LINE), text);

        // ./dmas run of it, through the batch service: every expectation (the capture's verdicts) is met
        Path base = project.getLocation().toFile().toPath();
        BatchService.Outcome run = Batch.service().run(BatchService.Request.files(List.of(scenario.getLocation().toFile().toPath()),
                new Workspace.Options(base, List.of(), Workspace.Progress.NONE), null, "", 1, List.of("caps/nic.dmas")), new BatchService.Listener() { });
        assertEquals(1, run.results().scenarios(), text);
        assertEquals(1, run.results().scenariosPassed(), () -> text + "\n" + run.messages());
        assertEquals(2, run.results().expectationsMet(), "the violation and the fault are expected");

        // again: the file exists; "No" keeps it as the user left it
        scenario.setContents(new java.io.ByteArrayInputStream("// mine\n".getBytes(StandardCharsets.UTF_8)), true, false, null);
        page().activate(open(trace));
        answer("Convert", "No", "Cancel");
        execute(CONVERT); // returns when the dialog is closed
        assertEquals(null, shellWithButton("Convert"), "the dialog is closed");
        waitForJobs(ConvertToScenarioHandler.FAMILY, 10000);
        assertEquals("// mine\n", new String(scenario.getContents(true).readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void convertOnAPlatformOfTheProjectImportsItAndNamesItsDevices() throws Exception {
        file(project, "platforms/lab.dmas", """
                platform lab {
                    iommu vtd0 arch intel-vtd { address-width 48 }
                    default-domain strict
                    memory 8192 MiB
                }
                device eth0 { bdf 0000:02:00.0  iommu vtd0  dma-mask 64 }
                device nvme0 { bdf 0000:03:00.0  iommu vtd0  dma-mask 64 }
                """);
        IFile trace = file(project, "caps/nic.trace", Fixtures.CAPTURE);
        page().activate(open(trace));
        answer("select:platforms/lab.dmas", "Convert");
        execute(CONVERT);
        waitUntil("the conversion", 30000, () -> Job.getJobManager().find(ConvertToScenarioHandler.FAMILY).length == 0
                && page().getActiveEditor() != null && page().getActiveEditor().getEditorInput().getName().equals("nic.dmas"));
        IFile scenario = project.getFile("caps/nic.dmas");
        String text = new String(scenario.getContents(true).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains("import \"../platforms/lab.dmas\""), text);
        assertTrue(text.contains("on lab") && text.contains("dma_map_page(eth0,") && text.contains("nvme0"), text);
        Path base = project.getLocation().toFile().toPath();
        BatchService.Outcome run = Batch.service().run(BatchService.Request.files(List.of(scenario.getLocation().toFile().toPath()),
                new Workspace.Options(base, List.of(), Workspace.Progress.NONE), null, "", 1, List.of("caps/nic.dmas")), new BatchService.Listener() { });
        assertEquals(1, run.results().scenariosPassed(), () -> text + "\n" + run.messages() + "\n" + run.results().diagnostics());
    }

    /** The visible dialog titled Convert to Scenario with a button {@code label} (the dialog: Convert; the question "Replace it?": No), or null. */
    private static Shell shellWithButton(String label) {
        for (Shell s : shells()) {
            if (s.isDisposed() || !s.isVisible() || !"Convert to Scenario".equals(s.getText())) continue;
            if (find(s, Button.class).stream().anyMatch(b -> b.getText().replace("&", "").equals(label))) return s;
        }
        return null;
    }
}
