package org.dmaworkbench.runtime.state;

import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * Addresses in a state's JSON: {@code "0x7ffff000"} strings, as the kernel prints them ({@code %llx}),
 * since a JSON number loses 64-bit addresses (kernel virtual addresses, IOVAs above 2^53) in most readers.
 */
public final class Hex extends TypeAdapter<Long> {
    @Override public void write(JsonWriter out, Long v) throws IOException {
        if (v == null) out.nullValue();
        else out.value("0x" + Long.toHexString(v));
    }

    @Override public Long read(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        String s = in.nextString();
        try {
            return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IOException("not an address: " + s, e);
        }
    }

    /** {@code 0x…} of {@code v}. */
    public static String of(long v) { return "0x" + Long.toHexString(v); }
}
