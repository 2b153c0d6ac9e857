package org.dmaworkbench.dsl.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dmaworkbench.dsl.imports.ImportResolver;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.ProgramJson;

/** Reads a compiled program ({@code *.json}, the runtime's format) given as an input; its structure is {@link ProgramJson}'s check. */
final class CompiledReader {
    private CompiledReader() { }

    static CompiledFile read(Path p, Workspace.Options o, List<Diagnostic> diags) {
        String name = o.display(p);
        try {
            if (Files.size(p) > ImportResolver.MAX_FILE_BYTES) {
                diags.add(Diagnostic.error(name, 0, 0, "file too large (over " + (ImportResolver.MAX_FILE_BYTES >> 20) + " MiB)"));
                return null;
            }
            // checks shape and ranges (errors name the JSON path); the steps are labelled with the file run
            return ProgramJson.readCompiledFile(Files.readString(p), name);
        } catch (IOException | RuntimeException e) {
            String m = Workspace.message(e);
            var at = java.util.regex.Pattern.compile("at line (\\d+) column (\\d+)").matcher(m);
            int line = 0, col = 0;
            if (at.find()) {
                try {
                    line = Integer.parseInt(at.group(1));
                    col = Integer.parseInt(at.group(2));
                } catch (NumberFormatException ignored) {
                    // no position
                }
            }
            diags.add(Diagnostic.error(name, line, col, m));
            return null;
        }
    }

}
