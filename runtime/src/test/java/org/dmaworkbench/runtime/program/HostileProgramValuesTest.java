package org.dmaworkbench.runtime.program;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.dmaworkbench.runtime.run.ScenarioResult;
import org.dmaworkbench.runtime.run.ScenarioRunner;
import org.junit.jupiter.api.Test;

/**
 * Every value of a valid compiled program, replaced in turn by each wrong-shaped or out-of-range
 * one (or its member removed), is either refused with a "malformed compiled program" message or
 * runs to a result: never a Java exception or an internal error, whatever the value and wherever
 * it is (this found the keyword steps' unchecked argument shapes).
 */
class HostileProgramValuesTest {
    private static final JsonElement[] HOSTILE = {
        JsonNull.INSTANCE, new JsonPrimitive(-5), new JsonPrimitive("one"), new JsonPrimitive(1e300), new JsonArray(),
        new JsonObject(), new JsonPrimitive(true), new JsonPrimitive(1L << 62), new JsonPrimitive(100_000), new JsonPrimitive(0),
        new JsonPrimitive(Long.MAX_VALUE), new JsonPrimitive(""), new JsonPrimitive(0.5), new JsonPrimitive(-1)};

    private static final String GOOD = ProgramJson.write(new CompiledFile("x.dmas", List.of(new ScenarioProgram("n", "x.dmas", 3,
            new PlatformSpec("p", List.of(IommuSpec.of("vtd0", "intel-vtd")), "strict", "", 1024, 1, Map.of("iotlbHitNs", 5L)),
            List.of(DeviceSpec.of("nic0", "0000:00:04.0", "vtd0").withPasidBits(8)),
            List.of(Step.call(4, "probe", Arg.ref("nic0")),
                    Step.call(5, "kmalloc", Arg.num(4096)).bind("buffer", "buf"),
                    Step.call(6, "dma_map_single", Arg.ref("nic0"), Arg.ref("buf"), Arg.num(4096), Arg.sym("DMA_TO_DEVICE"))
                            .bind("dma_addr", "a"),
                    Step.call(7, "dma", Arg.ref("nic0"), Arg.sym("read"), Arg.ref("a"), Arg.num(64)).expect(Expectation.ok()),
                    new Step(8, "repeat 3", "repeat", null, null, List.of(Arg.num(3)), null,
                            List.of(Step.call(9, "cpu", Arg.sym("write"), Arg.ref("buf"), Arg.num(64)))),
                    Step.call(10, "advance", Arg.num(1_000_000)),
                    Step.call(11, "check", Arg.sym("iotlb.invalidations"), Arg.sym(">="), Arg.num(0))))),
            List.of()));

    @Test
    void everyValueReplacedByEveryHostileOneIsADiagnosticOrARun() {
        int slots = slots(JsonParser.parseString(GOOD)).size();
        for (int where = 0; where < slots; where++) {
            for (int k = 0; k <= HOSTILE.length; k++) {
                JsonElement doc = JsonParser.parseString(GOOD);
                slots(doc).get(where).accept(k == HOSTILE.length ? null : HOSTILE[k]); // the last choice removes the member
                readOrRun(doc.toString());
            }
        }
    }

    private static void readOrRun(String json) {
        CompiledFile f;
        try {
            f = ProgramJson.readCompiledFile(json);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("malformed compiled program: ") || e.getMessage().startsWith("compiled program format"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("Exception") || e.getMessage().contains("java."), e::getMessage);
            return;
        }
        for (ScenarioProgram p : f.scenarios()) {
            ScenarioResult r = new ScenarioRunner().run(p);
            assertFalse(r.error() != null && r.error().contains("internal error"), () -> r.error() + " for " + json);
        }
    }

    private static List<Consumer<JsonElement>> slots(JsonElement doc) {
        List<Consumer<JsonElement>> out = new ArrayList<>();
        collect(doc, out);
        return out;
    }

    /** Every member and element, as a setter: a value replaces it, null removes a member. */
    private static void collect(JsonElement e, List<Consumer<JsonElement>> out) {
        if (e instanceof JsonObject o) {
            for (String k : List.copyOf(o.keySet())) {
                out.add(v -> {
                    if (v == null) o.remove(k);
                    else o.add(k, v);
                });
                collect(o.get(k), out);
            }
        } else if (e instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                int at = i;
                out.add(v -> a.set(at, v == null ? JsonNull.INSTANCE : v));
                collect(a.get(i), out);
            }
        }
    }
}
