package org.dmaworkbench.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.dmaworkbench.dsl.batch.Batch;
import org.dmaworkbench.dsl.batch.BatchService;
import org.dmaworkbench.dsl.batch.Diagnostic;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.dsl.batch.Workspace;

/**
 * What the three scenario goals share (besides {@link AbstractGoalMojo}): the source directories and their
 * includes/excludes, the import path (source directories, {@code importPath}, the project's dependencies), the
 * inputs of the up-to-date check ({@link Fingerprint}), and one load of the files per build: {@code check},
 * {@code compile} and {@code run} of one project reuse the validated, lowered files when their inputs
 * are the same. Everything semantic is {@code org.dmaworkbench.dsl.batch}: the same classes as {@code ./dmas}.
 */
abstract class AbstractDmasMojo extends AbstractGoalMojo {
    /** Where a loaded file set is kept for the next goal of the same project in the same build. */
    private static final String LOADED_KEY = "org.dmaworkbench.dmas.loaded";

    /** The {@code .dmas} sources: platforms, shared devices, scenarios. */
    @Parameter(property = "dmas.sourceDirectory", defaultValue = "${project.basedir}/src/main/dmas")
    protected File sourceDirectory;

    /** Scenarios that are tests of the sources (validated by {@code check}, run by {@code run}, not compiled). */
    @Parameter(property = "dmas.testSourceDirectory", defaultValue = "${project.basedir}/src/test/dmas")
    protected File testSourceDirectory;

    /** Ant patterns, relative to each source directory, of the files to take; default {@code **}{@code /*.dmas}. */
    @Parameter(property = "dmas.includes")
    protected List<String> includes;

    /** Ant patterns of files to leave out. */
    @Parameter(property = "dmas.excludes")
    protected List<String> excludes;

    /**
     * More directories or jars where {@code import "classpath:/a/b.dmas"} looks, after the source
     * directories and before the project's dependencies.
     */
    @Parameter(property = "dmas.importPath")
    protected List<File> importPath;

    /** Whether the project's dependencies (jars and reactor output directories) are on the import path. */
    @Parameter(property = "dmas.useDependencies", defaultValue = "true")
    protected boolean useDependencies;

    // ------------------------------------------------------------------ sources and the import path

    /** The selected files: main sources, test sources, and both (main first). */
    protected record Sources(List<Path> main, List<Path> test, List<Path> roots) {
        List<Path> all() {
            List<Path> a = new ArrayList<>(main);
            a.addAll(test);
            return a;
        }

        boolean isEmpty() { return main.isEmpty() && test.isEmpty(); }
    }

    protected Sources sources() throws MojoExecutionException {
        SourceScanner scanner = new SourceScanner(includes, excludes, Path.of(project.getBuild().getDirectory()));
        try {
            Path main = sourceDirectory.toPath().toAbsolutePath().normalize();
            Path test = testSourceDirectory.toPath().toAbsolutePath().normalize();
            List<Path> m = scanner.scan(main);
            List<Path> t = main.equals(test) ? List.of() : scanner.scan(test);
            Set<Path> seen = new LinkedHashSet<>(m); // a test directory below the main one: each file once
            List<Path> tOnly = t.stream().filter(seen::add).toList();
            return new Sources(m, tOnly, List.of(main, test));
        } catch (IOException e) {
            throw new MojoExecutionException("dmas: cannot list the source directories: " + Workspace.message(e), e);
        }
    }

    /** Source directories, then {@code importPath}, then the dependencies' files (when {@code useDependencies}). */
    protected List<Path> importRoots() {
        List<Path> roots = new ArrayList<>();
        roots.add(sourceDirectory.toPath().toAbsolutePath().normalize());
        roots.add(testSourceDirectory.toPath().toAbsolutePath().normalize());
        if (importPath != null) for (File f : importPath) if (f != null) roots.add(f.toPath().toAbsolutePath().normalize());
        if (useDependencies && project.getArtifacts() != null) {
            for (Artifact a : project.getArtifacts()) if (a.getFile() != null) roots.add(a.getFile().toPath().toAbsolutePath().normalize());
        }
        return roots;
    }

    // ------------------------------------------------------------------ loading, shared by the goals of one build

    /** A load and whether its diagnostics were logged already (by an earlier goal: they are shown once per build). */
    private static final class CachedLoad {
        final String key;
        final Workspace.Loaded loaded;
        boolean logged;

        CachedLoad(String key, Workspace.Loaded loaded) {
            this.key = key;
            this.loaded = loaded;
        }
    }

    /** A digest of the files' paths and contents and of the import path: equal digests load to equal results. */
    protected String inputsKey(List<Path> files, List<Path> roots) {
        Fingerprint f = new Fingerprint();
        f.add("base", basedir().toString());
        for (Path p : files) f.addFile("input", p);
        for (Path r : roots) f.addStamp("root", r);
        return f.hash();
    }

    /** The cached load of these inputs from an earlier goal of this build, or null. */
    protected Workspace.Loaded cached(String key) {
        Object o = project.getContextValue(LOADED_KEY);
        if (o instanceof CachedLoad c && c.key.equals(key)) return c.loaded;
        return null;
    }

    /** Loads, validates and lowers {@code files} (or takes the result of an earlier goal), logging progress. */
    protected Workspace.Loaded load(List<Path> files, List<Path> roots, String key) {
        Workspace.Loaded c = cached(key);
        if (c != null) {
            getLog().debug("dmas: reusing the " + files.size() + " files loaded by an earlier goal of this build");
            return c;
        }
        long t0 = System.nanoTime();
        Workspace.Options o = options(roots);
        Workspace.Loaded l = Batch.service().load(BatchService.Request.files(files, o, null, null, 1, List.of()), true);
        getLog().debug(String.format(java.util.Locale.ROOT, "dmas: loaded %d files in %.0f ms", files.size(), (System.nanoTime() - t0) / 1e6));
        project.setContextValue(LOADED_KEY, new CachedLoad(key, l));
        return l;
    }

    /** How the batch service loads for this project: names relative to the base directory, {@code roots} as the import path, progress logged. */
    protected Workspace.Options options(List<Path> roots) {
        ProgressLog progress = new ProgressLog();
        return new Workspace.Options(basedir(), roots, (stage, done, total, file) -> {
            if (stage == Workspace.Progress.Stage.VALIDATE) progress.line(done, total, "checked " + file);
            else getLog().debug("dmas: " + stage.name().toLowerCase(java.util.Locale.ROOT) + " [" + done + "/" + total + "] " + file);
        });
    }

    /**
     * Logs the diagnostics of a load, once per build: a later goal that reuses the load of an earlier
     * one does not repeat them.
     */
    protected void logDiagnostics(Workspace.Loaded l) {
        Object o = project.getContextValue(LOADED_KEY);
        if (o instanceof CachedLoad c && c.loaded == l) {
            if (c.logged) {
                if (!l.diagnostics().isEmpty()) getLog().debug("dmas: " + l.diagnostics().size() + " diagnostics shown by an earlier goal");
                return;
            }
            c.logged = true;
        }
        logDiagnostics(l.diagnostics());
    }

    /** Errors at ERROR, warnings at WARN ({@code file:line:col: message}), at most 25 per file as in {@code ./dmas}. */
    protected void logDiagnostics(List<Diagnostic> diags) {
        Map<String, Integer> shown = new LinkedHashMap<>();
        Map<String, Integer> hidden = new LinkedHashMap<>();
        for (Diagnostic d : diags) {
            if (d.severity() == Diagnostic.Severity.INFO) {
                getLog().debug(d.location() + ": " + d.message());
                continue;
            }
            int n = shown.merge(d.file(), 1, Integer::sum);
            if (n > Workspace.MAX_SHOWN_PER_FILE) {
                hidden.merge(d.file(), 1, Integer::sum);
                continue;
            }
            if (d.isError()) getLog().error(d.location() + ": " + d.message());
            else getLog().warn(d.location() + ": " + d.message());
        }
        hidden.forEach((f, n) -> getLog().error(f + ": ... and " + Text.plural(n, "more diagnostic") + " not shown"));
    }

    /** The first error, for the failure message Maven repeats at the end of the build. */
    protected static String firstError(List<Diagnostic> diags) {
        for (Diagnostic d : diags) if (d.isError()) return d.location() + ": " + d.message();
        return "";
    }

    // ------------------------------------------------------------------ up-to-date checking

    /** Records a successful run: the fingerprint, the other files it read, its outputs and its summary line. */
    protected void recordSuccess(String inputsKey, Map<String, String> params, List<Path> inputs, Workspace.Loaded loaded,
                                 List<Path> outputs, String summary) throws MojoExecutionException {
        Set<Path> in = new LinkedHashSet<>();
        for (Path p : inputs) in.add(p.toAbsolutePath().normalize());
        List<Path> extra = new ArrayList<>();
        for (Path p : loaded.filesRead()) if (!in.contains(p)) extra.add(p);
        recordSuccess(inputsKey, params, extra, outputs, summary);
    }

    /** The parameters every scenario goal's fingerprint includes. */
    protected Map<String, String> commonParams() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sourceDirectory", String.valueOf(sourceDirectory));
        m.put("testSourceDirectory", String.valueOf(testSourceDirectory));
        m.put("includes", String.valueOf(includes));
        m.put("excludes", String.valueOf(excludes));
        m.put("failOnViolation", String.valueOf(failOnViolation));
        return m;
    }

    /** "no .dmas files in src/main/dmas, src/test/dmas". */
    protected String noFilesMessage() {
        return "no .dmas files in " + display(sourceDirectory) + ", " + display(testSourceDirectory);
    }
}
