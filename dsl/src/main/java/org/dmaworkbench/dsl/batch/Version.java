package org.dmaworkbench.dsl.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version, shown in the reports: the same for {@code ./dmas} and the Maven plugin. */
public final class Version {
    private static volatile String cached;

    private Version() { }

    /** The jar manifest's Implementation-Version, else Maven's pom.properties of {@code dmas-dsl}, else "dev". */
    public static String get() {
        String v = cached;
        if (v == null) cached = v = lookUp();
        return v;
    }

    private static String lookUp() {
        String v = Version.class.getPackage() == null ? null : Version.class.getPackage().getImplementationVersion();
        if (v != null) return v;
        try (InputStream in = Version.class.getResourceAsStream("/META-INF/maven/org.dmaworkbench/dmas-dsl/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                if (p.getProperty("version") != null) return p.getProperty("version");
            }
        } catch (IOException | RuntimeException ignored) {
            // fall through
        }
        return "dev";
    }
}
