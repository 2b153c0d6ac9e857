package org.dmaworkbench.runtime.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a capture as an equivalent {@code .dmas} scenario ({@code ./dmas trace --to-scenario}): the capture is
 * replayed first (its verdicts become the steps' expectations), then read again and each event written as the
 * kernel call it traces ({@link ScenarioSteps}), on a generated platform (one IOMMU, strict, memory enough for the
 * capture's physical addresses, a device per BDF) or a given one. Buffers are named by physical address
 * ({@code phys_buffer}); each step ends with {@code // line N} of its event.
 */
public final class ScenarioWriter {

    /**
     * How to write it.
     *
     * @param scenarioName   the scenario's title
     * @param platformImport the platform file to import (relative to the output), or null to generate one
     * @param platformName   the platform's name (generated: "captured")
     * @param devices        BDF → device name of the given platform (generated: one per BDF)
     * @param iommuName      the IOMMU that devices not in the given platform are declared behind
     */
    public record Options(String scenarioName, String platformImport, String platformName, Map<String, String> devices,
                          String iommuName) {
        public Options {
            devices = devices == null ? Map.of() : Map.copyOf(devices);
        }

        /** A generated platform. */
        public static Options generated(String scenarioName) {
            return new Options(scenarioName, null, "captured", Map.of(), "iommu0");
        }
    }

    /**
     * The scenario.
     *
     * @param text          the .dmas text
     * @param steps         statements written for events
     * @param omitted       trace lines not written, with why (uncertain verdicts, events the language cannot express)
     * @param result        the capture's replay, whose verdicts the scenario expects
     */
    public record Written(String text, int steps, Map<Long, String> omitted, CaptureResult result) { }

    /** Steps written before the scenario stops (a comment says so). */
    public static final int MAX_STEPS = 100_000;

    private ScenarioWriter() { }

    /** Converts the capture at {@code path}; null result problem when it cannot be read (see {@link CaptureResult#problem}). */
    public static Written write(Path path, String display, Options o) throws IOException {
        Map<Long, List<CaptureFinding>> byLine = new HashMap<>();
        CaptureResult r;
        try (InputStream in = Files.newInputStream(path)) {
            r = CaptureCheck.check(in, display, new CaptureListener() {
                @Override public void finding(CaptureFinding f) {
                    byLine.computeIfAbsent(f.line(), k -> new ArrayList<>(2)).add(f);
                }
            });
        }
        if (r.unreadable()) return new Written("", 0, Map.of(), r);
        ScenarioSteps steps = new ScenarioSteps(byLine, o);
        try (InputStream in = Files.newInputStream(path)) {
            new CaptureReader().read(in, steps);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("// Written by ./dmas trace --to-scenario from ").append(display).append(": ").append(r.counts().events())
                .append(" events, each step ends with its trace line.\n")
                .append("// Expectations are the capture's verdicts. Edit freely: move an unmap after a device access, or\n")
                .append("// make the domain lazy (default-domain lazy) and see what a stale IOTLB entry allows.\n");
        if (!steps.omitted.isEmpty()) {
            sb.append("// ").append(steps.omitted.size()).append(" events are not written (see the comments at their place).\n");
        }
        if (o.platformImport() != null) sb.append("import \"").append(o.platformImport()).append("\"\n");
        sb.append('\n');
        if (o.platformImport() == null) {
            long need = (steps.maxPhys >>> 20) + 1;
            long mib = Math.max(1024, (need + 255) / 256 * 256 + 256);
            sb.append("platform ").append(o.platformName()).append(" {\n")
                    .append("    iommu ").append(o.iommuName()).append(" arch intel-vtd { address-width 48 }\n")
                    .append("    default-domain strict\n")
                    .append("    memory ").append(mib).append(" MiB\n")
                    .append("}\n\n");
        }
        for (Map.Entry<String, String> d : steps.newDevices.entrySet()) {
            sb.append("device ").append(d.getValue()).append(" { bdf ").append(d.getKey()).append("  iommu ").append(o.iommuName())
                    .append("  dma-mask 64 }\n");
        }
        if (!steps.newDevices.isEmpty()) sb.append('\n');
        sb.append("scenario \"").append(o.scenarioName().replace("\\", "/").replace("\"", "'")).append("\" on ")
                .append(o.platformName()).append(" {\n");
        for (String dev : steps.probed) sb.append("    probe ").append(dev).append('\n');
        sb.append(steps.body);
        sb.append("}\n");
        return new Written(sb.toString(), steps.steps, new LinkedHashMap<>(steps.omitted), r);
    }
}
