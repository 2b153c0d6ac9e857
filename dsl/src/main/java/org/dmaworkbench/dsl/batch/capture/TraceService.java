package org.dmaworkbench.dsl.batch.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.dsl.batch.Workspace;
import org.dmaworkbench.runtime.capture.CaptureResult;
import org.dmaworkbench.runtime.capture.ScenarioWriter;
import org.dmaworkbench.runtime.exec.CaptureExecutor;
import org.dmaworkbench.runtime.exec.ExitCode;

/**
 * The batch path of kernel captures ({@code ./dmas trace}; the Maven plugin and the Eclipse run can call the same):
 * every capture through the runtime's {@link CaptureExecutor}, the exit code of {@link ExitCode#ofCaptures}, the
 * {@code dmas: ...} messages and the JSON report. Front ends only adapt it: they build a {@link Request}, print what
 * the listener tells them, and show the {@link Outcome}.
 */
public final class TraceService {

    /**
     * What to check.
     *
     * @param paths     the captures as the user named them (relative to {@code base})
     * @param jsonOut   where the JSON report goes, or null for none
     * @param junitOut  where the JUnit XML report goes, or null for none
     * @param base      what {@code paths} are relative to; null: the current directory
     */
    public record Request(List<String> paths, Path jsonOut, Path junitOut, Path base) {
        public Request {
            paths = List.copyOf(paths);
        }

        /** The command line's: paths relative to the current directory, without a JUnit report. */
        public Request(List<String> paths, Path jsonOut) {
            this(paths, jsonOut, null, null);
        }

        /** The command line's: paths relative to the current directory. */
        public Request(List<String> paths, Path jsonOut, Path junitOut) {
            this(paths, jsonOut, junitOut, null);
        }

        /** Files named relative to {@code base} (the Maven plugin: the project's base directory, wherever Maven runs). */
        public static Request files(List<Path> files, Path base, Path jsonOut) {
            Path b = base.toAbsolutePath().normalize();
            List<String> names = new ArrayList<>();
            for (Path f : files) {
                Path abs = f.toAbsolutePath().normalize();
                names.add((abs.startsWith(b) && !abs.equals(b) ? b.relativize(abs) : abs).toString().replace('\\', '/'));
            }
            return new Request(names, jsonOut, null, b);
        }
    }

    /**
     * A check's outcome: every capture's result, the exit code, the lines to tell the user ({@code dmas: ...}), the
     * reports written.
     */
    public record Outcome(List<CaptureResult> results, int exitCode, List<String> messages, List<Path> reports) { }

    /**
     * {@code --to-scenario}: what was written (the scenario file, or the problem), and what the capture's replay
     * found.
     */
    public record Exported(Path file, ScenarioWriter.Written written, String problem, int exitCode) { }

    /**
     * Writes the capture {@code capture} (as the user named it) as a scenario to {@code out}, on the platform
     * {@code platform} (null: a generated one); the file is then validated like any other.
     */
    public Exported toScenario(String capture, Path out, Path platform) {
        return toScenario(Text.cwd(), capture, out, platform);
    }

    /**
     * The same with {@code capture} named relative to {@code base} (the IDE: the project's folder), so that the
     * scenario's comments name it as the user sees it.
     */
    public Exported toScenario(Path base, String capture, Path out, Path platform) {
        Path in = base.resolve(capture).normalize();
        ScenarioWriter.Options o;
        try {
            o = ScenarioExport.options(capture, out, platform);
        } catch (IOException e) {
            return new Exported(null, null, "dmas: " + e.getMessage(), ExitCode.INVALID);
        }
        try {
            ScenarioWriter.Written w = ScenarioWriter.write(in, capture, o);
            if (w.result().unreadable()) return new Exported(null, w, "dmas: " + w.result().problem(), ExitCode.INVALID);
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(out, w.text(), StandardCharsets.UTF_8);
            return new Exported(out, w, null, ExitCode.OK);
        } catch (java.nio.file.NoSuchFileException e) {
            return new Exported(null, null, "dmas: " + capture + ": no such file", ExitCode.INVALID);
        } catch (IOException | RuntimeException e) {
            return new Exported(null, null, "dmas: cannot write the scenario " + Text.display(out) + ": " + Workspace.message(e),
                    ExitCode.INVALID);
        }
    }

    /** Checks every capture of {@code req}, streaming to {@code listener}; never throws on bad input. */
    public Outcome trace(Request req, CaptureExecutor.Listener listener) {
        List<CaptureExecutor.Input> inputs = new ArrayList<>();
        Path base = req.base() == null ? Text.cwd() : req.base().toAbsolutePath().normalize();
        for (String p : req.paths()) inputs.addAll(inputs(p, base));
        List<String> messages = new ArrayList<>();
        if (inputs.isEmpty()) messages.add("dmas: no capture given");
        TraceJunit junit = req.junitOut() == null ? null : new TraceJunit();
        List<CaptureResult> results = new CaptureExecutor().run(inputs, junit == null ? listener : CaptureExecutor.Listener.both(listener, junit));
        for (CaptureResult r : results) if (r.unreadable()) messages.add("dmas: " + r.problem());
        int exit = ExitCode.ofCaptures(results);
        List<Path> reports = new ArrayList<>();
        Path writing = null;
        try {
            if (req.jsonOut() != null) {
                writing = req.jsonOut();
                TraceJson.write(results, exit, writing);
                reports.add(writing);
            }
            if (req.junitOut() != null) {
                writing = req.junitOut();
                junit.write(writing);
                reports.add(writing);
            }
        } catch (IOException | RuntimeException e) {
            messages.add("dmas: cannot write the report " + Text.display(writing) + ": " + Workspace.message(e));
            exit = ExitCode.INVALID;
        }
        return new Outcome(List.copyOf(results), exit, List.copyOf(messages), List.copyOf(reports));
    }

    /** A path as typed, relative to {@code base}: a file, or a directory's regular files (not hidden ones), sorted, recursively. */
    static List<CaptureExecutor.Input> inputs(String typed, Path base) {
        Path p = base.resolve(typed).normalize();
        if (!Files.isDirectory(p)) return List.of(new CaptureExecutor.Input(p, typed));
        List<CaptureExecutor.Input> out = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.walk(p)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> { for (Path part : p.relativize(f)) if (part.toString().startsWith(".")) return false; return true; })
                    .sorted()
                    .forEach(f -> out.add(new CaptureExecutor.Input(f, Text.display(f, base))));
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of(new CaptureExecutor.Input(p, typed));
        }
        return out.isEmpty() ? List.of(new CaptureExecutor.Input(p, typed)) : out;
    }
}
