package org.dmaworkbench.dsl.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.ProgramJson;

/**
 * The compile path: each lowered {@code .dmas} file written as the runtime's program format
 * ({@link ProgramJson}, {@code *.json}) under an output directory, mirroring the source tree:
 * {@code src/main/dmas/a/b.dmas} becomes {@code OUT/a/b.json}. The runtime alone runs these
 * ({@code java -jar dmas-runtime-standalone.jar run OUT}, or {@code ./dmas run OUT}).
 */
public final class CompiledOutput {
    private CompiledOutput() { }

    /**
     * One program file.
     *
     * @param source  the {@code .dmas} file it was lowered from
     * @param target  the {@code .json} file
     * @param changed false when the file already had exactly this content (left untouched, its time stamp too)
     */
    public record Written(Path source, Path target, boolean changed) { }

    /**
     * Where the program of {@code source} goes: below {@code outDir} at the source's path relative to the
     * first of {@code roots} that contains it (the file name alone when none does), {@code .dmas} replaced
     * by {@code .json}.
     */
    public static Path target(Path source, List<Path> roots, Path outDir) {
        Path abs = source.toAbsolutePath().normalize();
        Path rel = abs.getFileName();
        for (Path root : roots) {
            Path r = root.toAbsolutePath().normalize();
            if (abs.startsWith(r) && !abs.equals(r)) {
                rel = r.relativize(abs);
                break;
            }
        }
        String name = rel.getFileName().toString();
        String json = (name.endsWith(".dmas") ? name.substring(0, name.length() - 5) : name) + ".json";
        Path parent = rel.getParent();
        return outDir.resolve(parent == null ? Path.of(json) : parent.resolve(json));
    }

    /**
     * Writes the program of every lowered {@code .dmas} input of {@code loaded} (compiled {@code .json}
     * inputs are not copied). A file whose content would not change is left as it is.
     */
    public static List<Written> write(Workspace.Loaded loaded, List<Path> roots, Path outDir) throws IOException {
        List<Written> out = new ArrayList<>();
        for (int i = 0; i < loaded.compiled().size(); i++) {
            Path src = loaded.compiledFrom().get(i);
            if (!src.getFileName().toString().endsWith(".dmas")) continue;
            CompiledFile f = loaded.compiled().get(i);
            Path target = target(src, roots, outDir);
            String json = ProgramJson.write(f) + "\n";
            boolean same = Files.isRegularFile(target) && Files.readString(target, StandardCharsets.UTF_8).equals(json);
            if (!same) {
                Files.createDirectories(target.getParent());
                Files.writeString(target, json, StandardCharsets.UTF_8);
            }
            out.add(new Written(src, target, !same));
        }
        return out;
    }
}
