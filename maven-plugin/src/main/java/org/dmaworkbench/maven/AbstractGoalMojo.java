package org.dmaworkbench.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.dsl.batch.Version;
import org.dmaworkbench.dsl.batch.Workspace;

/**
 * What every goal shares, the scenario goals ({@link AbstractDmasMojo}) and {@code trace} alike: {@code skip}, the
 * worker thread, {@code failOnViolation}, the up-to-date check ({@link Fingerprint}), progress in the log, paths
 * shown relative to the project's base directory.
 */
abstract class AbstractGoalMojo extends AbstractMojo {
    /** Stack for the worker thread: deeply nested input is parsed recursively. */
    private static final long STACK_BYTES = 512L << 20;
    /** Progress: every file while a batch has at most this many, else a line every {@link #PROGRESS_EVERY_NS}. */
    private static final int PROGRESS_ALL_UP_TO = 25;
    private static final long PROGRESS_EVERY_NS = 2_000_000_000L;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    /** Skips the goal. */
    @Parameter(property = "dmas.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Fail the build on an error (check, compile), an unmet expectation (run), a violation or fault in a capture or a
     * capture that cannot be read (trace); with false they are logged only.
     */
    @Parameter(property = "dmas.failOnViolation", defaultValue = "true")
    protected boolean failOnViolation;

    /** Runs the goal even when its inputs are unchanged since its last successful run. */
    @Parameter(property = "dmas.force", defaultValue = "false")
    protected boolean force;

    /** Where the fingerprints of the up-to-date check are kept ({@code <goal>.fingerprint}). */
    @Parameter(defaultValue = "${project.build.directory}/dmas", readonly = true, required = true)
    protected File fingerprintDirectory;

    /** The goal's name ({@code check}, {@code compile}, {@code run}, {@code trace}). */
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

    protected Path basedir() {
        return project.getBasedir().toPath().toAbsolutePath().normalize();
    }

    protected String display(Path p) {
        return Text.display(p, basedir());
    }

    protected String display(File f) {
        return display(f.toPath());
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

    // ------------------------------------------------------------------ up-to-date checking

    protected Path fingerprintFile() {
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

    /** Records a successful run: the fingerprint, the other files it read ({@code extra}), its outputs and its summary line. */
    protected void recordSuccess(String inputsKey, Map<String, String> params, List<Path> extra, List<Path> outputs, String summary)
            throws MojoExecutionException {
        try {
            Fingerprint.write(fingerprintFile(), new Fingerprint.Stored(fingerprint(inputsKey, params, extra), summary, extra, outputs));
        } catch (IOException e) {
            throw new MojoExecutionException("dmas: cannot write " + fingerprintFile() + ": " + Workspace.message(e), e);
        }
    }
}
