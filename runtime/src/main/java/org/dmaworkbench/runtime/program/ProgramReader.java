package org.dmaworkbench.runtime.program;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a parsed compiled program to the records of this package, component by component, so
 * that every wrong shape is reported with its JSON path ({@code $.content.scenarios[0].steps[3].args[1]:
 * expected an integer, found "one"}) instead of a Java exception. Every component is required
 * except the ones in {@link #OPTIONAL} (null or absent); unknown members are ignored.
 */
final class ProgramReader {
    /** A problem at a JSON path. */
    static final class ShapeException extends RuntimeException {
        ShapeException(String path, String problem) { super(path + ": " + problem); }
    }

    /** Components that may be null or absent (lists among them read as empty, maps as empty). */
    private static final Set<String> OPTIONAL = Set.of(
            "CompiledFile.file", "CompiledFile.scenarios", "CompiledFile.benchmarks",
            "ScenarioProgram.file", "BenchmarkSpec.file", "BenchmarkSpec.policies",
            "Step.text", "Step.bind", "Step.bindType", "Step.expect", "Step.body",
            "Arg.text", "Arg.number", "Arg.offset",
            "Expectation.name", "Expectation.value", "Expectation.code",
            "PlatformSpec.defaultDomain", "PlatformSpec.cmdline", "PlatformSpec.costOverrides",
            "DeviceSpec.iommu", "DeviceSpec.driver");

    private ProgramReader() { }

    /** The value of {@code e} as {@code type}, or a {@link ShapeException} naming {@code path}. */
    static Object read(JsonElement e, Type type, String path) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (raw == List.class) return list(e, p.getActualTypeArguments()[0], path);
            if (raw == Map.class) return map(e, p.getActualTypeArguments()[1], path);
            throw new IllegalStateException("no reader for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            if (!(e instanceof JsonPrimitive s) || !s.isString()) throw new ShapeException(path, "expected a string, found " + found(e));
            return s.getAsString();
        }
        if (c == int.class || c == Integer.class) return (int) integer(e, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (c == long.class || c == Long.class) return integer(e, path, Long.MIN_VALUE, Long.MAX_VALUE);
        if (c == boolean.class || c == Boolean.class) {
            if (!(e instanceof JsonPrimitive b) || !b.isBoolean()) throw new ShapeException(path, "expected true or false, found " + found(e));
            return b.getAsBoolean();
        }
        if (c.isEnum()) return enumValue(e, c, path);
        if (c.isRecord()) return record(e, c, path);
        throw new IllegalStateException("no reader for " + type);
    }

    private static long integer(JsonElement e, String path, long min, long max) {
        if (!(e instanceof JsonPrimitive n) || !n.isNumber()) throw new ShapeException(path, "expected an integer, found " + found(e));
        BigDecimal d;
        try {
            d = new BigDecimal(n.getAsString());
        } catch (NumberFormatException x) {
            throw new ShapeException(path, "expected an integer, found " + found(e));
        }
        if (d.stripTrailingZeros().scale() > 0) throw new ShapeException(path, "expected an integer, found " + found(e));
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new ShapeException(path, "integer " + found(e) + " is outside " + min + ".." + max);
        }
        return d.longValueExact();
    }

    private static Object enumValue(JsonElement e, Class<?> c, String path) {
        String names = String.join(", ", Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
        if (e instanceof JsonPrimitive s && s.isString()) {
            for (Object k : c.getEnumConstants()) if (k.toString().equals(s.getAsString())) return k;
        }
        throw new ShapeException(path, "expected one of " + names + ", found " + found(e));
    }

    private static List<Object> list(JsonElement e, Type element, String path) {
        if (!(e instanceof JsonArray a)) throw new ShapeException(path, "expected an array, found " + found(e));
        List<Object> out = new ArrayList<>(Math.min(a.size(), 1024));
        for (int i = 0; i < a.size(); i++) {
            String at = path + "[" + i + "]";
            if (a.get(i).isJsonNull()) throw new ShapeException(at, "null where " + describe(element) + " belongs");
            out.add(read(a.get(i), element, at));
        }
        return List.copyOf(out);
    }

    private static Map<String, Object> map(JsonElement e, Type value, String path) {
        if (!(e instanceof JsonObject o)) throw new ShapeException(path, "expected an object, found " + found(e));
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> m : o.entrySet()) {
            String at = path + "." + m.getKey();
            if (m.getValue().isJsonNull()) throw new ShapeException(at, "null where " + describe(value) + " belongs");
            out.put(m.getKey(), read(m.getValue(), value, at));
        }
        return out;
    }

    private static Object record(JsonElement e, Class<?> c, String path) {
        if (!(e instanceof JsonObject o)) throw new ShapeException(path, "expected an object (" + c.getSimpleName() + "), found " + found(e));
        RecordComponent[] rc = c.getRecordComponents();
        Object[] values = new Object[rc.length];
        Class<?>[] types = new Class<?>[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            String name = rc[i].getName();
            String at = path + "." + name;
            JsonElement v = o.get(name);
            if (v == null || v.isJsonNull()) {
                if (!OPTIONAL.contains(c.getSimpleName() + "." + name)) {
                    throw new ShapeException(at, (v == null ? "missing" : "null") + " (" + describe(rc[i].getGenericType()) + ")");
                }
                values[i] = absent(rc[i].getType());
            } else {
                values[i] = read(v, rc[i].getGenericType(), at);
            }
        }
        try {
            return c.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException x) {
            throw new IllegalStateException(x);
        }
    }

    private static Object absent(Class<?> t) {
        if (t == List.class) return List.of();
        if (t == Map.class) return Map.of();
        if (t == int.class) return 0;
        if (t == long.class) return 0L;
        if (t == boolean.class) return false;
        return null;
    }

    private static String describe(Type t) {
        if (t instanceof ParameterizedType p) return ((Class<?>) p.getRawType()) == List.class ? "an array" : "an object";
        Class<?> c = (Class<?>) t;
        if (c == String.class) return "a string";
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) return "an integer";
        if (c == boolean.class || c == Boolean.class) return "true or false";
        if (c.isEnum()) return "one of " + String.join(", ", Arrays.stream(c.getEnumConstants()).map(Object::toString).toList());
        return "an object (" + c.getSimpleName() + ")";
    }

    /** A JSON value as the user wrote it, shortened. */
    private static String found(JsonElement e) {
        if (e == null || e.isJsonNull()) return "null";
        if (e.isJsonArray()) return "an array";
        if (e.isJsonObject()) return "an object";
        String s = e.toString();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
