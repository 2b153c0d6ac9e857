package org.dmaworkbench.dsl.cli;

import static org.dmaworkbench.dsl.cli.CliHarness.GOOD;
import static org.dmaworkbench.dsl.cli.CliHarness.dmas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dmas run --state}: the IOMMU state after the failing steps (or every step) on the console, in the JSON
 * report (valid against dmas-state.schema.json) and in the HTML report (collapsible, with the IOVA bar).
 */
class DmasCliStateTest {
    private static final String SCENARIOS = GOOD + "/scenarios.dmas";

    @TempDir
    Path out;

    /** The text printed under the step at {@code line} of the first scenario, up to the next step line. */
    private static String after(String stdout, int line) {
        Matcher m = Pattern.compile("(?m)^.*scenarios\\.dmas:" + line + " .*$").matcher(stdout);
        assertTrue(m.find(), () -> "no step line " + line + " in\n" + stdout);
        int from = m.end();
        Matcher next = Pattern.compile("(?m)^(.*scenarios\\.dmas:\\d+ |PASS|FAIL)").matcher(stdout);
        int to = next.find(from + 1) ? next.start() : stdout.length();
        return stdout.substring(from, to);
    }

    @Test
    void stateAloneShowsTheStateAfterTheStepsWithFindingsOrReports() {
        CliHarness.Result r = dmas("run", "--state", "-s", "global PASID", SCENARIOS).assertNoStackTrace();
        assertEquals(0, r.exit(), r::toString);
        String stale = after(r.out(), 16);
        assertTrue(stale.contains("IOMMU state after line 16"), stale);
        assertTrue(stale.contains("PASID 0 (RID) → domain"), "the PASID table: " + stale);
        assertTrue(stale.contains("PASID 1 → domain"), stale);
        assertTrue(stale.contains("STALE: unmapped at line 15, not yet invalidated"), stale);
        assertTrue(stale.contains("flush queue: 1 entry, timer fires in"), stale);
        assertTrue(stale.contains("unmapped at line 15, queued"), stale);
        assertFalse(after(r.out(), 12).contains("IOMMU state"), "a clean step shows no state");
        assertEquals(1, count(r.out(), "IOMMU state after"), "only the step with the stale-iotlb finding: " + r.out());
    }

    @Test
    void stateAllShowsEveryStepAndWhatChanged() {
        CliHarness.Result r = dmas("run", "--state=all", "-s", "global PASID", SCENARIOS).assertNoStackTrace();
        assertEquals(0, r.exit(), r::toString);
        assertTrue(after(r.out(), 5).contains("IOMMU state after line 5"), r.out());
        String unmap = after(r.out(), 15);
        assertTrue(unmap.contains("changed since line 14"), unmap);
        assertTrue(unmap.contains("- mappings domain"), "the mapping is gone: " + unmap);
        assertTrue(Pattern.compile("! iotlb domain \\d+: PASID 1 ").matcher(unmap).find(), "became stale: " + unmap);
        assertTrue(unmap.contains("+ flush-queue domain"), unmap);
        String flushed = after(r.out(), 17);
        assertTrue(Pattern.compile("- iova domain \\d+: 0x").matcher(flushed).find(), "the timer's flush frees the IOVA: " + flushed);
    }

    @Test
    void aWrongStateValueIsRefused() {
        CliHarness.Result r = dmas("run", "--state=every", SCENARIOS).assertNoStackTrace();
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("dmas: --state takes failing or all, not 'every'"), r::toString);
    }

    @Test
    void withoutStateNothingIsTakenAndTheJsonSaysNull() throws IOException {
        CliHarness.Result r = dmas("run", "--format", "text,json", "--out", out.toString(), SCENARIOS).assertNoStackTrace();
        assertFalse(r.out().contains("IOMMU state"), r.out());
        for (JsonElement st : steps(report(out))) assertTrue(st.getAsJsonObject().get("state").isJsonNull());
    }

    @Test
    void theJsonReportCarriesTheStatesValidAgainstTheStateSchema() throws IOException {
        CliHarness.Result r = dmas("run", "--state", "--format", "json", "--out", out.toString(), SCENARIOS).assertNoStackTrace();
        assertEquals(0, r.exit(), r::toString);
        JsonObject report = report(out);
        assertTrue(JsonSchemaCheck.validate(report, schema("/dmas-report.schema.json")).isEmpty());
        JsonObject stateSchema = schema("/dmas-state.schema.json");
        int states = 0;
        for (JsonElement e : steps(report)) {
            JsonObject st = e.getAsJsonObject();
            boolean failing = st.get("met").isJsonPrimitive() && !st.get("met").getAsBoolean()
                    || !st.getAsJsonArray("findings").isEmpty() || !st.getAsJsonArray("dmaDebug").isEmpty();
            assertEquals(failing, !st.get("state").isJsonNull(), () -> "state after line " + st.get("line"));
            if (st.get("state").isJsonNull()) continue;
            states++;
            List<String> errors = JsonSchemaCheck.validate(st.get("state"), stateSchema);
            assertEquals(List.of(), errors);
            assertEquals(st.get("line").getAsInt(), st.getAsJsonObject("state").get("line").getAsInt());
        }
        assertTrue(states >= 2, "the stale read and the dma-debug step at least");
    }

    @Test
    void theHtmlReportFoldsEachStateWithTheIovaBar() throws IOException {
        CliHarness.Result r = dmas("run", "--state=all", "--format", "html", "--out", out.toString(), "-s", "global PASID", SCENARIOS)
                .assertNoStackTrace();
        assertEquals(0, r.exit(), r::toString);
        String html = Files.readString(out.resolve("dmas-report.html"));
        assertEquals(17, count(html, "<details class=\"state\">"), "one per step (the default_domain() calls are steps too)");
        int at16 = html.indexOf("<summary>IOMMU state after line 16</summary>");
        assertTrue(at16 > 0, html);
        String state16 = html.substring(at16, html.indexOf("</details>", at16));
        assertTrue(state16.contains("<svg"), state16);
        assertTrue(state16.contains("<rect class=\"stale\""), "the stale IOTLB entry on the bar: " + state16);
        assertTrue(state16.contains("<rect class=\"allocated\""), "the IOVA still allocated, awaiting the flush: " + state16);
        assertFalse(state16.contains("<rect class=\"mapped\""), "nothing mapped any more: " + state16);
        assertTrue(state16.contains("STALE: unmapped at line 15"), state16);
        int at12 = html.indexOf("<summary>IOMMU state after line 12</summary>");
        String state12 = html.substring(at12, html.indexOf("</details>", at12));
        assertTrue(state12.contains("<rect class=\"mapped\""), state12);
        assertFalse(state12.contains("<rect class=\"stale\""), state12);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }

    private static JsonObject report(Path dir) throws IOException {
        return JsonParser.parseString(Files.readString(dir.resolve("dmas-report.json"))).getAsJsonObject();
    }

    private static List<JsonElement> steps(JsonObject report) {
        List<JsonElement> out = new java.util.ArrayList<>();
        for (JsonElement f : report.getAsJsonArray("files")) {
            for (JsonElement s : f.getAsJsonObject().getAsJsonArray("scenarios")) s.getAsJsonObject().getAsJsonArray("steps").forEach(out::add);
        }
        return out;
    }

    private static JsonObject schema(String resource) throws IOException {
        try (InputStream in = DmasCliStateTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is on the class path");
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }
}
