package org.dmaworkbench.dsl.ui.launch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dmaworkbench.dsl.batch.Batch;
import org.dmaworkbench.dsl.batch.RunResults;
import org.dmaworkbench.dsl.batch.capture.TraceService;
import org.dmaworkbench.dsl.batch.capture.TraceText;
import org.dmaworkbench.dsl.ui.results.CaptureMarkers;
import org.dmaworkbench.dsl.ui.results.ResultsView;
import org.dmaworkbench.dsl.ui.results.RunConsole;
import org.dmaworkbench.dsl.ui.results.RunRecord;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.exec.CaptureExecutor;
import org.dmaworkbench.runtime.exec.ExitCode;
import org.dmaworkbench.runtime.run.RunCancelledException;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;

/**
 * One kernel capture check (Run As > Kernel Capture Check) through {@code BatchService.trace}, the path of
 * {@code ./dmas trace}: the console gets its text as it streams ({@link TraceText}), then the results view the
 * devices and findings, and the capture's lines their markers. Cancel interrupts the thread; the reader stops
 * within 4,096 lines.
 */
public class CaptureRunJob extends InterruptibleJob {
    /** The job family of capture checks (the tests wait for it; cancel from the Progress view). */
    public static final Object FAMILY = CaptureRunJob.class;
    static final int MAX_WARNINGS = 2000;

    private final String configName;
    private final IResource capture;

    public CaptureRunJob(String configName, IResource capture) {
        super("Checking " + configName, FAMILY);
        this.configName = configName;
        this.capture = capture;
    }

    @Override
    protected IStatus work(IProgressMonitor monitor) {
        monitor.beginTask("Replaying " + capture.getName(), IProgressMonitor.UNKNOWN);
        long t0 = System.nanoTime();
        Path base = capture.getProject().getLocation().toFile().toPath();
        Path path = capture.getLocation().toFile().toPath();
        RunConsole console = RunConsole.get();
        console.clear();
        console.show();
        String shown = base.relativize(path).toString().replace('\\', '/');
        console.println("dmas trace " + shown);

        PrintWriter out = new PrintWriter(new DmasRunJob.ConsoleWriter(console));
        List<CaptureMarkers.Warning> warnings = new ArrayList<>();
        List<CaptureResult> done = new ArrayList<>();
        CaptureExecutor.Listener progress = new CaptureExecutor.Listener() {
            @Override public void starting(CaptureExecutor.Input input) { monitor.subTask("replaying " + input.display()); }
            @Override public void warning(String file, long line, String message) {
                if (warnings.size() < MAX_WARNINGS) warnings.add(new CaptureMarkers.Warning(file, line, message));
            }
            @Override public void done(CaptureResult r) { done.add(r); }
        };
        TraceService.Request req = TraceService.Request.files(List.of(path), base, null);
        TraceService.Outcome o;
        boolean cancelled = false;
        try {
            o = Batch.service().trace(req, CaptureExecutor.Listener.both(new TraceText(out, out), progress));
        } catch (RunCancelledException e) {
            cancelled = true;
            List<CaptureResult> kept = done.stream().filter(r -> !r.unreadable()).toList();
            o = new TraceService.Outcome(kept, ExitCode.ofCaptures(kept), List.of("dmas: cancelled"), List.of());
        }
        out.flush();
        o.messages().forEach(console::println);
        if (o.results().stream().anyMatch(r -> !r.unreadable())) console.println(TraceText.footer(o.results()));
        RunResults none = new RunResults(List.of(shown), Instant.now(), System.nanoTime() - t0, List.of(), List.of(), o.exitCode());
        RunRecord record = new RunRecord(configName, capture, "", Set.of(), "", none, cancelled, o);
        CaptureMarkers.replace(capture, record, warnings);
        ResultsView.publish(record);
        monitor.done();
        return cancelled ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }
}
