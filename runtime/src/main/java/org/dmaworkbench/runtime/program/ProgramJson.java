package org.dmaworkbench.runtime.program;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import org.dmaworkbench.runtime.run.ScenarioResult;

/**
 * JSON form of compiled programs and of results (schema: the record components of
 * {@link CompiledFile}, {@link ScenarioProgram}, {@link Step}, {@link Arg}, {@link Expectation}
 * and {@link ScenarioResult}, field names as in the records). A compiled file can be run by the
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

    public static String write(ScenarioResult r) { return GSON.toJson(r); }

    /** Parses a compiled file; throws {@link IllegalArgumentException} with a readable message when malformed. */
    public static CompiledFile readCompiledFile(String json) {
        try {
            CompiledDoc d = GSON.fromJson(json, CompiledDoc.class);
            if (d == null || d.content() == null) throw new IllegalArgumentException("not a compiled .dmas program");
            if (d.version() != VERSION) {
                throw new IllegalArgumentException("compiled program format " + d.version() + ", this runtime reads " + VERSION);
            }
            return d.content();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("malformed compiled program: " + e.getMessage(), e);
        }
    }

    public static ScenarioResult readResult(String json) {
        try {
            return GSON.fromJson(json, ScenarioResult.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("malformed result: " + e.getMessage(), e);
        }
    }

    private record CompiledDoc(int version, String kind, CompiledFile content) { }
}
