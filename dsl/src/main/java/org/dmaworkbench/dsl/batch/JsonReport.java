package org.dmaworkbench.dsl.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.bench.BenchmarkTable;
import org.dmaworkbench.runtime.bench.MapBenchmarkParams;
import org.dmaworkbench.runtime.bench.MapBenchmarkResult;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ProgramExecutor;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.findings.Finding;
import org.dmaworkbench.runtime.program.ScenarioProgram;
import org.dmaworkbench.runtime.run.StepResult;
import org.dmaworkbench.runtime.state.IommuState;
import org.dmaworkbench.runtime.state.StateJson;

/**
 * The machine-readable report, {@code dmas-report.json}: one document per run, described by the
 * JSON Schema {@code dmas-report.schema.json} (draft 2020-12, shipped in the jar's root). Every field
 * the schema names is always present (null where it does not apply).
 *
 * <p>Written as the run goes, with Gson's {@link JsonWriter} (pretty-printed as {@code Gson} prints a
 * tree): each step into a spill as it runs, each scenario into the document's spill when it is done
 * (its counts first, then its steps), and at the end the header and summary followed by the files. So
 * the report costs no memory per step, and its text is what the whole tree would print.
 */
public final class JsonReport implements ReportWriter {
    /** The report format; bumped on incompatible changes. */
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_ID = "https://dmaworkbench.org/schemas/dmas-report-1.schema.json";
    public static final String FILE_NAME = "dmas-report.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    private final Path target;
    private final Spill files;
    private final Spill steps;
    private final Gate filesGate;
    private final JsonWriter filesOut;
    private Gate stepsGate;
    private JsonWriter stepsOut;
    private boolean inFile;
    private boolean inBenchmarks;
    /** The state told for the coming step ({@code --state}), written into it. */
    private IommuState pendingState;

    private JsonReport(Path target, Spill files, Spill steps) throws IOException {
        this.target = target;
        this.files = files;
        this.steps = steps;
        filesGate = new Gate(files.writer());
        filesOut = GSON.newJsonWriter(filesGate);
        // the elements of "files" are written at the depth they have in the document: open it as far, unseen
        filesOut.beginObject().name("files").beginArray();
        filesOut.flush();
        filesGate.open = true;
    }

    /** A report written to {@code dir}/{@value #FILE_NAME} (which exists), with its spills beside it. */
    public static JsonReport to(Path dir) throws IOException {
        return new JsonReport(dir.resolve(FILE_NAME), Spill.inFile(dir, FILE_NAME + ".files"), Spill.inFile(dir, FILE_NAME + ".steps"));
    }

    /** The report of a finished run as a string (what the file of a run with these results holds). */
    public static String render(RunResults r) {
        try {
            JsonReport j = new JsonReport(null, Spill.inMemory(), Spill.inMemory());
            Replay.run(r, j);
            StringWriter out = new StringWriter();
            j.document(r, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void fileStarted(FileRun f) throws IOException {
        closeFile();
        filesOut.beginObject();
        filesOut.name("file").value(f.file());
        filesOut.name("scenarios").beginArray();
        inFile = true;
        inBenchmarks = false;
    }

    @Override public void scenarioStarted(ScenarioProgram p) throws IOException {
        steps.copyTo(Writer.nullWriter()); // a scenario a cancelled run left unfinished is not reported
        stepsGate = new Gate(steps.writer());
        stepsOut = GSON.newJsonWriter(stepsGate);
        // the steps are written at their depth in the document: files[ {scenarios[ {steps[
        stepsOut.beginObject().name("files").beginArray().beginObject().name("scenarios").beginArray().beginObject().name("steps").beginArray();
        stepsOut.flush();
        stepsGate.open = true;
        stepsGate.write("[");
    }

    @Override public void state(ScenarioProgram p, StepResult r, IommuState s) { pendingState = s; }

    @Override public void step(ScenarioProgram p, StepResult st) throws IOException {
        IommuState state = pendingState;
        pendingState = null;
        if (stepsOut != null) step(stepsOut, st, state);
    }

    @Override public void scenarioDone(ScenarioRun run) throws IOException {
        var res = run.result();
        JsonWriter j = filesOut;
        j.beginObject();
        j.name("name").value(res.name());
        j.name("file").value(run.file());
        j.name("line").value(res.line());
        j.name("platform").value(run.platform());
        j.name("passed").value(res.passed());
        j.name("error").value(res.error());
        j.name("errorLine");
        if (res.error() == null) j.nullValue();
        else j.value(run.errorLine());
        j.name("expectations").value(run.expectations());
        j.name("expectationsMet").value(run.met());
        j.name("durationMs").value((Number) (run.wallNs() / 1e6));
        j.name("simulatedNs").value(res.simulatedNs());
        j.name("steps").jsonValue("");
        if (stepsOut != null) {
            stepsOut.endArray();
            stepsOut.flush();
            stepsOut = null;
        } else {
            steps.writer().write("[]");
        }
        j.flush();
        steps.copyTo(files.writer());
        findings(j.name("findings"), res.findings());
        strings(j.name("dmaDebug"), res.dmaDebug());
        longs(j.name("counters"), res.counters());
        strings(j.name("bootLog"), res.bootLog());
        j.endObject();
    }

    @Override public void benchmarkDone(BenchmarkRun b) throws IOException {
        if (!inBenchmarks) {
            filesOut.endArray().name("benchmarks").beginArray();
            inBenchmarks = true;
        }
        benchmark(filesOut, b);
    }

    @Override public void fileDone(FileRun f) throws IOException {
        closeFile();
    }

    private void closeFile() throws IOException {
        if (!inFile) return;
        if (!inBenchmarks) filesOut.endArray().name("benchmarks").beginArray();
        filesOut.endArray().endObject();
        inFile = false;
    }

    @Override public List<Path> finish(RunResults r) throws IOException {
        try (Writer out = Spill.fileWriter(target)) {
            document(r, out);
        } finally {
            abandon();
        }
        return List.of(target);
    }

    @Override public void abandon() {
        files.delete();
        steps.delete();
    }

    /** The document: the header and summary, then the files the spill holds. */
    private void document(RunResults r, Writer out) throws IOException {
        closeFile();
        filesOut.endArray();
        filesOut.flush();
        filesGate.open = false;
        JsonWriter o = GSON.newJsonWriter(out);
        o.beginObject();
        o.name("$schema").value(SCHEMA_ID);
        o.name("schemaVersion").value(SCHEMA_VERSION);
        o.name("tool").beginObject().name("name").value("dmas").name("version").value(Version.get()).endObject();
        o.name("generatedAt").value(r.started().toString());
        strings(o.name("arguments"), r.arguments());
        o.name("exitCode").value(r.exitCode());
        o.name("durationMs").value((Number) (r.wallNs() / 1e6));
        o.name("summary").beginObject();
        o.name("files").value(r.files().size());
        o.name("scenarios").value(r.scenarios());
        o.name("scenariosPassed").value(r.scenariosPassed());
        o.name("scenariosFailed").value(r.scenarios() - r.scenariosPassed());
        o.name("expectations").value(r.expectations());
        o.name("expectationsMet").value(r.expectationsMet());
        o.name("expectationsNotMet").value(r.expectations() - r.expectationsMet());
        o.name("benchmarks").value(r.benchmarks());
        o.name("benchmarksFailed").value(r.benchmarksFailed());
        o.name("policiesRun").value(r.policiesRun());
        o.name("policiesRefused").value(r.policiesRefused());
        o.name("errors").value(r.errors());
        o.name("warnings").value(r.warnings());
        o.endObject();
        o.name("diagnostics").beginArray();
        for (Diagnostic d : r.diagnostics()) {
            o.beginObject();
            o.name("file").value(d.file());
            o.name("line").value(d.line());
            o.name("column").value(d.column());
            o.name("severity").value(d.severity().label());
            o.name("message").value(d.message());
            o.name("code").value(d.code());
            o.endObject();
        }
        o.endArray();
        o.name("files").jsonValue("");
        o.flush();
        out.write('[');
        files.copyTo(out);
        o.endObject();
        o.flush();
    }

    private static void step(JsonWriter j, StepResult st, IommuState state) throws IOException {
        j.beginObject();
        j.name("line").value(st.line());
        j.name("text").value(st.text());
        j.name("outcome").value(st.outcome());
        j.name("value").value(st.value());
        j.name("fault");
        if (st.faultClass() == null) {
            j.nullValue();
        } else {
            j.beginObject();
            j.name("class").value(st.faultClass());
            j.name("code").value(st.faultCode());
            j.name("name").value(st.faultName());
            j.endObject();
        }
        j.name("explanation").value(st.explanation());
        j.name("expected").value(st.expected());
        j.name("met").value(st.met());
        j.name("failure").value(st.failure());
        findings(j.name("findings"), st.findings());
        strings(j.name("dmaDebug"), st.dmaDebug());
        strings(j.name("events"), st.events());
        j.name("costNs").value(st.costNs());
        j.name("state");
        if (state == null) j.nullValue();
        else GSON.toJson(StateJson.tree(state), j);
        j.endObject();
    }

    private static void benchmark(JsonWriter j, BenchmarkRun b) throws IOException {
        var spec = b.spec();
        j.beginObject();
        j.name("name").value(spec.name());
        j.name("file").value(spec.file());
        j.name("line").value(spec.line());
        j.name("platform").value(b.platform());
        j.name("device").value(spec.device());
        j.name("passed").value(b.passed());
        j.name("error").value(b.error());
        j.name("durationMs").value((Number) (b.wallNs() / 1e6));
        MapBenchmarkParams mp = b.params();
        j.name("params").beginObject();
        j.name("threads").value(spec.threads());
        j.name("iterations").value(spec.iterations());
        j.name("granule").value(spec.granule());
        j.name("direction").value(mp != null && mp.direction() != null ? mp.direction().name() : spec.direction());
        j.name("dmaBits").value(spec.dmaBits());
        j.name("transDelayNs").value(spec.transDelayNs());
        j.name("mode").value(mp != null && mp.mode() != null ? mp.mode().name() : spec.mode());
        j.endObject();
        j.name("rows").beginArray();
        for (BenchmarkTable.Row row : b.rows()) {
            MapBenchmarkResult m = row.result();
            j.beginObject();
            j.name("policy").value(ProgramExecutor.policyName(row.policy()));
            j.name("ok").value(row.ok());
            j.name("error").value(row.error());
            j.name("domain").value(m == null ? null : m.domain());
            j.name("loops").value(m == null ? null : (Number) m.loops());
            num(j.name("avgMapNs"), m == null ? Double.NaN : m.avgMapNs());
            num(j.name("mapStddevNs"), m == null ? Double.NaN : m.mapStddevNs());
            num(j.name("avgUnmapNs"), m == null ? Double.NaN : m.avgUnmapNs());
            num(j.name("unmapStddevNs"), m == null ? Double.NaN : m.unmapStddevNs());
            num(j.name("avgMapUs"), m == null ? Double.NaN : m.avgMapUs());
            num(j.name("mapStddevUs"), m == null ? Double.NaN : m.mapStddevUs());
            num(j.name("avgUnmapUs"), m == null ? Double.NaN : m.avgUnmapUs());
            num(j.name("unmapStddevUs"), m == null ? Double.NaN : m.unmapStddevUs());
            j.name("totalSimNs").value(m == null ? null : (Number) m.totalSimNs());
            j.name("counters");
            if (m == null) j.nullValue();
            else longs(j, m.counters());
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }

    private static void findings(JsonWriter j, Collection<Finding> fs) throws IOException {
        j.beginArray();
        if (fs != null) {
            for (Finding f : fs) {
                j.beginObject();
                j.name("kind").value(f.kind() == null ? null : f.kind().dslName());
                j.name("line").value(f.line());
                j.name("message").value(f.message());
                j.endObject();
            }
        }
        j.endArray();
    }

    /** A finite number, else null (JSON has no NaN). */
    private static void num(JsonWriter j, double d) throws IOException {
        if (Double.isFinite(d)) j.value((Number) d);
        else j.nullValue();
    }

    private static void strings(JsonWriter j, Collection<String> l) throws IOException {
        j.beginArray();
        if (l != null) for (String s : l) j.value(s);
        j.endArray();
    }

    private static void longs(JsonWriter j, Map<String, Long> m) throws IOException {
        j.beginObject();
        if (m != null) {
            for (var e : m.entrySet()) j.name(String.valueOf(e.getKey())).value(e.getValue());
        }
        j.endObject();
    }

    /** Passes text on while open; drops it while closed (the opening of a nested writer, at the depth it writes at). */
    static final class Gate extends Writer {
        private final Writer out;
        boolean open;

        Gate(Writer out) { this.out = out; }

        @Override public void write(char[] c, int off, int len) throws IOException { if (open) out.write(c, off, len); }
        @Override public void write(String s, int off, int len) throws IOException { if (open) out.write(s, off, len); }
        @Override public void flush() throws IOException { out.flush(); }
        @Override public void close() { }
    }
}
