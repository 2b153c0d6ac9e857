package org.dmaworkbench.runtime.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/** JSON form of a {@link ScenarioResult} (field names as in the records), for tools that keep results. */
public final class ResultJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    private ResultJson() { }

    public static String write(ScenarioResult r) { return GSON.toJson(r); }

    /** Parses a result; throws {@link IllegalArgumentException} with a readable message when malformed. */
    public static ScenarioResult read(String json) {
        try {
            return GSON.fromJson(json, ScenarioResult.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("malformed result: " + e.getMessage(), e);
        }
    }
}
