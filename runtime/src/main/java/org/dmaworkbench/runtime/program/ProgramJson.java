package org.dmaworkbench.runtime.program;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.io.StringReader;

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
    private static final TypeAdapter<JsonElement> ELEMENT = GSON.getAdapter(JsonElement.class);

    private ProgramJson() { }

    /** A versioned envelope. */
    private record Doc<T>(int version, String kind, T content) { }

    public static String write(CompiledFile f) { return GSON.toJson(new Doc<>(VERSION, "compiled-file", f)); }

    /**
     * Parses a compiled file; throws {@link IllegalArgumentException} with a readable message when
     * malformed ("malformed compiled program: $.content.scenarios[0].steps[3].args[1]: expected an
     * integer, found \"one\"", or the line and column of a JSON syntax error). Checks the shape of
     * every value and what the runner needs ({@code ProgramChecks}).
     */
    public static CompiledFile readCompiledFile(String json) {
        JsonElement root = parse(json);
        try {
            if (!(root instanceof JsonObject o)) throw new ProgramReader.ShapeException("$", "expected an object (a compiled program)");
            JsonElement v = o.get("version");
            if (v == null || !(v instanceof JsonPrimitive p) || !p.isNumber()) {
                throw new ProgramReader.ShapeException("$.version", "missing: not a compiled .dmas program");
            }
            if (!p.getAsString().equals(String.valueOf(VERSION))) {
                throw new IllegalArgumentException("compiled program format " + p.getAsString() + ", this runtime reads " + VERSION);
            }
            JsonElement kind = o.get("kind");
            if (kind != null && !kind.equals(new JsonPrimitive("compiled-file"))) {
                throw new ProgramReader.ShapeException("$.kind", "expected \"compiled-file\", found " + kind);
            }
            JsonElement content = o.get("content");
            if (content == null || content.isJsonNull()) throw new ProgramReader.ShapeException("$.content", "missing: not a compiled .dmas program");
            CompiledFile f = (CompiledFile) ProgramReader.read(content, CompiledFile.class, "$.content");
            ProgramChecks.check(f, "$.content");
            return f;
        } catch (ProgramReader.ShapeException e) {
            throw new IllegalArgumentException("malformed compiled program: " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #readCompiledFile(String)}, with every scenario and benchmark labelled {@code runFile}:
     * steps name the file actually run, not a {@code file} the JSON claims.
     */
    public static CompiledFile readCompiledFile(String json, String runFile) {
        CompiledFile f = readCompiledFile(json);
        return new CompiledFile(runFile,
                f.scenarios().stream().map(s -> new ScenarioProgram(s.name(), runFile, s.line(), s.platform(), s.devices(), s.steps())).toList(),
                f.benchmarks().stream().map(b -> new BenchmarkSpec(b.name(), runFile, b.line(), b.platform(), b.devices(), b.device(),
                        b.threads(), b.iterations(), b.granule(), b.direction(), b.dmaBits(), b.transDelayNs(), b.mode(), b.policies())).toList());
    }

    /** Strict JSON (RFC 8259), one value; a syntax error names its line and column. */
    private static JsonElement parse(String json) {
        try {
            JsonReader r = new JsonReader(new StringReader(json));
            r.setStrictness(Strictness.STRICT);
            JsonElement e = ELEMENT.read(r);
            if (r.peek() != JsonToken.END_DOCUMENT) throw new MalformedJsonException("more than one JSON value in the file");
            return e;
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? "not JSON" : e.getMessage();
            int see = m.indexOf("\nSee https://");
            if (see >= 0) m = m.substring(0, see);
            m = m.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON at", "at");
            m = m.replaceAll("^(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error): ", "");
            throw new IllegalArgumentException("malformed compiled program: not valid JSON: " + m, e);
        }
    }
}
