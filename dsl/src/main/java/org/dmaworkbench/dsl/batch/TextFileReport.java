package org.dmaworkbench.dsl.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.StepResult;

/** {@value Reports#TEXT_FILE_NAME} (the Maven plugin's {@code text} format): the console's text ({@link TextStream}) as it runs, then the diagnostics and the summary. */
final class TextFileReport implements ReportWriter {
    private final Path target;
    private final PrintWriter out;
    private final TextStream text;

    private TextFileReport(Path target) throws IOException {
        this.target = target;
        this.out = new PrintWriter(Spill.fileWriter(target));
        this.text = new TextStream(out, false);
    }

    static TextFileReport to(Path dir) throws IOException {
        return new TextFileReport(dir.resolve(Reports.TEXT_FILE_NAME));
    }

    @Override public void scenarioStarted(ScenarioProgram p) { text.scenarioStarted(p); }
    @Override public void step(ScenarioProgram p, StepResult r) { text.step(p, r); }
    @Override public void scenarioDone(ScenarioRun run) { text.scenarioDone(run); }
    @Override public void benchmarkDone(BenchmarkRun run) { text.benchmarkDone(run); }

    @Override public List<Path> finish(RunResults r) throws IOException {
        TextReport.diagnostics(r.diagnostics(), out);
        if (!r.files().isEmpty()) TextReport.footer(r, out);
        out.close();
        if (out.checkError()) throw new IOException("cannot write " + target.getFileName());
        return List.of(target);
    }

    @Override public void abandon() { out.close(); }
}
