package org.dmaworkbench.dsl.batch.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.runtime.capture.ScenarioWriter;

/**
 * {@code ./dmas trace --to-scenario OUT.dmas [--platform FILE.dmas] CAPTURE}: the options of the runtime's
 * {@link ScenarioWriter} from the user's platform file (its platform, its first IOMMU, its devices by BDF, read from
 * the declarations' text) or a generated platform, and the import of that file relative to the output.
 */
final class ScenarioExport {
    private static final Pattern PLATFORM = Pattern.compile("(?m)^\\s*platform\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern IOMMU = Pattern.compile("\\biommu\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+arch\\b");
    private static final Pattern DEVICE = Pattern.compile("(?m)^\\s*device\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\{[^}]*?\\bbdf\\s+([0-9A-Fa-f:.]+)");

    private ScenarioExport() { }

    /** The writer's options; a problem with the platform file is an IOException with the reason. */
    static ScenarioWriter.Options options(String scenarioName, Path out, Path platform) throws IOException {
        if (platform == null) return ScenarioWriter.Options.generated(scenarioName);
        String text;
        try {
            text = Files.readString(platform, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot read the platform " + Text.display(platform) + ": " + e.getMessage(), e);
        }
        Matcher p = PLATFORM.matcher(text);
        if (!p.find()) throw new IOException(Text.display(platform) + " declares no platform");
        Matcher i = IOMMU.matcher(text);
        if (!i.find()) throw new IOException(Text.display(platform) + " declares no iommu");
        Map<String, String> devices = new LinkedHashMap<>();
        Matcher d = DEVICE.matcher(text);
        while (d.find()) devices.put(normalBdf(d.group(2)), d.group(1));
        Path base = out.toAbsolutePath().normalize().getParent();
        String rel = base.relativize(platform.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return new ScenarioWriter.Options(scenarioName, rel, p.group(1), devices, i.group(1));
    }

    /** "6a:01.0" → "0000:6a:01.0", lower case, as dev_name() prints a PCI device. */
    static String normalBdf(String bdf) {
        String b = bdf.toLowerCase(java.util.Locale.ROOT);
        return b.length() == 7 ? "0000:" + b : b;
    }
}
