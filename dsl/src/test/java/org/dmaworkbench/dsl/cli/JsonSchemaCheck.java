package org.dmaworkbench.dsl.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A structural check of a JSON document against the subset of JSON Schema 2020-12 the report's
 * schema uses: {@code $ref} (local), {@code type}, {@code const}, {@code enum}, {@code required},
 * {@code properties}, {@code additionalProperties}, {@code items}, {@code oneOf}, {@code minimum}.
 * Anything else in the schema is ignored. Returns the violations, each with its JSON path.
 */
final class JsonSchemaCheck {
    private final JsonObject root;
    private final List<String> errors = new ArrayList<>();

    private JsonSchemaCheck(JsonObject root) { this.root = root; }

    static List<String> validate(JsonElement doc, JsonObject schema) {
        JsonSchemaCheck c = new JsonSchemaCheck(schema);
        c.check(doc, schema, "$");
        return c.errors;
    }

    private boolean check(JsonElement v, JsonObject s, String path) {
        int before = errors.size();
        if (s.has("$ref")) {
            String ref = s.get("$ref").getAsString();
            if (!ref.startsWith("#/")) throw new IllegalArgumentException("only local $ref: " + ref);
            JsonElement target = root;
            for (String part : ref.substring(2).split("/")) target = target.getAsJsonObject().get(part);
            if (target == null) throw new IllegalArgumentException("dangling $ref " + ref);
            check(v, target.getAsJsonObject(), path);
        }
        if (s.has("type")) {
            JsonElement t = s.get("type");
            boolean ok = false;
            if (t.isJsonArray()) for (JsonElement x : t.getAsJsonArray()) ok |= hasType(v, x.getAsString());
            else ok = hasType(v, t.getAsString());
            if (!ok) errors.add(path + ": expected type " + t + ", got " + v);
        }
        if (s.has("const") && !s.get("const").equals(v)) errors.add(path + ": expected " + s.get("const") + ", got " + v);
        if (s.has("enum")) {
            boolean ok = false;
            for (JsonElement x : s.getAsJsonArray("enum")) ok |= x.equals(v) || numEquals(x, v);
            if (!ok) errors.add(path + ": " + v + " not in " + s.get("enum"));
        }
        if (s.has("minimum") && v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()
                && v.getAsDouble() < s.get("minimum").getAsDouble()) {
            errors.add(path + ": " + v + " below minimum " + s.get("minimum"));
        }
        if (s.has("oneOf")) {
            int passing = 0;
            for (JsonElement alt : s.getAsJsonArray("oneOf")) {
                JsonSchemaCheck sub = new JsonSchemaCheck(root);
                sub.check(v, alt.getAsJsonObject(), path);
                if (sub.errors.isEmpty()) passing++;
            }
            if (passing != 1) errors.add(path + ": matches " + passing + " of the oneOf alternatives");
        }
        if (v.isJsonObject()) {
            JsonObject o = v.getAsJsonObject();
            if (s.has("required")) {
                for (JsonElement r : s.getAsJsonArray("required")) {
                    if (!o.has(r.getAsString())) errors.add(path + ": missing required property '" + r.getAsString() + "'");
                }
            }
            JsonObject props = s.has("properties") ? s.getAsJsonObject("properties") : new JsonObject();
            for (Map.Entry<String, JsonElement> e : o.entrySet()) {
                String p = path + "." + e.getKey();
                if (props.has(e.getKey())) {
                    check(e.getValue(), props.getAsJsonObject(e.getKey()), p);
                } else if (s.has("additionalProperties")) {
                    JsonElement ap = s.get("additionalProperties");
                    if (ap.isJsonPrimitive() && !ap.getAsBoolean()) errors.add(p + ": property not allowed");
                    else if (ap.isJsonObject()) check(e.getValue(), ap.getAsJsonObject(), p);
                }
            }
        }
        if (v.isJsonArray() && s.has("items")) {
            int i = 0;
            for (JsonElement x : v.getAsJsonArray()) check(x, s.getAsJsonObject("items"), path + "[" + i++ + "]");
        }
        return errors.size() == before;
    }

    private static boolean numEquals(JsonElement a, JsonElement b) {
        return a.isJsonPrimitive() && b.isJsonPrimitive() && a.getAsJsonPrimitive().isNumber() && b.getAsJsonPrimitive().isNumber()
                && a.getAsDouble() == b.getAsDouble();
    }

    private static boolean hasType(JsonElement v, String type) {
        return switch (type) {
            case "null" -> v.isJsonNull();
            case "object" -> v.isJsonObject();
            case "array" -> v.isJsonArray();
            case "string" -> v.isJsonPrimitive() && v.getAsJsonPrimitive().isString();
            case "boolean" -> v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean();
            case "number" -> v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber();
            case "integer" -> v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() && isIntegral(v.getAsJsonPrimitive());
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean isIntegral(JsonPrimitive p) {
        double d = p.getAsDouble();
        return d == Math.rint(d) && !Double.isInfinite(d);
    }
}
