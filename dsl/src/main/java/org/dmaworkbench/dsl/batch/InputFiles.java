package org.dmaworkbench.dsl.batch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which files a batch reads: the paths as typed (directories searched) or the files a front end chose. */
final class InputFiles {
    private InputFiles() { }

    /**
     * Directories are searched recursively for {@code *.dmas} (hidden directories and Maven
     * {@code target} directories skipped); a directory without any {@code .dmas} file contributes its
     * {@code *.json} compiled programs instead. Files are taken as given when they end in .dmas or .json.
     */
    static Workspace.Inputs collect(List<String> args) {
        Set<Path> sources = new LinkedHashSet<>();
        Set<Path> compiled = new LinkedHashSet<>();
        List<Diagnostic> diags = new ArrayList<>();
        for (String a : args) {
            Path p;
            try {
                p = Path.of(a).toAbsolutePath().normalize();
            } catch (RuntimeException e) {
                diags.add(Diagnostic.error(a, 0, 0, "not a valid path"));
                continue;
            }
            if (Files.isDirectory(p)) {
                List<Path> dmas = new ArrayList<>();
                List<Path> json = new ArrayList<>();
                try {
                    walk(p, dmas, json);
                } catch (IOException | RuntimeException e) {
                    diags.add(Diagnostic.error(a, 0, 0, "cannot read directory: " + e.getMessage()));
                    continue;
                }
                if (!dmas.isEmpty()) sources.addAll(dmas);
                else if (!json.isEmpty()) compiled.addAll(json);
                else diags.add(Diagnostic.warning(Text.display(p), 0, 0, "no .dmas files in this directory"));
            } else if (Files.isRegularFile(p)) {
                String n = p.getFileName().toString();
                if (n.endsWith(".dmas")) sources.add(p);
                else if (n.endsWith(".json")) compiled.add(p);
                else diags.add(Diagnostic.error(Text.display(p), 0, 0, "not a scenario file (expected *.dmas, or a compiled *.json program)"));
            } else {
                diags.add(Diagnostic.error(a, 0, 0, Files.exists(p) ? "not a regular file or directory" : "no such file or directory"));
            }
        }
        return new Workspace.Inputs(List.copyOf(sources), List.copyOf(compiled), diags);
    }

    private static void walk(Path root, List<Path> dmas, List<Path> json) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(root) && (n.startsWith(".") || n.equals("target"))) return FileVisitResult.SKIP_SUBTREE;
                return FileVisitResult.CONTINUE;
            }

            @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String n = file.getFileName().toString();
                if (attrs.isRegularFile() && n.endsWith(".dmas")) dmas.add(file);
                else if (attrs.isRegularFile() && n.endsWith(".json")) json.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        dmas.sort(null);
        json.sort(null);
    }

    /**
     * The given files as inputs, in the given order: {@code .dmas} sources and compiled {@code .json}
     * programs; anything else, or a file that does not exist, is an error diagnostic.
     */
    static Workspace.Inputs inputs(List<Path> files, Workspace.Options o) {
        Set<Path> sources = new LinkedHashSet<>();
        Set<Path> compiled = new LinkedHashSet<>();
        List<Diagnostic> diags = new ArrayList<>();
        for (Path f : files) {
            Path p = f.toAbsolutePath().normalize();
            String n = p.getFileName() == null ? "" : p.getFileName().toString();
            if (!Files.isRegularFile(p)) {
                diags.add(Diagnostic.error(o.display(p), 0, 0, Files.exists(p) ? "not a regular file" : "no such file"));
            } else if (n.endsWith(".dmas")) {
                sources.add(p);
            } else if (n.endsWith(".json")) {
                compiled.add(p);
            } else {
                diags.add(Diagnostic.error(o.display(p), 0, 0, "not a scenario file (expected *.dmas, or a compiled *.json program)"));
            }
        }
        return new Workspace.Inputs(List.copyOf(sources), List.copyOf(compiled), diags);
    }
}
