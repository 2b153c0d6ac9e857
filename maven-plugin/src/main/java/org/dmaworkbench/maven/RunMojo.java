package org.dmaworkbench.maven;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;
import org.dmaworkbench.dsl.batch.Executor;
import org.dmaworkbench.dsl.batch.HtmlReport;
import org.dmaworkbench.dsl.batch.JsonReport;
import org.dmaworkbench.dsl.batch.JunitReport;
import org.dmaworkbench.dsl.batch.RunResults;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.dsl.batch.TextReport;
import org.dmaworkbench.dsl.batch.Workspace;
import org.dmaworkbench.runtime.program.CompiledFile;

/**
 * Validates and runs every scenario and benchmark of the source and test source directories on the
 * simulator, writes the reports ({@code target/dmas-reports/}: {@code dmas-report.json},
 * {@code dmas-report.html} and Surefire-format {@code TEST-*.xml}) and fails the build when an
 * expectation is not met, listing each as {@code file:line: why}. Bound to the {@code test} phase:
 * scenarios are tests that need nothing packaged, and a failing one stops the build before
 * {@code package}, as Surefire does. {@code -DskipTests} skips it too.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.TEST, requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class RunMojo extends AbstractDmasMojo {
    /** How many of the slowest scenarios and benchmarks the log lists at the end. */
    private static final int SLOWEST = 5;
    /** The text report's file name ({@code formats} {@code text}). */
    private static final String TEXT_REPORT = "dmas-report.txt";
    /** Stack of a worker thread (repeat blocks nest). */
    private static final long WORKER_STACK_BYTES = 64L << 20;

    /** Where {@code dmas-report.json}, {@code dmas-report.html} (and {@code dmas-report.txt}) go. */
    @Parameter(property = "dmas.reportsDirectory", defaultValue = "${project.build.directory}/dmas-reports")
    protected File reportsDirectory;

    /**
     * Where the JUnit XML files ({@code TEST-<file>.xml}, Surefire's format) go. May be shared with
     * Surefire ({@code ${project.build.directory}/surefire-reports}): only files this plugin wrote are replaced.
     */
    @Parameter(property = "dmas.junitDirectory", defaultValue = "${project.build.directory}/dmas-reports")
    protected File junitDirectory;

    /** Reports to write: {@code json}, {@code html}, {@code junit}, {@code text} ({@code dmas-report.txt}, every step). */
    @Parameter(property = "dmas.formats", defaultValue = "json,html,junit")
    protected List<String> formats;

    /**
     * Runs only the scenarios and benchmarks whose name contains this text (case-insensitive), or
     * matches it as a glob with {@code *} and {@code ?}. The build fails when nothing matches.
     */
    @Parameter(property = "dmas.scenario")
    protected String scenario;

    /**
     * How many files run at once (each scenario boots its own simulated machine, so files are
     * independent); 0, the default, is one per available processor.
     */
    @Parameter(property = "dmas.threads", defaultValue = "0")
    protected int threads;

    /** Surefire's switch: {@code -DskipTests} skips the scenarios too. */
    @Parameter(property = "skipTests", defaultValue = "false")
    protected boolean skipTests;

    /**
     * Attaches {@code dmas-report.json} and {@code dmas-report.html} to the project (classifier
     * {@code dmas-report}), so that {@code install} and {@code deploy} publish them.
     */
    @Parameter(property = "dmas.attachReports", defaultValue = "false")
    protected boolean attachReports;

    @Component
    protected MavenProjectHelper projectHelper;

    @Override
    protected String goal() {
        return "run";
    }

    @Override
    protected String skipReason() {
        return skipTests ? "skipTests" : null;
    }

    private Set<String> formatSet() throws MojoExecutionException {
        Set<String> out = new LinkedHashSet<>();
        if (formats != null) {
            for (String f : formats) {
                if (f == null) continue;
                for (String one : f.split(",")) {
                    String n = one.trim().toLowerCase(Locale.ROOT);
                    if (n.isEmpty()) continue;
                    if (!List.of("json", "html", "junit", "text").contains(n)) {
                        throw new MojoExecutionException("dmas: unknown report format '" + one.trim() + "' (json, html, junit, text)");
                    }
                    out.add(n);
                }
            }
        }
        return out;
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        Set<String> fmt = formatSet();
        Sources s = sources();
        if (s.isEmpty()) {
            getLog().info("dmas: " + noFilesMessage() + ": nothing to run");
            return;
        }
        List<Path> files = s.all();
        List<Path> roots = importRoots();
        String key = inputsKey(files, roots);
        Map<String, String> params = commonParams();
        params.put("formats", String.valueOf(fmt));
        params.put("scenario", String.valueOf(scenario));
        params.put("reportsDirectory", reportsDirectory.getAbsolutePath());
        params.put("junitDirectory", junitDirectory.getAbsolutePath());
        if (upToDate(key, params, files.size())) {
            attach(fmt);
            return;
        }

        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Workspace.Loaded l = load(files, roots, key);
        logDiagnostics(l);
        List<String> args = new ArrayList<>();
        for (Path r : s.roots()) if (Files.isDirectory(r)) args.add(display(r));

        List<RunResults.FileRun> runs = new ArrayList<>();
        int exit;
        if (l.hasErrors()) {
            exit = RunResults.INVALID;
        } else {
            runs.addAll(runAll(l.compiled()));
            exit = runs.stream().anyMatch(fr -> fr.scenarios().stream().anyMatch(x -> !x.passed())
                    || fr.benchmarks().stream().anyMatch(b -> !b.passed())) ? RunResults.NOT_MET : RunResults.OK;
        }
        long runnable = runs.stream().mapToLong(fr -> fr.scenarios().size() + fr.benchmarks().size()).sum();
        boolean noMatch = runnable == 0 && !l.hasErrors() && scenario != null && !scenario.isEmpty();
        if (noMatch) exit = RunResults.INVALID; // as ./dmas run --scenario with no match
        RunResults r = new RunResults(List.copyOf(args), started, System.nanoTime() - t0, l.diagnostics(), runs, exit);
        List<Path> written = writeReports(r, fmt);

        if (l.hasErrors()) {
            String msg = "dmas: " + Text.plural(l.errors(), "error") + " in the .dmas files (listed above), nothing was run; first: "
                    + firstError(l.diagnostics());
            if (failOnViolation) throw new MojoFailureException(msg);
            getLog().warn(msg + " (dmas.failOnViolation=false: the build goes on)");
            return;
        }
        if (noMatch) {
            throw new MojoFailureException("dmas: no scenario or benchmark matches '" + Text.oneLine(scenario) + "' (dmas.scenario)");
        }
        logSlowest(r);
        String summary = TextReport.summary(r).replaceFirst("\\. Exit \\d+:.*$", "").replaceFirst("^Summary: ", "")
                + String.format(Locale.ROOT, " in %.1f s", r.wallNs() / 1e9);
        List<RunResults.Failure> failures = r.failures();
        if (!failures.isEmpty()) {
            getLog().error("dmas: failures:");
            for (RunResults.Failure f : failures) {
                getLog().error(f.location() + ": " + f.why());
                getLog().error("    in \"" + f.in() + "\"" + (f.statement() == null ? "" : ": " + f.statement()));
            }
            getLog().error("dmas: " + summary);
            String report = written.stream().filter(p -> p.toString().endsWith(".html")).findFirst().map(this::display).orElse(null);
            long failedScenarios = r.scenarios() - r.scenariosPassed();
            String msg = "dmas: " + Text.plural(failures.size(), "failure") + " (" + failedScenarios + " of " + Text.plural(r.scenarios(), "scenario")
                    + " failed" + (r.benchmarksFailed() > 0 ? ", " + Text.plural(r.benchmarksFailed(), "benchmark") + " did not run" : "")
                    + "); first: " + failures.get(0).location() + ": " + failures.get(0).why() + (report == null ? "" : " (report: " + report + ")");
            if (failOnViolation) throw new MojoFailureException(msg);
            getLog().warn(msg + " (dmas.failOnViolation=false: the build goes on)");
            summary = summary + "; " + Text.plural(failures.size(), "failure") + " ignored (dmas.failOnViolation=false)";
        } else {
            getLog().info("dmas: " + summary);
        }
        attach(fmt);
        recordSuccess(key, params, files, l, written, summary);
    }

    /** One file's run and how long it took. */
    private record Timed(RunResults.FileRun run, long ns) { }

    /**
     * Runs the files on {@code threads} workers (each with its own runner); results and progress lines
     * in input order.
     */
    private List<RunResults.FileRun> runAll(List<CompiledFile> files) throws MojoExecutionException {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        n = Math.max(1, Math.min(n, files.size()));
        ThreadLocal<Executor> executors = ThreadLocal.withInitial(() -> new Executor(scenario));
        AtomicInteger ids = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n,
                r -> new Thread(null, r, "dmas-run-" + ids.incrementAndGet(), WORKER_STACK_BYTES));
        try {
            List<Future<Timed>> futures = new ArrayList<>();
            for (CompiledFile f : files) {
                futures.add(pool.submit(() -> {
                    long f0 = System.nanoTime();
                    RunResults.FileRun fr = executors.get().run(f);
                    return new Timed(fr, System.nanoTime() - f0);
                }));
            }
            ProgressLog progress = new ProgressLog();
            List<RunResults.FileRun> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                Timed t = futures.get(i).get();
                out.add(t.run());
                progress.line(i + 1, files.size(), files.get(i).file() + ": " + fileSummary(t.run(), t.ns()));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("dmas: interrupted");
        } catch (ExecutionException e) {
            throw new MojoExecutionException("dmas: internal error: " + Workspace.message(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String fileSummary(RunResults.FileRun fr, long ns) {
        long sc = fr.scenarios().size();
        long failed = fr.scenarios().stream().filter(x -> !x.passed()).count();
        long bench = fr.benchmarks().size();
        long benchFailed = fr.benchmarks().stream().filter(b -> !b.passed()).count();
        StringBuilder b = new StringBuilder();
        if (sc == 0 && bench == 0) b.append("nothing to run");
        if (sc > 0) b.append(failed == 0 ? Text.plural(sc, "scenario") + " passed" : "FAILED " + failed + " of " + Text.plural(sc, "scenario"));
        if (bench > 0) {
            if (sc > 0) b.append(", ");
            b.append(Text.plural(bench, "benchmark")).append(benchFailed == 0 ? "" : " (" + benchFailed + " did not run)");
        }
        return b.append(String.format(Locale.ROOT, " (%.0f ms)", ns / 1e6)).toString();
    }

    private void logSlowest(RunResults r) {
        List<RunResults.Timed> slow = r.slowest(SLOWEST);
        if (slow.isEmpty()) return;
        getLog().info("dmas: slowest " + (slow.size() == 1 ? "run" : slow.size() + " runs") + ":");
        for (RunResults.Timed t : slow) {
            getLog().info(String.format(Locale.ROOT, "  %9.1f ms  %s \"%s\" (%s:%d)", t.wallNs() / 1e6, t.kind(), Text.oneLine(t.name()),
                    t.file(), t.line()));
        }
    }

    private List<Path> writeReports(RunResults r, Set<String> fmt) throws MojoExecutionException {
        Path dir = reportsDirectory.toPath().toAbsolutePath().normalize();
        List<Path> written = new ArrayList<>();
        try {
            // a report of a format no longer asked for would be stale
            if (!fmt.contains("json")) Files.deleteIfExists(dir.resolve(JsonReport.FILE_NAME));
            if (!fmt.contains("html")) Files.deleteIfExists(dir.resolve(HtmlReport.FILE_NAME));
            if (!fmt.contains("text")) Files.deleteIfExists(dir.resolve(TEXT_REPORT));
            if (fmt.contains("json")) written.add(write(dir.resolve(JsonReport.FILE_NAME), JsonReport.render(r)));
            if (fmt.contains("html")) written.add(write(dir.resolve(HtmlReport.FILE_NAME), HtmlReport.render(r)));
            if (fmt.contains("text")) {
                StringWriter sw = new StringWriter();
                PrintWriter pw = new PrintWriter(sw);
                for (RunResults.FileRun f : r.files()) TextReport.file(f, pw, false);
                TextReport.diagnostics(r.diagnostics(), pw);
                if (!r.files().isEmpty()) TextReport.footer(r, pw);
                pw.flush();
                written.add(write(dir.resolve(TEXT_REPORT), sw.toString()));
            }
            if (fmt.contains("junit")) written.addAll(JunitReport.write(r, junitDirectory.toPath().toAbsolutePath().normalize(), true));
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("dmas: cannot write the reports to " + display(dir) + ": " + Workspace.message(e), e);
        }
        List<Path> abs = written.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (!abs.isEmpty()) {
            long junit = abs.stream().filter(p -> p.getFileName().toString().startsWith("TEST-")).count();
            List<String> shown = new ArrayList<>();
            for (Path p : abs) if (!p.getFileName().toString().startsWith("TEST-")) shown.add(display(p));
            if (junit > 0) shown.add(junit + " JUnit file" + (junit == 1 ? "" : "s") + " in " + display(junitDirectory));
            getLog().info("dmas: reports: " + String.join(", ", shown));
        }
        return abs;
    }

    private static Path write(Path p, String content) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private void attach(Set<String> fmt) {
        if (!attachReports) return;
        Path dir = reportsDirectory.toPath();
        if (fmt.contains("json") && Files.isRegularFile(dir.resolve(JsonReport.FILE_NAME))) {
            projectHelper.attachArtifact(project, "json", "dmas-report", dir.resolve(JsonReport.FILE_NAME).toFile());
        }
        if (fmt.contains("html") && Files.isRegularFile(dir.resolve(HtmlReport.FILE_NAME))) {
            projectHelper.attachArtifact(project, "html", "dmas-report", dir.resolve(HtmlReport.FILE_NAME).toFile());
        }
    }
}
