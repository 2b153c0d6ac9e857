package org.dmaworkbench.runtime.exec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.runtime.capture.CaptureCheck;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.capture.CaptureListener;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.capture.CaptureSession;
import org.dmaworkbench.runtime.run.RunCancelledException;

/**
 * Checks kernel captures (ftrace text of the dma: and iommu: events) and kernel logs one after the other, each
 * capture replayed on its own through the runtime's dma-debug model; the one capture path of every front end, as
 * {@link ProgramExecutor} is for programs. Captures go first (by content), then the logs, whose fault lines are
 * correlated with the captures' mappings. The exit code of the results is {@link ExitCode#ofCaptures}.
 */
public final class CaptureExecutor {

    /** A capture to check: where it is and how the output names it. */
    public record Input(Path path, String display) { }

    /** Also told when each capture starts and ends (front ends print headers and summaries). */
    public interface Listener extends CaptureListener {
        default void starting(Input input) { }

        default void done(CaptureResult result) { }

        /** One listener telling two the same events, {@code first} first (the console and the reports of one check). */
        static Listener both(Listener first, Listener second) {
            return new Listener() {
                @Override public void starting(Input input) { first.starting(input); second.starting(input); }
                @Override public void finding(CaptureFinding f) { first.finding(f); second.finding(f); }
                @Override public void warning(String file, long line, String m) { first.warning(file, line, m); second.warning(file, line, m); }
                @Override public void done(CaptureResult r) { first.done(r); second.done(r); }
            };
        }
    }

    /**
     * Checks each input, captures before logs, otherwise in order; never throws on bad input. Throws
     * {@link RunCancelledException} when the thread is interrupted (an IDE's Cancel), between files and within one.
     */
    public List<CaptureResult> run(List<Input> inputs, Listener listener) {
        List<Input> ordered = new ArrayList<>();
        List<Input> logs = new ArrayList<>();
        for (Input in : inputs) (CaptureCheck.looksLikeCapture(in.path()) ? ordered : logs).add(in);
        ordered.addAll(logs);
        CaptureSession session = new CaptureSession();
        List<CaptureResult> out = new ArrayList<>();
        for (Input in : ordered) {
            RunCancelledException.check();
            listener.starting(in);
            CaptureResult r = CaptureCheck.check(in.path(), in.display(), listener, session);
            RunCancelledException.check(); // the reader stopped early: its result is not a verdict
            out.add(r);
            listener.done(r);
        }
        return out;
    }
}
