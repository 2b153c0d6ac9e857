package org.dmaworkbench.runtime.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dmaworkbench.runtime.system.SimulatedSystem;
import org.junit.jupiter.api.Test;

/**
 * The runtime's structure as ARCHITECTURE.md describes it: packages in layers without cycles (read
 * from the compiled classes) and no main class over 400 lines.
 */
class RuntimeStructureTest {
    private static final String RUNTIME = "org.dmaworkbench.runtime";
    private static final int MAX_LINES = 400;
    /** ARCHITECTURE.md's layers, bottom to top: a package may use only the packages before it. */
    private static final List<String> LAYERS = List.of("util", "cost", "sim", "mem", "platform", "iommu", "faultlog",
            "debug", "capture", "dma", "kva", "findings", "device", "program", "system", "state", "run", "bench", "exec");

    @Test
    void runtimePackagesHaveNoCycle() throws IOException, URISyntaxException {
        PackageGraph g = compiledRuntime();
        assertTrue(g.dependenciesOf(RUNTIME + ".system").contains(RUNTIME + ".iommu"), "the graph was read");
        List<String> cycles = new ArrayList<>();
        for (Set<String> scc : g.cycles()) cycles.add(scc + g.describe(scc));
        assertEquals(List.of(), cycles, "package cycles in the runtime");
    }

    @Test
    void packagesUseOnlyTheLayersBelowThem() throws IOException, URISyntaxException {
        PackageGraph g = compiledRuntime();
        List<String> wrong = new ArrayList<>();
        for (String pkg : g.packages()) {
            if (!pkg.startsWith(RUNTIME + ".")) continue;
            int layer = LAYERS.indexOf(pkg.substring(RUNTIME.length() + 1));
            if (layer < 0) {
                wrong.add(pkg + " is in no layer (add it to LAYERS and to ARCHITECTURE.md)");
                continue;
            }
            for (String dep : g.dependenciesOf(pkg)) {
                int depLayer = LAYERS.indexOf(dep.substring(Math.min(dep.length(), RUNTIME.length() + 1)));
                if (depLayer > layer) wrong.add(pkg + " -> " + dep + " (" + g.example(pkg, dep) + ")");
            }
        }
        assertTrue(g.packages().contains(RUNTIME + ".faultlog"), "the graph was read");
        assertEquals(List.of(), wrong, "uses of a higher layer");
    }

    @Test
    void theCycleFinderSeesACycle() {
        // the analysis itself: a three-package cycle beside an acyclic edge is reported, with its edges
        PackageGraph g = new PackageGraph();
        g.add("p.a.A", "p.b.B");
        g.add("p.b.B", "p.c.C");
        g.add("p.c.C", "p.a.A2");
        g.add("p.c.C", "p.d.D");
        List<Set<String>> cycles = g.cycles();
        assertEquals(List.of(Set.of("p.a", "p.b", "p.c")), cycles);
        assertTrue(g.describe(cycles.get(0)).contains("p.c -> p.a (C uses A2)"), g.describe(cycles.get(0)));
    }

    @Test
    void constantPoolReferencesIncludeSignaturesAndNestedClasses() throws IOException {
        try (InputStream in = SimulatedSystem.class.getResourceAsStream("SimulatedSystem.class")) {
            Set<String> refs = ClassReferences.of(in, RUNTIME);
            assertTrue(refs.contains(RUNTIME + ".iommu.IommuCore"), refs::toString);
            assertTrue(refs.contains(RUNTIME + ".device.DeviceDmaEngine"), refs::toString);
        }
    }

    @Test
    void noMainClassOver400Lines() throws IOException {
        Path src = Path.of("src/main/java");
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                long lines = Files.readAllLines(f).size();
                if (lines > MAX_LINES) tooLong.add(src.relativize(f) + ": " + lines + " lines");
            }
        }
        assertTrue(Files.isDirectory(src.resolve("org/dmaworkbench/runtime")), "run from the runtime module");
        assertEquals(List.of(), tooLong);
    }

    private static PackageGraph compiledRuntime() throws IOException, URISyntaxException {
        Path classes = Path.of(SimulatedSystem.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        PackageGraph g = new PackageGraph();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                try (InputStream in = Files.newInputStream(f)) {
                    for (String ref : ClassReferences.of(in, RUNTIME)) g.add(topLevel(name), topLevel(ref));
                }
            }
        }
        return g;
    }

    private static String topLevel(String binaryName) {
        int dollar = binaryName.indexOf('$');
        return dollar < 0 ? binaryName : binaryName.substring(0, dollar);
    }
}
