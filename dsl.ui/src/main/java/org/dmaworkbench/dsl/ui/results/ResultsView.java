package org.dmaworkbench.dsl.ui.results;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dmaworkbench.dsl.batch.RunResults;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.dmaworkbench.dsl.ui.launch.CaptureRunJob;
import org.dmaworkbench.dsl.ui.launch.DmasRunJob;
import org.dmaworkbench.dsl.ui.preferences.DmasPreferences;
import org.dmaworkbench.runtime.bench.BenchmarkTable;
import org.dmaworkbench.runtime.bench.MapBenchmarkResult;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * DMA Scenario Results: the last run as a tree (file > scenario > step) with a verdict icon per
 * row; beside it the selected row's explanation, findings, dma-debug reports and counters, and
 * for a benchmark its table and chart. Double-click jumps to the line; the toolbar runs the same
 * file again, only the failed scenarios, or the selected scenario.
 */
public class ResultsView extends ViewPart {
    public static final String ID = DmasUiPlugin.ID + ".resultsView";
    private static volatile RunRecord latest;
    /** The last runs, newest first (the History menu of the view). */
    private static final java.util.Deque<RunRecord> HISTORY = new java.util.ArrayDeque<>();
    public static final int HISTORY_SIZE = 10;

    private TreeViewer tree;
    private Label summary;
    private Text details;
    private TabFolder tabs;
    private TabItem benchTab; // only while a benchmark is selected
    private SashForm sash;
    private SashForm bench;
    private TableViewer benchTable;
    private BenchmarkChart chart;
    private RunRecord shown;

    /**
     * Shows {@code record} in the view; when the preference says so, also opens the view or brings
     * it to the front of its stack (without taking the focus from the editor). Callable from any thread.
     */
    public static void publish(RunRecord record) {
        latest = record;
        synchronized (HISTORY) {
            HISTORY.addFirst(record);
            while (HISTORY.size() > HISTORY_SIZE) HISTORY.removeLast();
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        display.asyncExec(() -> {
            var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            if (window == null || window.getActivePage() == null) return;
            IWorkbenchPage page = window.getActivePage();
            ResultsView view = (ResultsView) page.findView(ID);
            if (DmasPreferences.openResultsView()) {
                try {
                    view = (ResultsView) page.showView(ID, null, IWorkbenchPage.VIEW_VISIBLE);
                } catch (PartInitException e) {
                    DmasUiPlugin.log("cannot open the results view", e);
                }
            }
            if (view != null) view.show(record);
        });
    }

    /** The runs of this session, newest first (at most {@link #HISTORY_SIZE}). */
    public static List<RunRecord> history() {
        synchronized (HISTORY) {
            return List.copyOf(HISTORY);
        }
    }

    /** The last run published (for tests and for a view opened later). */
    public static RunRecord latest() {
        return latest;
    }

    @Override
    public void createPartControl(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        Composite left = new Composite(sash, SWT.NONE);
        org.eclipse.swt.layout.GridLayout gl = new org.eclipse.swt.layout.GridLayout(1, false);
        gl.marginWidth = gl.marginHeight = 0;
        left.setLayout(gl);
        summary = new Label(left, SWT.NONE);
        summary.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.TOP, true, false));
        tree = new TreeViewer(left, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        tree.getControl().setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.FILL, true, true));
        tree.setContentProvider(new ITreeContentProvider() {
            @Override public Object[] getElements(Object input) { return ((List<?>) input).toArray(); }
            @Override public Object[] getChildren(Object e) { return ((ResultNode) e).children().toArray(); }
            @Override public Object getParent(Object e) { return null; }
            @Override public boolean hasChildren(Object e) { return !((ResultNode) e).children().isEmpty(); }
        });
        tree.setLabelProvider(new ColumnLabelProvider() {
            @Override public String getText(Object e) { return ((ResultNode) e).label(); }
            @Override public Image getImage(Object e) { return Icons.verdict(((ResultNode) e).verdict()); }
        });
        tree.addSelectionChangedListener(e -> select(e.getSelection()));
        tree.addDoubleClickListener(e -> {
            if (e.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof ResultNode n) reveal(n);
        });

        tabs = new TabFolder(sash, SWT.TOP);
        TabItem detailTab = new TabItem(tabs, SWT.NONE);
        detailTab.setText("Details");
        details = new Text(tabs, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.WRAP);
        details.setFont(org.eclipse.jface.resource.JFaceResources.getTextFont());
        detailTab.setControl(details);
        bench = new SashForm(tabs, SWT.VERTICAL);
        bench.setVisible(false); // shown in its tab while a benchmark is selected
        bench.addListener(SWT.Resize, e -> fitBenchmark());
        benchTable = new TableViewer(bench, SWT.BORDER | SWT.FULL_SELECTION);
        benchTable.getTable().setHeaderVisible(true);
        benchTable.setContentProvider(ArrayContentProvider.getInstance());
        column("policy", 120, r -> String.valueOf(r.policy()));
        column("domain", 190, r -> r.ok() ? r.result().domain() : "failed: " + r.error());
        column("map (\u00b5s)", 80, r -> r.ok() ? f1(r.result().avgMapUs()) : "");
        column("sd", 60, r -> r.ok() ? f1(r.result().mapStddevUs()) : "");
        column("unmap (\u00b5s)", 90, r -> r.ok() ? f1(r.result().avgUnmapUs()) : "");
        column("sd", 60, r -> r.ok() ? f1(r.result().unmapStddevUs()) : "");
        column("loops", 80, r -> r.ok() ? String.valueOf(r.result().loops()) : "");
        chart = new BenchmarkChart(bench);
        sash.setWeights(50, 50);
        this.sash = sash;
        sash.addListener(SWT.Resize, e -> fitBenchmark());

        IToolBarManager tb = getViewSite().getActionBars().getToolBarManager();
        tb.add(action("Run Again", "run.png", () -> rerun(null)));
        tb.add(action("Run Failed Scenarios", "run-failed.png", this::rerunFailed));
        tb.add(action("Run Selected Scenario", "run.png", this::rerunSelected));
        tb.add(new HistoryAction(this));
        getViewSite().setSelectionProvider(tree);
        if (latest != null) show(latest);
        else summary.setText("No run yet: Run As > DMA Scenario on a .dmas file, or Run As > Kernel Capture Check on a capture.");
    }

    private interface RowText { String of(BenchmarkTable.Row r); }

    private void column(String title, int width, RowText text) {
        TableViewerColumn c = new TableViewerColumn(benchTable, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override public String getText(Object e) { return text.of((BenchmarkTable.Row) e); }
        });
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private Action action(String text, String icon, Runnable r) {
        Action a = new Action(text) {
            @Override public void run() { r.run(); }
        };
        a.setToolTipText(text);
        a.setImageDescriptor(Icons.descriptor(icon));
        return a;
    }

    /** Shows a run (UI thread). */
    public void show(RunRecord record) {
        shown = record;
        if (record.isCaptureCheck()) {
            showCaptures(record);
            return;
        }
        RunResults r = record.results();
        // only the files that ran something: a re-run of the failed scenarios lists their files, not every file it loaded
        List<ResultNode> files = r.files().stream().filter(f -> !f.scenarios().isEmpty() || !f.benchmarks().isEmpty())
                .<ResultNode>map(f -> new ResultNode.FileNode(record, f)).toList();
        tree.setInput(files);
        tree.expandToLevel(2);
        for (ResultNode f : files) for (ResultNode c : f.children()) if (c.verdict() != ResultNode.Verdict.PASSED) tree.expandToLevel(c, 1);
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (r.scenarios() > 0) {
            parts.add(r.scenariosPassed() + "/" + r.scenarios() + " scenarios passed");
            parts.add(r.expectationsMet() + "/" + r.expectations() + " expectations met");
        }
        if (r.benchmarks() > 0) parts.add(r.benchmarks() + (r.benchmarks() == 1 ? " benchmark" : " benchmarks")
                + (r.benchmarksFailed() > 0 ? " (" + r.benchmarksFailed() + " failed)" : ""));
        if (r.errors() > 0) parts.add(r.errors() + " error(s) in the input, nothing run");
        if (parts.isEmpty()) parts.add("nothing run");
        String head = record.configName() + ": " + String.join(", ", parts) + (record.cancelled() ? " (cancelled)" : "");
        summary.setText(head);
        summary.getParent().layout();
        details.setText(r.errors() > 0 ? diagnostics(r) : "");
        showBenchmark(null);
    }

    /** A kernel capture check: its devices (or files) with their findings; those with findings expanded. */
    private void showCaptures(RunRecord record) {
        List<ResultNode> rows = ResultNode.captureRows(record);
        tree.setInput(rows);
        for (ResultNode n : rows) if (n.verdict() != ResultNode.Verdict.PASSED) tree.expandToLevel(n, 1);
        long v = 0, f = 0, u = 0;
        for (var c : record.captures().results()) {
            v += c.violations();
            f += c.faults();
            u += c.uncertain();
        }
        String head = record.configName() + ": " + v + (v == 1 ? " violation, " : " violations, ") + f + (f == 1 ? " fault, " : " faults, ")
                + u + " uncertain" + (record.captures().results().stream().anyMatch(c -> c.unreadable()) ? " (a file could not be read)" : "")
                + (record.cancelled() ? " (cancelled)" : "");
        summary.setText(head);
        summary.getParent().layout();
        details.setText(record.captures().results().size() == 1 ? Details.captureSummary(record.captures().results().get(0))
                : String.join("\n", record.captures().messages()));
        showBenchmark(null);
    }

    private static String diagnostics(RunResults r) {
        StringBuilder sb = new StringBuilder("Nothing was run: the input has errors.\n\n");
        r.diagnostics().forEach(d -> sb.append(d).append('\n'));
        return sb.toString();
    }

    private void select(org.eclipse.jface.viewers.ISelection sel) {
        if (!(sel instanceof IStructuredSelection s) || !(s.getFirstElement() instanceof ResultNode n)) return;
        details.setText(Details.of(n));
        showBenchmark(n instanceof ResultNode.BenchmarkNode b ? b.benchmark() : null);
    }

    /**
     * The tab that fits the selection: a benchmark opens its Benchmark tab (table and chart), with
     * more of the view's width; anything else shows Details, and the Benchmark tab goes away.
     */
    private void showBenchmark(BenchmarkRun b) {
        if (b == null) {
            if (benchTab != null) {
                tabs.setSelection(0);
                benchTab.dispose();
                benchTab = null;
                bench.setVisible(false);
            }
            benchTable.setInput(List.of());
            chart.setRows(List.of());
            sash.setWeights(50, 50);
            return;
        }
        benchTable.setInput(b.rows());
        for (var c : benchTable.getTable().getColumns()) c.pack();
        chart.setRows(b.rows());
        if (benchTab == null) {
            benchTab = new TabItem(tabs, SWT.NONE);
            benchTab.setText("Benchmark");
            benchTab.setControl(bench);
        }
        tabs.setSelection(benchTab);
        sash.setWeights(30, 70); // the table and the chart need the room more than the tree
        fitBenchmark();
    }

    /**
     * The table beside the chart when the pane has room for all its columns and a chart, else above
     * it; the table gets what its rows and columns need, the chart the rest.
     */
    private void fitBenchmark() {
        var size = bench.getSize();
        var table = benchTable.getTable();
        if (size.x == 0 || size.y == 0) return;
        int columns = 0;
        for (var c : table.getColumns()) columns += c.getWidth();
        int tableWidth = columns + 2 * table.getBorderWidth() + 8;
        int tableHeight = table.getHeaderHeight() + Math.max(3, table.getItemCount()) * table.getItemHeight() + 2 * table.getBorderWidth() + 8;
        boolean beside = size.x >= tableWidth + CHART_MIN_WIDTH;
        if (bench.getOrientation() != (beside ? SWT.HORIZONTAL : SWT.VERTICAL)) bench.setOrientation(beside ? SWT.HORIZONTAL : SWT.VERTICAL);
        int room = beside ? size.x : size.y;
        int forTable = Math.min(beside ? tableWidth : tableHeight, room * 2 / 3);
        bench.setWeights(forTable, Math.max(1, room - forTable));
    }

    private static final int CHART_MIN_WIDTH = 320;

    /** For tests: the titles of the tabs beside the tree, and the selected one. */
    public List<String> tabTitles() {
        return java.util.Arrays.stream(tabs.getItems()).map(TabItem::getText).toList();
    }

    public String selectedTab() {
        return tabs.getSelection().length == 0 ? null : tabs.getSelection()[0].getText();
    }

    /** For tests: the benchmark table and chart. */
    public org.eclipse.swt.widgets.Table benchmarkTable() {
        return benchTable.getTable();
    }

    public BenchmarkChart benchmarkChart() {
        return chart;
    }

    /** Opens the row's file at the row's line. */
    public void reveal(ResultNode n) {
        IFile file = n.run().file(n.fileName());
        if (file == null) return;
        IWorkbenchPage page = getSite().getPage();
        try {
            IEditorPart part = IDE.openEditor(page, file);
            if (part instanceof ITextEditor te) {
                IDocument doc = te.getDocumentProvider().getDocument(te.getEditorInput());
                IRegion line = doc.getLineInformation(Math.max(0, n.line() - 1));
                te.selectAndReveal(line.getOffset(), line.getLength());
            }
        } catch (PartInitException | BadLocationException e) {
            DmasUiPlugin.log("cannot open " + file.getFullPath() + " at line " + n.line(), e);
        }
    }

    /** Runs the shown file again: everything ({@code only == null}), or the named scenarios and benchmarks. */
    public void rerun(Set<String> only) {
        RunRecord r = shown;
        if (r == null) return;
        if (r.isCaptureCheck()) {
            new CaptureRunJob(r.configName(), r.root()).schedule(); // a capture is checked whole
            return;
        }
        String filter = only == null ? r.filter() : only.size() == 1 ? "=" + only.iterator().next() : null;
        DmasRunJob job = filter != null ? new DmasRunJob(r.configName(), r.root(), filter, r.formats(), r.reportDir())
                : new DmasRunJob(r.configName(), r.root(), only, r.formats(), r.reportDir());
        job.schedule();
    }

    private void rerunFailed() {
        RunRecord r = shown;
        if (r == null) return;
        if (r.isCaptureCheck()) {
            rerun(null);
            return;
        }
        Set<String> failed = new LinkedHashSet<>();
        for (FileRun f : r.results().files()) {
            for (ScenarioRun s : f.scenarios()) if (!s.passed()) failed.add(s.result().name());
            for (BenchmarkRun b : f.benchmarks()) if (!b.passed()) failed.add(b.spec().name());
        }
        if (failed.isEmpty()) {
            summary.setText("Nothing failed in the last run.");
            return;
        }
        rerun(failed);
    }

    private void rerunSelected() {
        if (tree.getStructuredSelection().getFirstElement() instanceof ResultNode n) {
            String name = switch (n) {
                case ResultNode.ScenarioNode s -> s.scenario().result().name();
                case ResultNode.StepNode s -> s.scenario().result().name();
                case ResultNode.BenchmarkNode b -> b.benchmark().spec().name();
                case ResultNode.FileNode f -> null;
                case ResultNode.OmittedNode o -> o.scenario().result().name();
                case ResultNode.CaptureNode c -> null;
                case ResultNode.DeviceNode d -> null;
                case ResultNode.FindingNode f -> null;
                case ResultNode.RelatedNode x -> null;
                case ResultNode.LiveNode l -> null;
                case ResultNode.MoreFindingsNode m -> null;
            };
            rerun(name == null ? null : Set.of(name));
        }
    }

    /** The run the view shows. */
    public RunRecord shownRecord() {
        return shown;
    }

    /** For tests: the tree viewer. */
    public TreeViewer viewer() {
        return tree;
    }

    /** For tests: the detail text shown. */
    public String detailText() {
        return details.getText();
    }

    @Override
    public void setFocus() {
        tree.getControl().setFocus();
    }
}
