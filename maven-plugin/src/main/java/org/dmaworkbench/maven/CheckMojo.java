package org.dmaworkbench.maven;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.dsl.batch.Workspace;

/**
 * Validates every {@code .dmas} file of the source and test source directories (and the local files
 * they import): errors are logged as {@code file:line:col: message} and fail the build, warnings are
 * logged. Nothing is run.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.PROCESS_SOURCES, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class CheckMojo extends AbstractDmasMojo {
    @Override
    protected String goal() {
        return "check";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        Sources s = sources();
        if (s.isEmpty()) {
            getLog().info("dmas: " + noFilesMessage() + ": nothing to check");
            return;
        }
        List<Path> files = s.all();
        List<Path> roots = importRoots();
        String key = inputsKey(files, roots);
        var params = commonParams();
        if (upToDate(key, params, files.size())) return;

        long t0 = System.nanoTime();
        Workspace.Loaded l = load(files, roots, key);
        logDiagnostics(l);
        int imported = Math.max(0, l.filesRead().size() - files.size());
        String summary = "checked " + Text.plural(files.size(), "file") + (imported > 0 ? " (and " + imported + " imported)" : "") + ": "
                + Text.plural(l.errors(), "error") + ", " + Text.plural(l.warnings(), "warning")
                + String.format(java.util.Locale.ROOT, " in %.1f s", (System.nanoTime() - t0) / 1e9);
        if (l.hasErrors()) {
            String msg = "dmas: " + Text.plural(l.errors(), "error") + " in the .dmas files (listed above); first: " + firstError(l.diagnostics());
            if (failOnViolation) {
                getLog().error("dmas: " + summary);
                throw new MojoFailureException(msg);
            }
            getLog().warn(msg + " (dmas.failOnViolation=false: the build goes on)");
            return;
        }
        getLog().info("dmas: " + summary);
        recordSuccess(key, params, files, l, List.of(), summary);
    }
}
