package org.dmaworkbench.dsl.cli;

import static org.dmaworkbench.dsl.cli.CliHarness.BAD;
import static org.dmaworkbench.dsl.cli.CliHarness.GOOD;
import static org.dmaworkbench.dsl.cli.CliHarness.dmas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The json / junit / html reports: written, well-formed, and carrying file:line, findings, dma-debug, benchmarks. */
class DmasCliReportsTest {
    private static final String BROKEN = BAD + "/broken-expectation.dmas";

    @TempDir
    static Path out;

    private static CliHarness.Result run;

    @BeforeAll
    static void runOnce() {
        run = dmas("run", "--format", "text,json,junit,html", "--out", out.toString(), GOOD, BROKEN).assertNoStackTrace();
    }

    @Test
    void theRunFailsOnTheBrokenExpectationAndListsTheReports() {
        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.out().contains("report: " + out.resolve("dmas-report.json")), run::toString);
        assertTrue(run.out().contains("report: " + out.resolve("dmas-report.html")), run::toString);
        assertTrue(run.out().contains("report: " + out.resolve("TEST-src.test.resources.cli.bad.broken-expectation.xml")), run::toString);
    }

    // ------------------------------------------------------------------ JSON

    private static JsonObject schema() throws IOException {
        try (InputStream in = DmasCliReportsTest.class.getResourceAsStream("/dmas-report.schema.json")) {
            assertNotNull(in, "dmas-report.schema.json is on the class path");
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    private static JsonObject report() throws IOException {
        return JsonParser.parseString(Files.readString(out.resolve("dmas-report.json"))).getAsJsonObject();
    }

    @Test
    void jsonReportValidatesAgainstTheSchema() throws IOException {
        JsonObject schema = schema();
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").getAsString());
        JsonObject report = report();
        assertEquals(schema.get("$id").getAsString(), report.get("$schema").getAsString());
        List<String> errors = JsonSchemaCheck.validate(report, schema);
        assertTrue(errors.isEmpty(), () -> String.join("\n", errors));

        // the check itself notices a missing required field and a wrong type
        JsonObject broken = report.deepCopy();
        broken.getAsJsonObject("summary").remove("scenarios");
        broken.getAsJsonArray("files").get(0).getAsJsonObject().addProperty("file", 42);
        List<String> found = JsonSchemaCheck.validate(broken, schema);
        assertTrue(found.stream().anyMatch(e -> e.contains("missing required property 'scenarios'")), found::toString);
        assertTrue(found.stream().anyMatch(e -> e.contains("$.files[0].file: expected type")), found::toString);
    }

    @Test
    void theStreamedJsonIsExactlyWhatGsonPrintsForTheDocument() throws IOException {
        // written piece by piece as the run went (JsonReport), the text is the pretty-printed tree of itself
        String text = Files.readString(out.resolve("dmas-report.json"));
        String tree = new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                .toJson(JsonParser.parseString(text));
        assertEquals(tree, text);
    }

    @Test
    void aRunCancelledInAScenarioStillWritesAValidReportWithoutThatScenario(@TempDir Path dir) throws IOException {
        java.io.Writer stopAtFirstStep = new java.io.Writer() {
            @Override public void write(char[] c, int off, int len) {
                if (new String(c, off, len).contains("probe dsa0")) Thread.currentThread().interrupt(); // as the IDE's Cancel does
            }
            @Override public void flush() { }
            @Override public void close() { }
        };
        try {
            DmasCli.commandLine(new java.io.PrintWriter(stopAtFirstStep, true), new java.io.PrintWriter(new java.io.StringWriter(), true))
                    .execute("run", "--format", "text,json,html,junit", "--out", dir.toString(), GOOD + "/scenarios.dmas");
        } finally {
            Thread.interrupted();
        }
        JsonObject report = JsonParser.parseString(Files.readString(dir.resolve("dmas-report.json"))).getAsJsonObject();
        List<String> errors = JsonSchemaCheck.validate(report, schema());
        assertTrue(errors.isEmpty(), () -> String.join("\n", errors));
        assertEquals(1, report.getAsJsonArray("files").size());
        assertEquals(0, report.getAsJsonArray("files").get(0).getAsJsonObject().getAsJsonArray("scenarios").size(),
                "the scenario that was stopped is not reported as if it had run");
        assertTrue(Files.readString(dir.resolve("dmas-report.html")).endsWith("</html>\n"));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().endsWith(".part")).toList(), "no spill is left");
        }
    }

    @Test
    void everySchemaObjectRequiresAllItsProperties() throws IOException {
        // "every property listed is always present": required == properties, everywhere in the schema
        List<String> problems = new ArrayList<>();
        walkSchema(schema(), "#", problems);
        assertTrue(problems.isEmpty(), problems::toString);
    }

    private static void walkSchema(JsonElement e, String path, List<String> problems) {
        if (e.isJsonArray()) {
            int i = 0;
            for (JsonElement x : e.getAsJsonArray()) walkSchema(x, path + "/" + i++, problems);
            return;
        }
        if (!e.isJsonObject()) return;
        JsonObject o = e.getAsJsonObject();
        if (o.has("properties") && o.get("properties").isJsonObject() && !path.endsWith("/properties")) {
            Set<String> props = o.getAsJsonObject("properties").keySet();
            Set<String> req = new java.util.HashSet<>();
            if (o.has("required")) for (JsonElement r : o.getAsJsonArray("required")) req.add(r.getAsString());
            if (!props.equals(req)) problems.add(path + ": properties " + props + " vs required " + req);
        }
        for (Map.Entry<String, JsonElement> c : o.entrySet()) walkSchema(c.getValue(), path + "/" + c.getKey(), problems);
    }

    @Test
    void jsonReportCarriesResultsStepsAndBenchmarks() throws IOException {
        JsonObject r = report();
        assertEquals(1, r.get("exitCode").getAsInt());
        JsonObject s = r.getAsJsonObject("summary");
        assertEquals(3, s.get("scenarios").getAsInt());
        assertEquals(1, s.get("scenariosFailed").getAsInt());
        assertEquals(2, s.get("benchmarks").getAsInt());
        assertEquals(1, s.get("policiesRefused").getAsInt());
        assertEquals(1, s.get("expectationsNotMet").getAsInt());

        Map<String, JsonObject> files = new TreeMap<>();
        for (JsonElement f : r.getAsJsonArray("files")) files.put(f.getAsJsonObject().get("file").getAsString(), f.getAsJsonObject());
        JsonObject broken = files.get(BROKEN);
        assertNotNull(broken, files::toString);
        JsonObject sc = broken.getAsJsonArray("scenarios").get(0).getAsJsonObject();
        assertFalse(sc.get("passed").getAsBoolean());
        JsonObject failed = null;
        for (JsonElement st : sc.getAsJsonArray("steps")) {
            JsonObject o = st.getAsJsonObject();
            if (!o.get("met").isJsonNull() && !o.get("met").getAsBoolean()) failed = o;
        }
        assertNotNull(failed);
        assertEquals(10, failed.get("line").getAsInt());
        assertEquals("ok", failed.get("expected").getAsString());
        assertTrue(failed.get("failure").getAsString().startsWith("expected ok, got fault write-not-permitted"));
        assertEquals("write-not-permitted", failed.getAsJsonObject("fault").get("class").getAsString());
        assertEquals(0x85, failed.getAsJsonObject("fault").get("code").getAsInt());

        JsonObject scenarios = files.get(GOOD + "/scenarios.dmas");
        JsonObject first = scenarios.getAsJsonArray("scenarios").get(0).getAsJsonObject();
        assertEquals("spr", first.get("platform").getAsString());
        assertTrue(first.getAsJsonArray("findings").get(0).getAsJsonObject().get("kind").getAsString().equals("stale-iotlb"));
        assertTrue(first.getAsJsonObject("counters").get("iotlb.invalidations").getAsLong() >= 1);
        JsonObject second = scenarios.getAsJsonArray("scenarios").get(1).getAsJsonObject();
        assertTrue(second.getAsJsonArray("dmaDebug").toString().contains("device driver frees DMA memory with different size"));

        JsonArray benches = files.get(GOOD + "/bench.dmas").getAsJsonArray("benchmarks");
        JsonObject policies = benches.get(0).getAsJsonObject();
        assertEquals(1000, policies.getAsJsonObject("params").get("iterations").getAsInt());
        List<String> names = new ArrayList<>();
        for (JsonElement row : policies.getAsJsonArray("rows")) {
            names.add(row.getAsJsonObject().get("policy").getAsString());
            assertTrue(row.getAsJsonObject().get("ok").getAsBoolean(), row::toString);
            assertEquals(2000, row.getAsJsonObject().get("loops").getAsInt());
        }
        assertEquals(List.of("passthrough", "strict", "lazy", "kva-fast", "kva-strict"), names);
        JsonObject refused = benches.get(1).getAsJsonObject().getAsJsonArray("rows").get(1).getAsJsonObject();
        assertEquals("kva-fast", refused.get("policy").getAsString());
        assertFalse(refused.get("ok").getAsBoolean());
        assertTrue(refused.get("error").getAsString().contains("iommu_dma_pasid_enable(KVA) failed"), refused::toString);
        assertTrue(refused.get("avgMapNs").isJsonNull());

        assertTrue(r.getAsJsonArray("diagnostics").size() > 0, "warnings are in the report");
    }

    // ------------------------------------------------------------------ JUnit XML

    private static Document parseXml(Path p) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(p.toFile());
    }

    @Test
    void junitReportsAreSurefireXmlOneSuitePerFile() throws Exception {
        List<String> names;
        try (Stream<Path> s = Files.list(out)) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("TEST-")).sorted().toList();
        }
        assertEquals(List.of("TEST-src.test.resources.cli.bad.broken-expectation.xml", "TEST-src.test.resources.cli.good.bench.xml",
                "TEST-src.test.resources.cli.good.scenarios.xml"), names, "one per file with scenarios or benchmarks");

        Document broken = parseXml(out.resolve("TEST-src.test.resources.cli.bad.broken-expectation.xml"));
        Element suite = broken.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("src.test.resources.cli.bad.broken-expectation", suite.getAttribute("name"));
        assertEquals("1", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertFalse(suite.getAttribute("time").isEmpty());
        Element tc = (Element) suite.getElementsByTagName("testcase").item(0);
        assertEquals("a wrong expectation: the DMA is denied, not ok", tc.getAttribute("name"));
        assertEquals("src.test.resources.cli.bad.broken-expectation", tc.getAttribute("classname"));
        Element failure = (Element) tc.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").startsWith(BROKEN + ":10: expected ok, got fault write-not-permitted"),
                failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("dma dsa0 pasid kp write a len 64 expect ok"), failure.getTextContent());
        String log = tc.getElementsByTagName("system-out").item(0).getTextContent();
        assertTrue(log.contains("NOT  " + BROKEN + ":10"), log);

        Document scenarios = parseXml(out.resolve("TEST-src.test.resources.cli.good.scenarios.xml"));
        assertEquals("2", scenarios.getDocumentElement().getAttribute("tests"));
        assertEquals("0", scenarios.getDocumentElement().getAttribute("failures"));
        assertEquals(0, scenarios.getElementsByTagName("failure").getLength());
        assertTrue(scenarios.getElementsByTagName("system-out").item(1).getTextContent().contains("dma-debug: DMA-API:"));

        Document bench = parseXml(out.resolve("TEST-src.test.resources.cli.good.bench.xml"));
        NodeList cases = bench.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        assertEquals("benchmark: map/unmap latency by policy", ((Element) cases.item(0)).getAttribute("name"));
        assertTrue(cases.item(0).getTextContent().contains("KVA_STRICT"));
    }

    @Test
    void oldJunitFilesOfOursAreReplacedOthersKeptAndInvalidInputGetsAValidationCase(@TempDir Path dir) throws Exception {
        Path foreign = dir.resolve("TEST-com.acme.FooTest.xml"); // Surefire's, or anyone's: never deleted
        Files.writeString(foreign, "<testsuite name=\"com.acme.FooTest\"/>");
        Path stale = dir.resolve("TEST-stale.xml"); // one of ours from an earlier run: replaced by this run's
        Files.writeString(stale, "<testsuite><properties><property name=\"dmas.file\" value=\"old.dmas\"/></properties></testsuite>");
        var r = dmas("run", "--format", "junit,json", "--out", dir.toString(), BAD + "/syntax-error.dmas").assertNoStackTrace();
        assertEquals(2, r.exit(), r::toString);
        assertFalse(Files.exists(stale), "an earlier run's report would mix with this one's");
        assertTrue(Files.exists(foreign), "a file this tool did not write is never deleted");
        Document d = parseXml(dir.resolve("TEST-src.test.resources.cli.bad.syntax-error.xml"));
        Element error = (Element) d.getElementsByTagName("error").item(0);
        assertTrue(error.getAttribute("message").startsWith(BAD + "/syntax-error.dmas:5:26: error: "), error.getAttribute("message"));
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("dmas-report.json"))).getAsJsonObject();
        assertEquals(2, json.get("exitCode").getAsInt());
        assertEquals(0, json.getAsJsonArray("files").size());
        assertEquals("error", json.getAsJsonArray("diagnostics").get(0).getAsJsonObject().get("severity").getAsString());
        assertTrue(JsonSchemaCheck.validate(json, schema()).isEmpty());
    }

    // ------------------------------------------------------------------ HTML

    @Test
    void htmlReportIsSelfContainedWithStepsAndAChart() throws Exception {
        String html = Files.readString(out.resolve("dmas-report.html"));
        // polyglot markup: the page parses as XML too
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg"), "a benchmark gets an inline SVG chart");
        assertTrue(html.contains("<rect") && html.contains("class=\"map\"") && html.contains("class=\"unmap\""));
        assertTrue(html.contains("refused by the platform"));
        assertTrue(html.contains("&#10004;") && html.contains("&#10008;"), "verdict icons");
        assertTrue(html.contains("finding stale-iotlb"));
        assertTrue(html.contains("<b>dma-debug</b>"));
        assertTrue(html.contains("iotlb.invalidations"), "counters");
        assertTrue(html.contains("<th>map &#181;s</th>"), "benchmark table");
        assertTrue(html.contains(BROKEN + ":10"));
        assertFalse(html.contains("<script") || html.contains("src=\"http") || html.contains("href=\"http"), "no scripts, no external resources");
    }

    @Test
    void userTextIsEscapedInHtmlAndXml(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("evil.dmas");
        Files.copy(Path.of(GOOD, "platforms/spr.dmas"), dir.resolve("spr.dmas")); // imports are relative (absolute paths are refused)
        Files.writeString(f, "import \"spr.dmas\"\n"
                + "scenario \"<script>alert('x')</script> & \\\"co\\\" ]]>\" on spr {\n    probe dsa0\n}\n"
                + "benchmark \"<b>bench</b>\" on spr {\n    device dsa0 threads 1 iterations 10\n    compare strict\n}\n");
        Path reports = dir.resolve("reports");
        var r = dmas("run", "--format", "html,junit,json", "--out", reports.toString(), f.toString()).assertNoStackTrace();
        assertEquals(0, r.exit(), r::toString);
        String html = Files.readString(reports.resolve("dmas-report.html"));
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>bench</b>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot; ]]&gt;"), html);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        Path xml;
        try (Stream<Path> s = Files.list(reports)) {
            xml = s.filter(p -> p.getFileName().toString().startsWith("TEST-")).findFirst().orElseThrow();
        }
        Element tc = (Element) parseXml(xml).getElementsByTagName("testcase").item(0);
        assertEquals("<script>alert('x')</script> & \"co\" ]]>", tc.getAttribute("name"));
        JsonObject json = JsonParser.parseString(Files.readString(reports.resolve("dmas-report.json"))).getAsJsonObject();
        assertEquals("<script>alert('x')</script> & \"co\" ]]>", json.getAsJsonArray("files").get(0).getAsJsonObject()
                .getAsJsonArray("scenarios").get(0).getAsJsonObject().get("name").getAsString());
    }

    @Test
    void withoutTextTheConsoleShowsTheSummaryOnly(@TempDir Path dir) {
        var r = dmas("run", "--format", "json", "--out", dir.toString(), GOOD + "/scenarios.dmas");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("Summary: 2 scenarios"), r::toString);
        assertFalse(r.out().contains("PASS"), r::toString);
        assertTrue(Files.exists(dir.resolve("dmas-report.json")));
    }
}
