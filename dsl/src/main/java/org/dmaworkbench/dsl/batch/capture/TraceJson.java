package org.dmaworkbench.dsl.batch.capture;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.capture.CaptureReader;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.capture.DeviceStats;

/**
 * The JSON report of a capture check ({@code ./dmas trace --out FILE}); its shape is described in the README
 * ("Kernel captures"): {@code {"format": "dmas-trace-report", "version": 1, "exitCode", "captures": [{"file",
 * "problem", "events", "lines", "headerLines", "foreignLines", "warnings", "unknownEvents": {name: count},
 * "lostMarkers", "lostEvents", "lastLineCutOff", "compressed", "violations", "uncertain", "faults",
 * "log": {"faults", "warnings", "suppressed", "lost"},
 * "findings": [{"kind", "line", "event", "device", "check", "message", "dmaAddr", "relatedLine", "related"}],
 * "findingsOmitted", "devices": [{...statistics, "live": {"count", "bytes", "oldestLine", "oldestDmaAddr"}}]}]}}.
 * Addresses are hex strings ("0xffffe000"); a field that does not apply is null.
 */
public final class TraceJson {
    /** Bumped on incompatible changes. */
    public static final int VERSION = 1;

    private TraceJson() { }

    /** Writes the report to {@code file} (replaced), creating its folder. */
    public static void write(List<CaptureResult> results, int exitCode, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8); JsonWriter j = new JsonWriter(w)) {
            j.setIndent("  ");
            j.setSerializeNulls(true);
            j.beginObject();
            j.name("format").value("dmas-trace-report");
            j.name("version").value(VERSION);
            j.name("exitCode").value(exitCode);
            j.name("captures").beginArray();
            for (CaptureResult r : results) capture(j, r);
            j.endArray();
            j.endObject();
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void capture(JsonWriter j, CaptureResult r) throws IOException {
        CaptureReader.Counts n = r.counts();
        j.beginObject();
        j.name("file").value(r.file());
        j.name("problem").value(r.problem());
        j.name("events").value(n.events());
        j.name("lines").value(n.lines());
        j.name("headerLines").value(n.headerLines());
        j.name("foreignLines").value(n.foreignLines());
        j.name("warnings").value(n.warnings());
        j.name("unknownEvents").beginObject();
        for (Map.Entry<String, Long> e : n.unknownEvents().entrySet()) j.name(e.getKey()).value(e.getValue());
        j.endObject();
        j.name("lostMarkers").value(r.lostMarkers());
        j.name("lostEvents").value(r.lostEvents());
        j.name("lastLineCutOff").value(n.lastLineCutOff());
        j.name("compressed").value(n.compressed());
        j.name("violations").value(r.violations());
        j.name("uncertain").value(r.uncertain());
        j.name("faults").value(r.faults());
        j.name("log").beginObject();
        j.name("faults").value(r.log().faults());
        j.name("warnings").value(r.log().warnings());
        j.name("suppressed").value(r.log().suppressed());
        j.name("lost").value(r.log().lost());
        j.endObject();
        j.name("findings").beginArray();
        for (CaptureFinding f : r.findings()) finding(j, f);
        j.endArray();
        j.name("findingsOmitted").value(r.violations() + r.uncertain() + r.faults() - r.findings().size());
        j.name("devices").beginArray();
        for (DeviceStats d : r.devices()) device(j, d);
        j.endArray();
        j.endObject();
    }

    private static void finding(JsonWriter j, CaptureFinding f) throws IOException {
        j.beginObject();
        j.name("kind").value(f.kind().label());
        j.name("line").value(f.line());
        j.name("event").value(f.event());
        j.name("device").value(f.device());
        j.name("check").value(f.check() == null ? null : f.check().name());
        j.name("message").value(f.message());
        j.name("dmaAddr").value(f.dmaAddr() == 0 ? null : hex(f.dmaAddr()));
        if (f.relatedLine() > 0) j.name("relatedLine").value(f.relatedLine());
        else j.name("relatedLine").nullValue();
        j.name("related").value(f.related() == null || f.related().isEmpty() ? null : f.related());
        j.endObject();
    }

    private static void device(JsonWriter j, DeviceStats d) throws IOException {
        j.beginObject();
        j.name("device").value(d.device());
        j.name("maps").value(d.maps());
        j.name("mapErrors").value(d.mapErrors());
        j.name("unmaps").value(d.unmaps());
        j.name("sgMaps").value(d.sgMaps());
        j.name("sgMapErrors").value(d.sgMapErrors());
        j.name("sgUnmaps").value(d.sgUnmaps());
        j.name("allocs").value(d.allocs());
        j.name("allocErrors").value(d.allocErrors());
        j.name("frees").value(d.frees());
        j.name("bytesMapped").value(d.bytesMapped());
        j.name("syncsForCpu").value(d.syncsForCpu());
        j.name("syncsForDevice").value(d.syncsForDevice());
        j.name("peakLive").value(d.peakLive());
        j.name("faults").value(d.faults());
        j.name("iovaReuse").beginObject();
        j.name("count").value(d.reuses());
        j.name("min").value(d.reuseMin());
        j.name("mean").value(d.reuseMean());
        j.name("max").value(d.reuseMax());
        j.endObject();
        j.name("live").beginObject();
        j.name("count").value(d.liveAtEnd());
        j.name("bytes").value(d.liveBytesAtEnd());
        if (d.liveAtEnd() > 0) {
            j.name("oldestLine").value(d.oldestLiveLine());
            j.name("oldestDmaAddr").value(hex(d.oldestLiveAddr()));
        } else {
            j.name("oldestLine").nullValue();
            j.name("oldestDmaAddr").nullValue();
        }
        j.endObject();
        j.endObject();
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
