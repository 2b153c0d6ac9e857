package org.dmaworkbench.maven;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;
import org.dmaworkbench.dsl.batch.Batch;
import org.dmaworkbench.dsl.batch.BatchService;
import org.dmaworkbench.dsl.batch.HtmlReport;
import org.dmaworkbench.dsl.batch.JsonReport;
import org.dmaworkbench.dsl.batch.Reports;
import org.dmaworkbench.dsl.batch.RunResults;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.dsl.batch.Tee;
import org.dmaworkbench.dsl.batch.TextReport;
import org.dmaworkbench.dsl.batch.TextStream;
import org.dmaworkbench.dsl.batch.Workspace;
import org.dmaworkbench.runtime.exec.FileRun;

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

        Workspace.Loaded l = load(files, roots, key);
        logDiagnostics(l);
        List<String> args = new ArrayList<>();
        for (Path r : s.roots()) if (Files.isDirectory(r)) args.add(display(r));

        BatchService batch = Batch.service();
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        BatchService.Request req = BatchService.Request.files(files, options(roots), null, scenario, n, args);
        ProgressLog progress = new ProgressLog();
        int[] done = {0};
        BatchService.Listener perFile = new BatchService.Listener() {
            @Override public void fileDone(FileRun fr) {
                progress.line(++done[0], l.compiled().size(), fr.file() + ": " + fileSummary(fr, fr.wallNs()));
            }
        };
        // with -X the log shows every step as it runs: the console text of ./dmas run and the Eclipse run
        BatchService.Listener listener = getLog().isDebugEnabled()
                ? Tee.of(perFile, new TextStream(new PrintWriter(new LogLines(getLog()::debug)), false)) : perFile;
        BatchService.Outcome o = batch.run(req, l, listener, reportFormats(fmt), reportTarget()); // reports written as results arrive
        List<Path> written = writtenReports(o);
        RunResults r = o.results();

        if (l.hasErrors()) {
            String msg = "dmas: " + Text.plural(l.errors(), "error") + " in the .dmas files (listed above), nothing was run; first: "
                    + firstError(l.diagnostics());
            if (failOnViolation) throw new MojoFailureException(msg);
            getLog().warn(msg + " (dmas.failOnViolation=false: the build goes on)");
            return;
        }
        if (r.exitCode() == RunResults.INVALID) { // nothing ran: no scenario in the files, or none matches dmas.scenario
            String msg = o.messages().isEmpty() ? "dmas: nothing to run" : o.messages().get(0);
            throw new MojoFailureException(msg + (scenario != null && !scenario.isEmpty() ? " (dmas.scenario)" : ""));
        }
        logSlowest(r);
        String summary = TextReport.counts(r) + String.format(Locale.ROOT, " in %.1f s", r.wallNs() / 1e9);
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

    private static String fileSummary(FileRun fr, long ns) {
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

    private static Set<Reports.Format> reportFormats(Set<String> fmt) {
        Set<Reports.Format> formats = EnumSet.noneOf(Reports.Format.class);
        for (String f : fmt) formats.add(Reports.Format.parse(f));
        return formats;
    }

    private Reports.Target reportTarget() {
        return new Reports.Target(reportsDirectory.toPath(), junitDirectory.toPath(), true, true);
    }

    private List<Path> writtenReports(BatchService.Outcome o) throws MojoExecutionException {
        BatchService.Written w = o.reports();
        if (!w.ok()) throw new MojoExecutionException(w.problem());
        List<Path> written = w.files();
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
