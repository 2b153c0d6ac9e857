package org.dmaworkbench.runtime.program;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.util.List;

/**
 * JSON form of compiled programs (schema: the record components of {@link CompiledFile},
 * {@link ScenarioProgram}, {@link Step}, {@link Arg}, {@link Expectation}, field names as in the
 * records; results have their own, {@code run.ResultJson}). A compiled file can be run by the
 * runtime alone: {@code java -jar dmas-runtime-standalone.jar program.json}.
 */
public final class ProgramJson {
    /** Format version written into every document. */
    public static final int VERSION = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    private ProgramJson() { }

    /** A versioned envelope. */
    private record Doc<T>(int version, String kind, T content) { }

    public static String write(CompiledFile f) { return GSON.toJson(new Doc<>(VERSION, "compiled-file", f)); }

    /** Parses a compiled file; throws {@link IllegalArgumentException} with a readable message when malformed. */
    public static CompiledFile readCompiledFile(String json) {
        try {
            CompiledDoc d = GSON.fromJson(json, CompiledDoc.class);
            if (d == null || d.content() == null) throw new IllegalArgumentException("not a compiled .dmas program");
            if (d.version() != VERSION) {
                throw new IllegalArgumentException("compiled program format " + d.version() + ", this runtime reads " + VERSION);
            }
            String problem = structureProblem(d.content());
            if (problem != null) throw new IllegalArgumentException("malformed compiled program: " + problem);
            return d.content();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("malformed compiled program: " + e.getMessage(), e);
        }
    }

    private record CompiledDoc(int version, String kind, CompiledFile content) { }

    /** What a compiled program lacks that the runner needs (Gson leaves missing fields null), or null. */
    private static String structureProblem(CompiledFile f) {
        if (f.scenarios() != null) {
            for (var sc : f.scenarios()) {
                if (sc == null) continue;
                String which = "scenario \"" + sc.name() + "\"";
                if (sc.platform() == null) return which + " has no platform";
                if (sc.devices() == null || sc.devices().contains(null)) return which + " has no device list";
                if (sc.platform().iommus() == null || sc.platform().iommus().contains(null)) return which + ": the platform has no IOMMU list";
                String s = stepsProblem(sc.steps());
                if (s != null) return which + ": " + s;
            }
        }
        if (f.benchmarks() != null) {
            for (var b : f.benchmarks()) {
                if (b == null) continue;
                if (b.platform() == null || b.platform().iommus() == null || b.devices() == null) {
                    return "benchmark \"" + b.name() + "\" has no platform or devices";
                }
            }
        }
        return null;
    }

    private static String stepsProblem(List<Step> steps) {
        if (steps == null) return "no steps";
        for (var st : steps) {
            if (st == null || st.op() == null) return "a step without an operation";
            if (st.args() == null || st.args().contains(null)) return "line " + st.line() + ": a step without arguments";
            if ("repeat".equals(st.op())) {
                String s = stepsProblem(st.body());
                if (s != null) return s;
            }
        }
        return null;
    }
}
