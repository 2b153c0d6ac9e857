package org.dmaworkbench.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.dmaworkbench.dsl.batch.Batch;
import org.dmaworkbench.dsl.batch.Reports;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.dsl.batch.Workspace;
import org.dmaworkbench.dsl.batch.capture.CaptureHtmlReport;
import org.dmaworkbench.dsl.batch.capture.CaptureReports;
import org.dmaworkbench.dsl.batch.capture.TraceService;
import org.dmaworkbench.dsl.batch.capture.TraceText;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.exec.CaptureExecutor;
import org.dmaworkbench.runtime.exec.ExitCode;

/**
 * Checks the kernel captures of the project (ftrace text of the {@code dma:} and {@code iommu:} events, plain or
 * gzip-compressed, and kernel logs with IOMMU fault lines) exactly as {@code ./dmas trace} does, through the batch
 * service ({@code BatchService.trace}: the same replay through the simulator's dma-debug model, the same verdicts and
 * exit-code rule), writes the reports ({@code target/dmas-reports/}: {@code dmas-trace-report.json},
 * {@code dmas-trace-report.html}, Surefire-format {@code TEST-*.xml} with one test case per device) and fails the
 * build on a violation or fault, naming its {@code file:line}. Uncertain verdicts are warnings. Bound to {@code test},
 * like {@code run}; {@code -DskipTests} skips it too.
 */
@Mojo(name = "trace", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TraceMojo extends AbstractGoalMojo {
    /** The capture patterns when none are configured. */
    static final List<String> DEFAULT_INCLUDES = List.of("**/*.trace", "**/*.trace.gz", "**/*.dmesg", "**/*.dmesg.gz");
    /** How many capture names the HTML report's command line shows. */
    private static final int ARGUMENTS_SHOWN = 20;

    /** Where the captures and kernel logs are (beside the test scenarios by default). */
    @Parameter(property = "dmas.captureDirectory", defaultValue = "${project.basedir}/src/test/dmas")
    protected File captureDirectory;

    /**
     * Ant patterns, relative to {@code captureDirectory}, of the files to check; default {@code **}{@code /*.trace},
     * {@code **}{@code /*.trace.gz}, {@code **}{@code /*.dmesg}, {@code **}{@code /*.dmesg.gz}. Compression is
     * recognised by content, whatever the name.
     */
    @Parameter(property = "dmas.captureIncludes")
    protected List<String> captureIncludes;

    /** Ant patterns of captures to leave out. */
    @Parameter(property = "dmas.captureExcludes")
    protected List<String> captureExcludes;

    /** Where {@code dmas-trace-report.json}, {@code dmas-trace-report.html} (and {@code .txt}) go. */
    @Parameter(property = "dmas.reportsDirectory", defaultValue = "${project.build.directory}/dmas-reports")
    protected File reportsDirectory;

    /**
     * Where the JUnit XML files ({@code TEST-<file>.xml}, Surefire's format) go. May be shared with Surefire or the
     * {@code run} goal: only files this goal wrote are replaced.
     */
    @Parameter(property = "dmas.junitDirectory", defaultValue = "${project.build.directory}/dmas-reports")
    protected File junitDirectory;

    /** Reports to write: {@code json}, {@code html}, {@code junit}, {@code text} ({@code dmas-trace-report.txt}, as {@code ./dmas trace} prints). */
    @Parameter(property = "dmas.formats", defaultValue = "json,html,junit")
    protected List<String> formats;

    /** Surefire's switch: {@code -DskipTests} skips the capture check too. */
    @Parameter(property = "skipTests", defaultValue = "false")
    protected boolean skipTests;

    @Override
    protected String goal() {
        return "trace";
    }

    @Override
    protected String skipReason() {
        return skipTests ? "skipTests" : null;
    }

    private Set<Reports.Format> formatSet() throws MojoExecutionException {
        Set<Reports.Format> out = EnumSet.noneOf(Reports.Format.class);
        if (formats == null) return out;
        for (String f : formats) {
            if (f == null) continue;
            for (String one : f.split(",")) {
                String n = one.trim().toLowerCase(Locale.ROOT);
                if (n.isEmpty()) continue;
                if (!List.of("json", "html", "junit", "text").contains(n)) {
                    throw new MojoExecutionException("dmas: unknown report format '" + one.trim() + "' (json, html, junit, text)");
                }
                out.add(Reports.Format.parse(n));
            }
        }
        return out;
    }

    private List<String> includes() {
        List<String> in = new ArrayList<>();
        if (captureIncludes != null) for (String p : captureIncludes) if (p != null && !p.isBlank()) in.add(p.trim());
        return in.isEmpty() ? DEFAULT_INCLUDES : in;
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        Set<Reports.Format> fmt = formatSet();
        List<Path> files;
        try {
            files = new SourceScanner(includes(), captureExcludes, Path.of(project.getBuild().getDirectory())).scan(captureDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("dmas: cannot list " + display(captureDirectory) + ": " + Workspace.message(e), e);
        }
        if (files.isEmpty()) {
            getLog().info("dmas: no captures in " + display(captureDirectory) + " (" + String.join(", ", includes()) + "): nothing to check");
            return;
        }
        Fingerprint inputs = new Fingerprint().add("base", basedir().toString());
        for (Path p : files) inputs.addFile("capture", p);
        String key = inputs.hash();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("captureDirectory", String.valueOf(captureDirectory));
        params.put("includes", String.valueOf(includes()));
        params.put("excludes", String.valueOf(captureExcludes));
        params.put("formats", String.valueOf(fmt));
        params.put("reportsDirectory", reportsDirectory.getAbsolutePath());
        params.put("junitDirectory", junitDirectory.getAbsolutePath());
        params.put("failOnViolation", String.valueOf(failOnViolation));
        if (upToDate(key, params, files.size())) return;

        long t0 = System.nanoTime();
        TraceService.Request req0 = TraceService.Request.files(files, basedir(), null);
        CaptureReports reports;
        try {
            reports = CaptureReports.open(fmt, new Reports.Target(reportsDirectory.toPath(), junitDirectory.toPath(), true, true),
                    Instant.now(), arguments(req0.paths()));
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("dmas: cannot write the reports in " + display(reportsDirectory) + ": " + Workspace.message(e), e);
        }
        TraceLog log = new TraceLog(getLog(), new ProgressLog(), files.size());
        TraceService.Request req = new TraceService.Request(req0.paths(), reports.jsonFile(), null, req0.base());
        TraceService.Outcome o;
        try {
            o = Batch.service().trace(req, CaptureExecutor.Listener.both(log, reports)); // the one capture path of ./dmas trace
        } catch (RuntimeException e) {
            reports.abandon();
            throw e;
        }
        List<Path> written;
        try {
            written = reports.finish(o);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("dmas: cannot write the reports in " + display(reportsDirectory) + ": " + Workspace.message(e), e);
        }
        logWritten(written);
        verdict(o, log.first(), written, String.format(Locale.ROOT, " in %.1f s", (System.nanoTime() - t0) / 1e9), key, params);
    }

    /** Fails the build (or warns, with failOnViolation=false) as {@code ./dmas trace}'s exit code says; records a success. */
    private void verdict(TraceService.Outcome o, CaptureFinding first, List<Path> written, String took, String key, Map<String, String> params)
            throws MojoExecutionException, MojoFailureException {
        List<CaptureResult> unreadable = o.results().stream().filter(CaptureResult::unreadable).toList();
        if (o.exitCode() == ExitCode.INVALID && unreadable.isEmpty() && !o.results().isEmpty()) {
            throw new MojoExecutionException(o.messages().isEmpty() ? "dmas: the reports could not be written" : o.messages().get(0));
        }
        o.messages().forEach(getLog()::error);
        String footer = TraceText.footer(o.results()) + took;
        String report = written.stream().filter(p -> p.getFileName().toString().equals(CaptureHtmlReport.FILE_NAME)).findFirst()
                .map(p -> " (report: " + display(p) + ")").orElse("");
        String msg = null;
        if (o.exitCode() == ExitCode.INVALID) {
            String why = unreadable.isEmpty() ? "no capture" : unreadable.get(0).problem();
            msg = "dmas: " + unreadable.size() + " of " + Text.plural(o.results().size(), "capture") + " cannot be read; first: " + why;
        } else if (o.exitCode() == ExitCode.NOT_MET) {
            long v = o.results().stream().mapToLong(CaptureResult::violations).sum();
            long f = o.results().stream().mapToLong(CaptureResult::faults).sum();
            msg = "dmas: " + Text.plural(v, "violation") + " and " + Text.plural(f, "fault") + " in the captures"
                    + (first == null ? "" : "; first: " + first.text().split("\n")[0]) + report;
        }
        String summary = footer.substring("dmas: ".length());
        if (msg == null) {
            getLog().info(footer);
            recordSuccess(key, params, List.of(), written, summary);
            return;
        }
        getLog().error(footer);
        if (failOnViolation) throw new MojoFailureException(msg);
        getLog().warn(msg + " (dmas.failOnViolation=false: the build goes on)");
        recordSuccess(key, params, List.of(), written, summary + "; ignored (dmas.failOnViolation=false)");
    }

    /** The capture names the HTML report shows as the command line. */
    private static List<String> arguments(List<String> names) {
        if (names.size() <= ARGUMENTS_SHOWN) return names;
        List<String> a = new ArrayList<>(names.subList(0, ARGUMENTS_SHOWN));
        a.add("... (" + names.size() + " files)");
        return a;
    }

    private void logWritten(List<Path> written) {
        if (written.isEmpty()) return;
        long junit = written.stream().filter(p -> p.getFileName().toString().startsWith("TEST-")).count();
        List<String> shown = new ArrayList<>();
        for (Path p : written) if (!p.getFileName().toString().startsWith("TEST-")) shown.add(display(p));
        if (junit > 0) shown.add(junit + " JUnit file" + (junit == 1 ? "" : "s") + " in " + display(junitDirectory));
        getLog().info("dmas: reports: " + String.join(", ", shown));
    }
}
