package org.dmaworkbench.dsl.ui.launch;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dmaworkbench.dsl.batch.Batch;
import org.dmaworkbench.dsl.batch.BatchService;
import org.dmaworkbench.dsl.batch.Reports;
import org.dmaworkbench.dsl.batch.RunResults;
import org.dmaworkbench.dsl.batch.Tee;
import org.dmaworkbench.dsl.batch.TextReport;
import org.dmaworkbench.dsl.batch.TextStream;
import org.dmaworkbench.dsl.batch.Workspace;
import org.dmaworkbench.dsl.ui.results.ResultsView;
import org.dmaworkbench.dsl.ui.results.RunConsole;
import org.dmaworkbench.dsl.ui.results.RunRecord;
import org.dmaworkbench.dsl.ui.results.StepFailureMarkers;
import org.dmaworkbench.runtime.run.RunCancelledException;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;

/**
 * One run of a {@code .dmas} file, or of every {@code .dmas} file in a folder or project (as
 * {@code ./dmas run DIR} does) through the one {@link BatchService} of every front end: its
 * listener prints each step to the console as it runs (the CLI's text) and reports progress; then the report files,
 * failing-step markers and the results view.
 * Cancelling the job interrupts its thread; the simulator stops at the next step or iteration.
 */
public class DmasRunJob extends InterruptibleJob {
    /** The job family of all runs (the tests wait for it; cancel from the Progress view). */
    public static final Object FAMILY = DmasRunJob.class;

    private final String configName;
    private final IResource root;
    private final String filter;
    private final Set<String> only;
    private final Set<Reports.Format> formats;
    private final String reportDir;

    /** Runs what {@code filter} selects ({@code ProgramExecutor.nameFilter}; empty: everything). */
    public DmasRunJob(String configName, IResource root, String filter, Set<Reports.Format> formats, String reportDir) {
        this(configName, root, filter, null, formats, reportDir);
    }

    /** Runs exactly the scenarios and benchmarks named in {@code only} (re-run of the failed ones). */
    public DmasRunJob(String configName, IResource root, Set<String> only, Set<Reports.Format> formats, String reportDir) {
        this(configName, root, "", Set.copyOf(only), formats, reportDir);
    }

    private DmasRunJob(String configName, IResource root, String filter, Set<String> only, Set<Reports.Format> formats, String reportDir) {
        super("Running " + configName, FAMILY);
        this.configName = configName;
        this.root = root;
        this.only = only;
        this.filter = filter == null ? "" : filter;
        this.formats = formats;
        this.reportDir = reportDir == null ? "" : reportDir;
    }

    @Override
    protected IStatus work(IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, "Running " + root.getName(), 100);
        Path base = root.getProject().getLocation().toFile().toPath();
        Path path = root.getLocation().toFile().toPath();
        List<Path> files = dmasFiles(root);
        RunConsole console = RunConsole.get();
        console.clear();
        console.show(); // the run's text comes forward as it is printed
        console.println("dmas run " + base.relativize(path) + (filter.isEmpty() ? "" : " --scenario " + filter)
                + (only == null ? "" : "   (only: " + String.join(", ", only) + ")"));

        SubMonitor loading = sub.split(20);
        Workspace.Options options = new Workspace.Options(base, List.of(),
                (stage, done, total, name) -> loading.subTask(stage.name().toLowerCase() + " " + name));
        BatchService batch = Batch.service();
        BatchService.Request req = BatchService.Request.files(files, options, only != null ? only::contains : null, filter, 1,
                List.of(base.relativize(path).toString()));
        BatchService.Outcome o = batch.run(req, listener(sub.split(75), console), formats, Reports.Target.of(reportDirectory()));
        o.messages().forEach(console::println);
        BatchService.Written w = o.reports();
        RunResults results = o.results();
        boolean cancelled = o.cancelled();
        if (!results.files().isEmpty()) {
            StringWriter footer = new StringWriter();
            TextReport.footer(results, new PrintWriter(footer, true));
            console.print(footer.toString());
        }
        for (Path p : w.files()) console.println("report: " + p);
        if (!w.ok()) console.println(w.problem());
        RunRecord record = new RunRecord(configName, root, filter, formats, reportDir, results, cancelled);
        StepFailureMarkers.replace(root, record);
        ResultsView.publish(record);
        try {
            root.getProject().refreshLocal(IResource.DEPTH_INFINITE, sub.split(5));
        } catch (Exception e) {
            // the reports are on disk; the navigator shows them after the next refresh
        }
        return cancelled ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }

    /**
     * What the batch service tells this job as it goes: the diagnostics and each step's line (the CLI's
     * {@link TextStream}, as each step runs) go to the console, progress per scenario or benchmark to the
     * monitor, whose cancel stops the run.
     */
    private static BatchService.Listener listener(SubMonitor monitor, RunConsole console) {
        BatchService.Listener progress = new BatchService.Listener() {
            @Override public void loaded(Workspace.Loaded loaded) {
                StringWriter diag = new StringWriter();
                TextReport.diagnostics(loaded.diagnostics(), new PrintWriter(diag, true));
                console.print(diag.toString());
                monitor.setWorkRemaining(Math.max(1, loaded.compiled().size() * 4));
            }
            @Override public void starting(String kind, String name) {
                checkCancelled(monitor);
                monitor.subTask(kind + " " + name);
            }
            @Override public void finished() { monitor.worked(1); }
        };
        return Tee.of(progress, new TextStream(new PrintWriter(new ConsoleWriter(console)), false));
    }

    /** Text for the console, handed over on each flush (TextStream flushes after every step). */
    static final class ConsoleWriter extends Writer {
        private final RunConsole console;
        private final StringBuilder pending = new StringBuilder();

        ConsoleWriter(RunConsole console) { this.console = console; }

        @Override public void write(char[] c, int off, int len) { pending.append(c, off, len); }
        @Override public void flush() {
            if (pending.isEmpty()) return;
            console.print(pending.toString());
            pending.setLength(0);
        }
        @Override public void close() { flush(); }
    }

    private static void checkCancelled(IProgressMonitor m) {
        if (m.isCanceled()) throw new RunCancelledException();
        RunCancelledException.check();
    }

    private Path reportDirectory() {
        if (!reportDir.isEmpty()) {
            IResource r = root.getWorkspace().getRoot().findMember(reportDir);
            if (r != null) return r.getLocation().toFile().toPath();
            var folder = root.getWorkspace().getRoot().getFolder(new org.eclipse.core.runtime.Path(reportDir));
            if (folder.getLocation() != null) return folder.getLocation().toFile().toPath();
        }
        return root.getProject().getLocation().toFile().toPath().resolve("target").resolve("dmas-reports");
    }

    /** The {@code .dmas} files to run: the file itself, or those below the folder (not in {@code target/} or hidden folders), sorted. */
    static List<Path> dmasFiles(IResource root) {
        List<Path> out = new ArrayList<>();
        if (root instanceof IFile f) {
            out.add(f.getLocation().toFile().toPath());
        } else if (root instanceof IContainer c && c.isAccessible()) {
            try {
                c.accept(r -> {
                    if (r instanceof IFile f && "dmas".equals(f.getFileExtension()) && f.getLocation() != null) {
                        out.add(f.getLocation().toFile().toPath());
                    }
                    return r == c || r.getType() != IResource.FOLDER || !(r.getName().equals("target") || r.getName().startsWith("."));
                });
            } catch (org.eclipse.core.runtime.CoreException e) {
                // a folder that went away meanwhile: what was found is run
            }
        }
        out.sort(null);
        return out;
    }
}
