package org.dmaworkbench.runtime.state;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;

/**
 * The JSON form of an {@link IommuState} and a {@link StateDiff}: the records' fields by name, every
 * field present (null where it does not apply), addresses as {@code "0x…"} strings ({@link Hex}).
 * Described by the JSON Schema {@value #SCHEMA_RESOURCE} (draft 2020-12, in the runtime jar's root;
 * {@code $defs/state} and {@code $defs/diff}).
 */
public final class StateJson {
    public static final String SCHEMA_RESOURCE = "dmas-state.schema.json";
    public static final String SCHEMA_ID = "https://dmaworkbench.org/schemas/dmas-state-1.schema.json";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    private StateJson() { }

    public static String write(IommuState s) { return PRETTY.toJson(s); }

    public static String write(StateDiff d) { return PRETTY.toJson(d); }

    /** The state as a tree (for writers that stream a larger document). */
    public static JsonElement tree(IommuState s) { return GSON.toJsonTree(s); }

    public static JsonElement tree(StateDiff d) { return GSON.toJsonTree(d); }

    /** Reads a state back; {@link IllegalArgumentException} with the reason when malformed. */
    public static IommuState read(String json) {
        try {
            IommuState s = GSON.fromJson(json, IommuState.class);
            if (s == null) throw new IllegalArgumentException("malformed state: empty");
            return s;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("malformed state: " + e.getMessage(), e);
        }
    }
}
