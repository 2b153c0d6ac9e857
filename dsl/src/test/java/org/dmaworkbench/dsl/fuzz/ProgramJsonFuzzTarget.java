package org.dmaworkbench.dsl.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import org.dmaworkbench.runtime.program.ProgramJson;

/**
 * The compiled-program reader ({@link ProgramJson#readCompiledFile}) on fuzzed JSON: raw text, or a
 * compiled example with one value replaced by the fuzzer. Malformed input must be refused with
 * {@link IllegalArgumentException} and a message; anything else thrown is a finding.
 */
public final class ProgramJsonFuzzTarget {
    private static final String SEED = CompiledSeed.json();
    private static final String[] VALUES = {"null", "-1", "-5", "0", "4611686018427387904", "1e400", "\"one\"", "[]", "{}", "[null]",
        "true", "\"\"", "9223372036854775808", "{\"kind\": null}", "\"\\u202e\""};

    private ProgramJsonFuzzTarget() { }

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        String json;
        if (data.consumeBoolean()) {
            json = data.consumeRemainingAsString();
        } else {
            StringBuilder b = new StringBuilder(SEED);
            for (int ops = data.consumeInt(1, 4); ops > 0 && data.remainingBytes() > 0; ops--) {
                int colon = b.indexOf(":", data.consumeInt(0, b.length() - 1));
                if (colon < 0) break;
                int end = colon + 1;
                while (end < b.length() && b.charAt(end) != ',' && b.charAt(end) != '\n') end++;
                b.replace(colon + 1, end, " " + (data.consumeBoolean() ? data.pickValue(VALUES) : data.consumeString(10)));
            }
            json = b.toString();
        }
        try {
            ProgramJson.readCompiledFile(json);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) throw new AssertionError("refused without a message", e);
        }
    }
}
