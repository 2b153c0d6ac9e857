package org.dmaworkbench.dsl.batch;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Collection;
import java.util.Map;
import org.dmaworkbench.runtime.bench.BenchmarkTable;
import org.dmaworkbench.runtime.bench.MapBenchmarkParams;
import org.dmaworkbench.runtime.bench.MapBenchmarkResult;
import org.dmaworkbench.runtime.exec.BenchmarkRun;
import org.dmaworkbench.runtime.exec.FileRun;
import org.dmaworkbench.runtime.exec.ProgramExecutor;
import org.dmaworkbench.runtime.exec.ScenarioRun;
import org.dmaworkbench.runtime.findings.Finding;
import org.dmaworkbench.runtime.run.StepResult;

/**
 * The machine-readable report, {@code dmas-report.json}: one document per run, described by the
 * JSON Schema {@code dmas-report.schema.json} (draft 2020-12, shipped in the jar's root). Every field
 * the schema names is always present (null where it does not apply).
 */
public final class JsonReport {
    /** The report format; bumped on incompatible changes. */
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_ID = "https://dmaworkbench.org/schemas/dmas-report-1.schema.json";
    public static final String FILE_NAME = "dmas-report.json";

    private JsonReport() { }

    public static String render(RunResults r) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(build(r));
    }

    public static JsonObject build(RunResults r) {
        JsonObject o = new JsonObject();
        o.addProperty("$schema", SCHEMA_ID);
        o.addProperty("schemaVersion", SCHEMA_VERSION);
        JsonObject tool = new JsonObject();
        tool.addProperty("name", "dmas");
        tool.addProperty("version", Version.get());
        o.add("tool", tool);
        o.addProperty("generatedAt", r.started().toString());
        o.add("arguments", strings(r.arguments()));
        o.addProperty("exitCode", r.exitCode());
        o.addProperty("durationMs", r.wallNs() / 1e6);

        JsonObject s = new JsonObject();
        s.addProperty("files", r.files().size());
        s.addProperty("scenarios", r.scenarios());
        s.addProperty("scenariosPassed", r.scenariosPassed());
        s.addProperty("scenariosFailed", r.scenarios() - r.scenariosPassed());
        s.addProperty("expectations", r.expectations());
        s.addProperty("expectationsMet", r.expectationsMet());
        s.addProperty("expectationsNotMet", r.expectations() - r.expectationsMet());
        s.addProperty("benchmarks", r.benchmarks());
        s.addProperty("benchmarksFailed", r.benchmarksFailed());
        s.addProperty("policiesRun", r.policiesRun());
        s.addProperty("policiesRefused", r.policiesRefused());
        s.addProperty("errors", r.errors());
        s.addProperty("warnings", r.warnings());
        o.add("summary", s);

        JsonArray diags = new JsonArray();
        for (Diagnostic d : r.diagnostics()) {
            JsonObject j = new JsonObject();
            j.addProperty("file", d.file());
            j.addProperty("line", d.line());
            j.addProperty("column", d.column());
            j.addProperty("severity", d.severity().label());
            j.addProperty("message", d.message());
            j.add("code", str(d.code()));
            diags.add(j);
        }
        o.add("diagnostics", diags);

        JsonArray files = new JsonArray();
        for (FileRun f : r.files()) {
            JsonObject j = new JsonObject();
            j.addProperty("file", f.file());
            JsonArray sc = new JsonArray();
            for (ScenarioRun run : f.scenarios()) sc.add(scenario(run));
            j.add("scenarios", sc);
            JsonArray bs = new JsonArray();
            for (BenchmarkRun b : f.benchmarks()) bs.add(benchmark(b));
            j.add("benchmarks", bs);
            files.add(j);
        }
        o.add("files", files);
        return o;
    }

    private static JsonObject scenario(ScenarioRun run) {
        var res = run.result();
        JsonObject j = new JsonObject();
        j.add("name", str(res.name()));
        j.add("file", str(run.file()));
        j.addProperty("line", res.line());
        j.add("platform", str(run.platform()));
        j.addProperty("passed", res.passed());
        j.add("error", str(res.error()));
        j.add("errorLine", res.error() == null ? JsonNull.INSTANCE : new JsonPrimitive(run.errorLine()));
        j.addProperty("expectations", run.expectations());
        j.addProperty("expectationsMet", run.met());
        j.addProperty("durationMs", run.wallNs() / 1e6);
        j.addProperty("simulatedNs", res.simulatedNs());
        JsonArray steps = new JsonArray();
        for (StepResult st : res.steps()) steps.add(step(st));
        j.add("steps", steps);
        j.add("findings", findings(res.findings()));
        j.add("dmaDebug", strings(res.dmaDebug()));
        j.add("counters", longs(res.counters()));
        j.add("bootLog", strings(res.bootLog()));
        return j;
    }

    private static JsonObject step(StepResult st) {
        JsonObject j = new JsonObject();
        j.addProperty("line", st.line());
        j.add("text", str(st.text()));
        j.add("outcome", str(st.outcome()));
        j.add("value", st.value() == null ? JsonNull.INSTANCE : new JsonPrimitive(st.value()));
        if (st.faultClass() == null) {
            j.add("fault", JsonNull.INSTANCE);
        } else {
            JsonObject f = new JsonObject();
            f.addProperty("class", st.faultClass());
            f.add("code", st.faultCode() == null ? JsonNull.INSTANCE : new JsonPrimitive(st.faultCode()));
            f.add("name", str(st.faultName()));
            j.add("fault", f);
        }
        j.add("explanation", str(st.explanation()));
        j.add("expected", str(st.expected()));
        j.add("met", st.met() == null ? JsonNull.INSTANCE : new JsonPrimitive(st.met()));
        j.add("failure", str(st.failure()));
        j.add("findings", findings(st.findings()));
        j.add("dmaDebug", strings(st.dmaDebug()));
        j.add("events", strings(st.events()));
        j.addProperty("costNs", st.costNs());
        return j;
    }

    private static JsonObject benchmark(BenchmarkRun b) {
        var spec = b.spec();
        JsonObject j = new JsonObject();
        j.add("name", str(spec.name()));
        j.add("file", str(spec.file()));
        j.addProperty("line", spec.line());
        j.add("platform", str(b.platform()));
        j.add("device", str(spec.device()));
        j.addProperty("passed", b.passed());
        j.add("error", str(b.error()));
        j.addProperty("durationMs", b.wallNs() / 1e6);
        JsonObject p = new JsonObject();
        MapBenchmarkParams mp = b.params();
        p.addProperty("threads", spec.threads());
        p.addProperty("iterations", spec.iterations());
        p.addProperty("granule", spec.granule());
        p.add("direction", str(mp != null && mp.direction() != null ? mp.direction().name() : spec.direction()));
        p.addProperty("dmaBits", spec.dmaBits());
        p.addProperty("transDelayNs", spec.transDelayNs());
        p.add("mode", str(mp != null && mp.mode() != null ? mp.mode().name() : spec.mode()));
        j.add("params", p);
        JsonArray rows = new JsonArray();
        for (BenchmarkTable.Row row : b.rows()) {
            JsonObject rj = new JsonObject();
            rj.addProperty("policy", ProgramExecutor.policyName(row.policy()));
            rj.addProperty("ok", row.ok());
            rj.add("error", str(row.error()));
            MapBenchmarkResult m = row.result();
            rj.add("domain", m == null ? JsonNull.INSTANCE : str(m.domain()));
            rj.add("loops", m == null ? JsonNull.INSTANCE : new JsonPrimitive(m.loops()));
            rj.add("avgMapNs", m == null ? JsonNull.INSTANCE : num(m.avgMapNs()));
            rj.add("mapStddevNs", m == null ? JsonNull.INSTANCE : num(m.mapStddevNs()));
            rj.add("avgUnmapNs", m == null ? JsonNull.INSTANCE : num(m.avgUnmapNs()));
            rj.add("unmapStddevNs", m == null ? JsonNull.INSTANCE : num(m.unmapStddevNs()));
            rj.add("avgMapUs", m == null ? JsonNull.INSTANCE : num(m.avgMapUs()));
            rj.add("mapStddevUs", m == null ? JsonNull.INSTANCE : num(m.mapStddevUs()));
            rj.add("avgUnmapUs", m == null ? JsonNull.INSTANCE : num(m.avgUnmapUs()));
            rj.add("unmapStddevUs", m == null ? JsonNull.INSTANCE : num(m.unmapStddevUs()));
            rj.add("totalSimNs", m == null ? JsonNull.INSTANCE : new JsonPrimitive(m.totalSimNs()));
            rj.add("counters", m == null ? JsonNull.INSTANCE : longs(m.counters()));
            rows.add(rj);
        }
        j.add("rows", rows);
        return j;
    }

    private static JsonArray findings(Collection<Finding> fs) {
        JsonArray a = new JsonArray();
        if (fs == null) return a;
        for (Finding f : fs) {
            JsonObject j = new JsonObject();
            j.add("kind", f.kind() == null ? JsonNull.INSTANCE : str(f.kind().dslName()));
            j.addProperty("line", f.line());
            j.add("message", str(f.message()));
            a.add(j);
        }
        return a;
    }

    private static JsonElement str(String s) { return s == null ? JsonNull.INSTANCE : new JsonPrimitive(s); }

    private static JsonElement num(double d) { return Double.isFinite(d) ? new JsonPrimitive(d) : JsonNull.INSTANCE; }

    private static JsonArray strings(Collection<String> l) {
        JsonArray a = new JsonArray();
        if (l != null) for (String s : l) a.add(str(s));
        return a;
    }

    private static JsonObject longs(Map<String, Long> m) {
        JsonObject o = new JsonObject();
        if (m != null) {
            m.forEach((k, v) -> o.add(String.valueOf(k), v == null ? JsonNull.INSTANCE : new JsonPrimitive(v)));
        }
        return o;
    }
}
