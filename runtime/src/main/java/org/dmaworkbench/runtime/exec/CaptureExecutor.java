package org.dmaworkbench.runtime.exec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.runtime.capture.CaptureCheck;
import org.dmaworkbench.runtime.capture.CaptureListener;
import org.dmaworkbench.runtime.capture.CaptureResult;

/**
 * Checks kernel captures (ftrace text of the dma: and iommu: events) one after the other, each replayed on its own
 * through the runtime's dma-debug model; the one capture path of every front end, as {@link ProgramExecutor} is
 * for programs. The exit code of the results is {@link ExitCode#ofCaptures}.
 */
public final class CaptureExecutor {

    /** A capture to check: where it is and how the output names it. */
    public record Input(Path path, String display) { }

    /** Also told when each capture starts and ends (front ends print headers and summaries). */
    public interface Listener extends CaptureListener {
        default void starting(Input input) { }

        default void done(CaptureResult result) { }
    }

    /** Checks each input in order; never throws on bad input. */
    public List<CaptureResult> run(List<Input> inputs, Listener listener) {
        List<CaptureResult> out = new ArrayList<>();
        for (Input in : inputs) {
            listener.starting(in);
            CaptureResult r = CaptureCheck.check(in.path(), in.display(), listener);
            out.add(r);
            listener.done(r);
        }
        return out;
    }
}
