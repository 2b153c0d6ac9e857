package org.dmaworkbench.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.dmaworkbench.dsl.batch.CompiledOutput;
import org.dmaworkbench.dsl.batch.Text;
import org.dmaworkbench.dsl.batch.Workspace;

/**
 * Lowers every {@code .dmas} file of the source directory to the runtime's compiled program format
 * ({@code *.json}) under {@code target/dmas/}, mirroring the source tree; the runtime alone runs these
 * ({@code java -jar dmas-runtime-standalone.jar run target/dmas}). Only changed programs are rewritten, files of
 * removed sources are deleted, and an unchanged file set is not compiled again.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.COMPILE, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class CompileMojo extends AbstractDmasMojo {
    /** Where the compiled programs go. */
    @Parameter(property = "dmas.outputDirectory", defaultValue = "${project.build.directory}/dmas")
    protected File outputDirectory;

    @Override
    protected String goal() {
        return "compile";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        Sources s = sources();
        if (s.main().isEmpty()) {
            getLog().info("dmas: no .dmas files in " + display(sourceDirectory) + ": nothing to compile");
            return;
        }
        List<Path> roots = importRoots();
        // the files check loaded in this build (sources and tests) when it ran, else the sources alone
        List<Path> all = s.all();
        String allKey = inputsKey(all, roots);
        Workspace.Loaded l = cached(allKey);
        List<Path> files = l != null ? all : s.main();
        String key = l != null ? allKey : inputsKey(files, roots);
        Map<String, String> params = commonParams();
        params.put("outputDirectory", outputDirectory.getAbsolutePath());
        String mainKey = inputsKey(s.main(), roots);
        if (upToDate(mainKey, params, s.main().size())) return;

        if (l == null) l = load(files, roots, key);
        logDiagnostics(l);
        if (l.hasErrors()) {
            String msg = "dmas: " + Text.plural(l.errors(), "error") + " in the .dmas files (listed above), nothing compiled; first: "
                    + firstError(l.diagnostics());
            if (failOnViolation) throw new MojoFailureException(msg);
            getLog().warn(msg + " (dmas.failOnViolation=false: the build goes on)");
            return;
        }
        Path out = outputDirectory.toPath().toAbsolutePath().normalize();
        Set<Path> main = new HashSet<>();
        for (Path p : s.main()) main.add(p.toAbsolutePath().normalize());
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < l.compiledFrom().size(); i++) if (main.contains(l.compiledFrom().get(i))) keep.add(i);
        Workspace.Loaded mainOnly = new Workspace.Loaded(s.main().size(), keep.stream().map(l.compiled()::get).toList(),
                keep.stream().map(l.compiledFrom()::get).toList(), l.diagnostics(), l.filesRead());
        List<CompiledOutput.Written> written;
        try {
            written = CompiledOutput.write(mainOnly, List.of(sourceDirectory.toPath().toAbsolutePath().normalize()), out);
        } catch (IOException e) {
            throw new MojoExecutionException("dmas: cannot write the compiled programs to " + display(out) + ": " + Workspace.message(e), e);
        }
        List<Path> outputs = written.stream().map(CompiledOutput.Written::target).map(p -> p.toAbsolutePath().normalize()).toList();
        int deleted = 0;
        for (Path old : previousOutputs()) {
            if (!outputs.contains(old) && old.startsWith(out) && old.toString().endsWith(".json")) {
                try {
                    if (Files.deleteIfExists(old)) deleted++;
                } catch (IOException e) {
                    getLog().warn("dmas: cannot delete " + display(old) + ": " + Workspace.message(e));
                }
            }
        }
        long changed = written.stream().filter(CompiledOutput.Written::changed).count();
        for (CompiledOutput.Written w : written) {
            if (w.changed()) getLog().debug("dmas: compiled " + display(w.source()) + " -> " + display(w.target()));
        }
        String summary = "compiled " + Text.plural(written.size(), "file") + " to " + display(out) + " (" + changed + " changed"
                + (deleted > 0 ? ", " + deleted + " removed" : "") + ")";
        getLog().info("dmas: " + summary);
        recordSuccess(mainKey, params, files, l, outputs, summary);
    }
}
