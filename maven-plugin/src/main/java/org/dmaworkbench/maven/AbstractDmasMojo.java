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
import java.util.TreeMap;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.dmaworkbench.dsl.batch.Batch;
import org.dmaworkbench.dsl.batch.BatchService;
import org.dmaworkbench.dsl.batch.Diagnostic;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.dsl.batch.Version;
import org.dmaworkbench.dsl.batch.Workspace;

/**
 * What the three goals share: the source directories and their includes/excludes, the import path
 * (source directories, {@code importPath}, the project's dependencies), {@code skip}, the up-to-date
 * check ({@link Fingerprint}), progress in the log, and one load of the files per build: {@code check},
 * {@code compile} and {@code run} of one project reuse the validated, lowered files when their inputs
 * are the same. Everything semantic is {@code org.dmaworkbench.dsl.batch}: the same classes as {@code ./dmas}.
 */
abstract class AbstractDmasMojo extends AbstractMojo {
    /** Where a loaded file set is kept for the next goal of the same project in the same build. */
    private static final String LOADED_KEY = "org.dmaworkbench.dmas.loaded";
    /** Stack for the worker thread: deeply nested input is parsed recursively. */
    private static final long STACK_BYTES = 512L << 20;
    /** Progress: every file while a batch has at most this many, else a line every {@link #PROGRESS_EVERY_NS}. */
    private static final int PROGRESS_ALL_UP_TO = 25;
    private static final long PROGRESS_EVERY_NS = 2_000_000_000L;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

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

    /** Skips the goal. */
    @Parameter(property = "dmas.skip", defaultValue = "false")
    protected boolean skip;

    /** Fail the build on an error (check, compile) or an unmet expectation (run); with false they are logged only. */
    @Parameter(property = "dmas.failOnViolation", defaultValue = "true")
    protected boolean failOnViolation;

    /** Runs the goal even when its inputs are unchanged since its last successful run. */
    @Parameter(property = "dmas.force", defaultValue = "false")
    protected boolean force;

    /** Where the fingerprints of the up-to-date check are kept ({@code <goal>.fingerprint}). */
    @Parameter(defaultValue = "${project.build.directory}/dmas", readonly = true, required = true)
    protected File fingerprintDirectory;

    /** The goal's name ({@code check}, {@code compile}, {@code run}). */
    protected abstract String goal();

    /** The goal's work, on a thread with a large stack. */
    protected abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

    /** Why the goal is skipped besides {@code dmas.skip}, or null. */
    protected String skipReason() {
        return null;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("dmas: " + goal() + " skipped (dmas.skip)");
            return;
        }
        String why = skipReason();
        if (why != null) {
            getLog().info("dmas: " + goal() + " skipped (" + why + ")");
            return;
        }
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(null, () -> {
            try {
                executeGoal();
            } catch (Throwable t) { // handed to the Maven thread below
                failure[0] = t;
            }
        }, "dmas-" + goal(), STACK_BYTES);
        worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("dmas: interrupted");
        }
        Throwable t = failure[0];
        if (t == null) return;
        if (t instanceof MojoFailureException e) throw e;
        if (t instanceof MojoExecutionException e) throw e;
        // never a stack trace for the user's input; the cause is kept for -e / -X
        throw new MojoExecutionException("dmas: internal error: " + Workspace.message(t), t);
    }

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

    protected Path basedir() {
        return project.getBasedir().toPath().toAbsolutePath().normalize();
    }

    protected String display(Path p) {
        return Text.display(p, basedir());
    }

    protected String display(File f) {
        return display(f.toPath());
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

    /** Logs "dmas: [n/total] what": every line for short batches, else one every two seconds, and the last. */
    protected final class ProgressLog {
        private long last = System.nanoTime();

        synchronized void line(int done, int total, String what) {
            String s = "dmas: [" + done + "/" + total + "] " + what;
            long now = System.nanoTime();
            if (total <= PROGRESS_ALL_UP_TO || done == total || now - last >= PROGRESS_EVERY_NS) {
                getLog().info(s);
                last = now;
            } else {
                getLog().debug(s);
            }
        }
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

    private Path fingerprintFile() {
        return fingerprintDirectory.toPath().resolve(goal() + ".fingerprint");
    }

    private String fingerprint(String inputsKey, Map<String, String> params, List<Path> extra) {
        Fingerprint f = new Fingerprint();
        f.add("plugin", plugin.getVersion()).add("dmas", Version.get()).add("goal", goal());
        if (plugin.getArtifacts() != null) {
            for (Artifact a : plugin.getArtifacts()) {
                if ("org.dmaworkbench".equals(a.getGroupId()) && a.getFile() != null) f.addStamp("tool", a.getFile().toPath());
            }
        }
        if (plugin.getPluginArtifact() != null && plugin.getPluginArtifact().getFile() != null) {
            f.addStamp("tool", plugin.getPluginArtifact().getFile().toPath());
        }
        f.add(new TreeMap<>(params));
        f.add("inputs", inputsKey);
        for (Path p : extra) f.addFile("extra", p);
        return f.hash();
    }

    /**
     * True (and the last summary logged) when the goal ran successfully before on exactly these inputs
     * and parameters and its outputs are still there. Otherwise the old fingerprint is deleted, so
     * that a failing run leaves none.
     */
    protected boolean upToDate(String inputsKey, Map<String, String> params, int files) {
        Path file = fingerprintFile();
        Fingerprint.Stored old = Fingerprint.read(file);
        if (!force && old != null && old.outputsExist() && fingerprint(inputsKey, params, old.extra()).equals(old.hash())) {
            getLog().info("dmas: " + goal() + ": " + Text.plural(files, "file") + " unchanged since the last successful " + goal()
                    + ", nothing to do (fingerprint " + display(file) + "; -Ddmas.force=true runs it anyway)");
            if (!old.summary().isEmpty()) getLog().info("dmas: last " + goal() + ": " + old.summary());
            return true;
        }
        Fingerprint.delete(file);
        return false;
    }

    /** The previous run's outputs (to delete those no longer written), or none. */
    protected List<Path> previousOutputs() {
        Fingerprint.Stored old = Fingerprint.read(fingerprintFile());
        return old == null ? List.of() : old.outputs();
    }

    /** Records a successful run: the fingerprint, the other files it read, its outputs and its summary line. */
    protected void recordSuccess(String inputsKey, Map<String, String> params, List<Path> inputs, Workspace.Loaded loaded,
                                 List<Path> outputs, String summary) throws MojoExecutionException {
        Set<Path> in = new LinkedHashSet<>();
        for (Path p : inputs) in.add(p.toAbsolutePath().normalize());
        List<Path> extra = new ArrayList<>();
        for (Path p : loaded.filesRead()) if (!in.contains(p)) extra.add(p);
        try {
            Fingerprint.write(fingerprintFile(), new Fingerprint.Stored(fingerprint(inputsKey, params, extra), summary, extra, outputs));
        } catch (IOException e) {
            throw new MojoExecutionException("dmas: cannot write " + fingerprintFile() + ": " + Workspace.message(e), e);
        }
    }

    /** The parameters every goal's fingerprint includes. */
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
