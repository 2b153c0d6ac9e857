package org.dmaworkbench.dsl.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * A 200,000-step scenario runs through the batch service with every report and the console text in a
 * JVM limited to a 64 MiB heap ({@link LongRunMain}), and every report is complete: the JSON lists
 * every step, the HTML shows the first ones and the unmet ones and folds the rest into count rows,
 * the JUnit and text reports are written. Before the reports streamed, the same run needed a heap of
 * 768 MiB (it failed at 512 MiB building the JSON tree; README, Performance).
 */
class BoundedReportMemoryTest {
    static final int STEPS = 200_000;

    @TempDir
    Path tmp;

    @Test
    void twoHundredThousandStepsAreReportedInA64MiBHeap() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-XX:+UseSerialGC"));
        if (Runtime.version().feature() >= 24) cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), LongRunMain.class.getName(), tmp.toString(),
                Integer.toString(STEPS)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (BufferedReader r = p.inputReader(StandardCharsets.UTF_8)) {
            out = String.join("\n", r.lines().toList());
        }
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the run did not end");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("exit 1"), out); // four groups expect a fault they do not get
        assertTrue(out.contains("reports 4 files"), out);
        assertTrue(out.matches("(?s).*console-lines (\\d{6,}).*"), out);

        Path reports = tmp.resolve("reports");
        long[] json = jsonSteps(reports.resolve(JsonReport.FILE_NAME));
        assertEquals(STEPS, json[0], "every step is in the JSON report");
        assertEquals(json[2], json[1] - json[3], "summary: met = expectations - not met");
        assertEquals(4, json[4], "the unmet steps");
        assertEquals(json[4], json[3], "summary: not met");

        String html = Files.readString(reports.resolve(HtmlReport.FILE_NAME));
        long rows = html.split("<tr", -1).length - 1;
        assertTrue(rows < HtmlReport.SHOWN_STEPS + 100, "the first steps, the unmet ones, count rows and counters: " + rows + " rows");
        assertEquals(4, html.split("<tr class=\"notmet\"", -1).length - 1, "every unmet step is shown");
        assertTrue(html.contains("<tr class=\"folded\">"), "passed steps past the first are folded into count rows");
        assertTrue(html.contains(" steps (all met or without expectation) not shown: dmas-report.json has every step"), "a count row");

        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(reports.resolve("TEST-long.xml").toFile());
        assertEquals("1", junit.getDocumentElement().getAttribute("failures"));
        String systemOut = junit.getElementsByTagName("system-out").item(0).getTextContent();
        assertTrue(systemOut.contains("more steps not kept (0 of them not met): the report files have every step"), systemOut.lines().limit(3).toList()::toString);
        assertEquals(4, junit.getElementsByTagName("failure").item(0).getTextContent().split("expected: ", -1).length - 1,
                "the failure lists the unmet steps");

        try (var lines = Files.lines(reports.resolve(Reports.TEXT_FILE_NAME))) {
            assertTrue(lines.count() > STEPS, "the text report has a line per step");
        }
        try (var left = Files.list(reports)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().endsWith(".part")).toList(), "no spill is left");
        }
    }

    /** Streams the JSON report: steps, summary expectations, met, not met, and unmet steps counted. */
    private static long[] jsonSteps(Path file) throws IOException {
        long steps = 0, unmet = 0, expectations = -1, met = -1, notMet = -1;
        try (JsonReader r = new JsonReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            r.beginObject();
            while (r.hasNext()) {
                String name = r.nextName();
                if (name.equals("summary")) {
                    r.beginObject();
                    while (r.hasNext()) {
                        switch (r.nextName()) {
                            case "expectations" -> expectations = r.nextLong();
                            case "expectationsMet" -> met = r.nextLong();
                            case "expectationsNotMet" -> notMet = r.nextLong();
                            default -> r.skipValue();
                        }
                    }
                    r.endObject();
                } else if (name.equals("files")) {
                    r.beginArray();
                    r.beginObject();
                    while (r.hasNext()) {
                        if (!r.nextName().equals("scenarios")) {
                            r.skipValue();
                            continue;
                        }
                        r.beginArray();
                        r.beginObject();
                        while (r.hasNext()) {
                            if (!r.nextName().equals("steps")) {
                                r.skipValue();
                                continue;
                            }
                            r.beginArray();
                            while (r.hasNext()) {
                                steps++;
                                r.beginObject();
                                while (r.hasNext()) {
                                    if (r.nextName().equals("met") && r.peek() == JsonToken.BOOLEAN) {
                                        if (!r.nextBoolean()) unmet++;
                                    } else {
                                        r.skipValue();
                                    }
                                }
                                r.endObject();
                            }
                            r.endArray();
                        }
                        r.endObject();
                        r.endArray();
                    }
                    r.endObject();
                    r.endArray();
                } else {
                    r.skipValue();
                }
            }
        }
        return new long[] {steps, expectations, met, notMet, unmet};
    }
}
