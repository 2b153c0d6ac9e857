package org.dmaworkbench.dsl.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dmaworkbench.runtime.capture.CaptureCheck;
import org.dmaworkbench.runtime.capture.CaptureListener;

/**
 * The capture reader and replay ({@link CaptureCheck}, what {@code ./dmas trace} runs) on fuzzed input: raw bytes
 * (text, or gzip when the fuzzer writes its magic), or the lines of the kernel-format fixtures with fields cut,
 * replaced or swapped between lines. Bad input must give warnings, uncertain verdicts or an unreadable result;
 * anything thrown is a finding.
 */
public final class CaptureFuzzTarget {
    private static final List<String> LINES = seedLines();
    private static final String[] VALUES = {"", "0", "-1", "ffffffffffffffff", "0x", "{}", "{0x1,", "{,}", "1/0", "99999999999999999999",
        "BIDIRECTIONAL", "NONE", "[TRUNCATED]", "IOMMU:", "(____ptrval____)", "\u202e", "dma_map_phys:", "CPU:1 [LOST 5 EVENTS]"};

    private CaptureFuzzTarget() { }

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        byte[] input;
        if (data.consumeBoolean()) {
            input = data.consumeRemainingAsBytes();
        } else {
            StringBuilder b = new StringBuilder();
            for (int n = data.consumeInt(1, 40); n > 0 && data.remainingBytes() > 0; n--) {
                String line = LINES.get(data.consumeInt(0, LINES.size() - 1));
                switch (data.consumeInt(0, 3)) {
                    case 0 -> { }
                    case 1 -> line = line.substring(0, data.consumeInt(0, line.length()));
                    case 2 -> {
                        int eq = line.indexOf('=', data.consumeInt(0, Math.max(0, line.length() - 1)));
                        if (eq >= 0) {
                            int end = line.indexOf(' ', eq);
                            line = line.substring(0, eq + 1) + (data.consumeBoolean() ? data.pickValue(VALUES) : data.consumeString(12))
                                    + (end < 0 ? "" : line.substring(end));
                        }
                    }
                    default -> line = data.consumeString(80);
                }
                b.append(line).append(data.consumeBoolean() ? "\n" : "\r\n");
            }
            input = b.toString().getBytes(StandardCharsets.UTF_8);
        }
        try {
            CaptureCheck.check(new ByteArrayInputStream(input), "fuzz.trace", CaptureListener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory stream does not fail", e);
        }
    }

    private static List<String> seedLines() {
        Path dir = Path.of(System.getProperty("dmas.captures", "../runtime/src/test/resources/captures"));
        try {
            List<String> all = new java.util.ArrayList<>();
            for (String f : List.of("dma-debug-rules-6.12.trace", "v6.18-phys.trace", "lost-and-mid-run.trace", "trace-cmd-report.txt",
                    "run-42.dmesg")) {
                all.addAll(Files.readAllLines(dir.resolve(f), StandardCharsets.UTF_8));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("the capture fixtures (run from the dsl module, or set -Ddmas.captures)", e);
        }
    }
}
