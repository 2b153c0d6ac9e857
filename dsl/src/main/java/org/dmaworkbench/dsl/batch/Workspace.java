package org.dmaworkbench.dsl.batch;

import com.google.inject.Injector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmaworkbench.dsl.dmas.Import;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.lowering.DmasLowering;
import org.dmaworkbench.runtime.exec.ErrorText;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.ProgramJson;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ExtensibleURIConverterImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

/**
 * Collects the input files, loads every {@code .dmas} file into one resource set (imports resolve
 * inside it), validates all of them, and lowers the inputs to the runtime's programs. Compiled
 * programs ({@code *.json}, the runtime's format) are read as they are. Never throws for bad input:
 * every problem becomes a {@link Diagnostic}.
 *
 * <p>The one pipeline behind {@code ./dmas} and the Maven plugin. The command line passes paths as
 * typed ({@link #load(List, boolean)}: directories searched, names shown relative to the current
 * directory); the plugin passes the files it selected and {@link Options}: names shown relative to the
 * project, an import path for {@code import "classpath:/..."} (source roots, dependency jars and
 * directories), and a progress callback.
 */
public final class Workspace {
    /** Diagnostics shown per file at most in the text output (all of them go to the JSON report). */
    public static final int MAX_SHOWN_PER_FILE = 25;
    /** Input files larger than this are refused rather than parsed. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private Workspace() { }

    /** The language's injector ({@link Batch#injector()}). */
    public static Injector injector() {
        return Batch.injector();
    }

    /** What a load reports while it goes, per file: the stage, files done so far, the total, the file as shown. */
    @FunctionalInterface
    public interface Progress {
        /** Parsing an input, validating a loaded file (inputs and the local files they import), lowering an input. */
        enum Stage { PARSE, VALIDATE, LOWER }

        /** Reports nothing. */
        Progress NONE = (stage, done, total, file) -> { };

        void step(Stage stage, int done, int total, String file);
    }

    /**
     * How a batch loads.
     *
     * @param displayBase file names in diagnostics and reports are relative to this directory when below it
     * @param importPath  where {@code import "classpath:/a/b.dmas"} looks, in order: directories and jar/zip
     *                    files ({@code a/b.dmas} inside them); empty: such imports are refused as not local
     * @param progress    told after each file of each stage
     */
    public record Options(Path displayBase, List<Path> importPath, Progress progress) {
        public Options {
            displayBase = displayBase == null ? Text.cwd() : displayBase.toAbsolutePath().normalize();
            importPath = importPath == null ? List.of() : List.copyOf(importPath);
            progress = progress == null ? Progress.NONE : progress;
        }

        /** The command line's: names relative to the current directory, no import path, no progress. */
        public static Options commandLine() {
            return new Options(Text.cwd(), List.of(), Progress.NONE);
        }

        String display(Path p) {
            return Text.display(p, displayBase);
        }
    }

    /** The inputs after collection: .dmas sources, compiled .json programs, and what went wrong. */
    public record Inputs(List<Path> sources, List<Path> compiled, List<Diagnostic> diagnostics) {
        public boolean isEmpty() { return sources.isEmpty() && compiled.isEmpty(); }
    }

    /**
     * Everything loaded: the compiled files (inputs only, in input order; empty unless lowered), the
     * file each came from (parallel to {@code compiled}), all diagnostics, and every local file that was
     * read (inputs and the files they import, transitively: what the result depends on).
     */
    public record Loaded(int files, List<CompiledFile> compiled, List<Path> compiledFrom, List<Diagnostic> diagnostics,
                         List<Path> filesRead) {
        public long errors() { return diagnostics.stream().filter(Diagnostic::isError).count(); }
        public long warnings() { return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).count(); }
        public boolean hasErrors() { return errors() > 0; }
    }

    // ------------------------------------------------------------------ collection

    /**
     * Directories are searched recursively for {@code *.dmas} (hidden directories and Maven
     * {@code target} directories skipped); a directory without any {@code .dmas} file contributes its
     * {@code *.json} compiled programs instead. Files are taken as given when they end in .dmas or .json.
     */
    public static Inputs collect(List<String> args) {
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
        return new Inputs(List.copyOf(sources), List.copyOf(compiled), diags);
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
    public static Inputs inputs(List<Path> files, Options o) {
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
        return new Inputs(List.copyOf(sources), List.copyOf(compiled), diags);
    }

    // ------------------------------------------------------------------ loading, validation, lowering

    /**
     * The command line's load: collects the paths as typed ({@link #collect}), loads and validates;
     * lowers the inputs too when {@code lower} is set and there is no error.
     */
    public static Loaded load(List<String> args, boolean lower) {
        return load(collect(args), lower, Options.commandLine());
    }

    /** Loads and validates exactly these files (see {@link #inputs}); lowers them too when {@code lower} is set and there is no error. */
    public static Loaded load(List<Path> files, boolean lower, Options o) {
        return load(inputs(files, o), lower, o);
    }

    /** Loads and validates the collected inputs; lowers them too when {@code lower} is set and there is no error. */
    public static Loaded load(Inputs in, boolean lower, Options o) {
        List<Diagnostic> diags = new ArrayList<>(in.diagnostics());
        List<CompiledFile> out = new ArrayList<>();
        List<Path> from = new ArrayList<>();
        Set<Path> read = new LinkedHashSet<>();
        if (!in.sources().isEmpty()) loadSources(in.sources(), lower, o, diags, out, from, read);
        for (Path p : in.compiled()) {
            CompiledFile f = readCompiled(p, o, diags);
            read.add(p);
            if (f != null) {
                out.add(f);
                from.add(p);
            }
        }
        diags.sort(Diagnostic.ORDER);
        boolean errors = diags.stream().anyMatch(Diagnostic::isError);
        boolean none = errors || !lower;
        return new Loaded(in.sources().size() + in.compiled().size(), none ? List.of() : List.copyOf(out),
                none ? List.of() : List.copyOf(from), diags, List.copyOf(read));
    }

    private static void loadSources(List<Path> sources, boolean lower, Options o, List<Diagnostic> diags, List<CompiledFile> out,
                                    List<Path> from, Set<Path> read) {
        Injector inj = injector();
        XtextResourceSet rs = inj.getInstance(XtextResourceSet.class);
        // this injector's factory, not whichever setup registered last in EMF's global registry (the IDE has two)
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("dmas", inj.getInstance(IResourceFactory.class));
        rs.getLoadOptions().put(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name());
        ImportPath importPath = new ImportPath(o.importPath());
        rs.setURIConverter(new LocalFilesOnly(importPath));
        List<Resource> inputs = new ArrayList<>();
        List<String> inputNames = new ArrayList<>();
        int done = 0;
        for (Path p : sources) {
            String name = o.display(p);
            if (!readableText(p, name, diags)) {
                inputs.add(null);
                inputNames.add(name);
                o.progress().step(Progress.Stage.PARSE, ++done, sources.size(), name);
                continue;
            }
            try {
                inputs.add(rs.getResource(URI.createFileURI(p.toString()), true));
            } catch (RuntimeException | StackOverflowError e) {
                if (isStackOverflow(e)) diags.add(tooDeep(p, name));
                else diags.add(Diagnostic.error(name, 0, 0, "cannot read: " + message(e)));
                inputs.add(null);
            }
            inputNames.add(name);
            o.progress().step(Progress.Stage.PARSE, ++done, sources.size(), name);
        }
        try {
            EcoreUtil.resolveAll(rs);
        } catch (RuntimeException | StackOverflowError e) {
            diags.add(Diagnostic.error(inputNames.get(0), 0, 0, "cannot resolve names: " + message(e)));
        }
        IResourceValidator validator = inj.getInstance(IResourceValidator.class);
        Set<Resource> validated = new HashSet<>();
        done = 0;
        int total = countLocal(rs), counted = rs.getResources().size();
        for (int i = 0; i < rs.getResources().size(); i++) { // imports may add resources while we go
            Resource r = rs.getResources().get(i);
            if (!validated.add(r) || !r.isLoaded() || !(r instanceof XtextResource)) continue;
            Path local = localFile(rs, r);
            if (local != null) read.add(local);
            if (!r.getURI().isFile()) continue; // a library file from the import path (a jar): the library's own build checks it
            if (!Files.isRegularFile(Path.of(r.getURI().toFileString()))) continue; // a missing import: reported at the import
            String name = displayName(r, o);
            try {
                for (Issue issue : validator.validate(r, CheckMode.ALL, CancelIndicator.NullImpl)) diags.add(toDiagnostic(name, issue));
            } catch (RuntimeException | StackOverflowError e) {
                diags.add(Diagnostic.error(name, 0, 0, "cannot validate: " + message(e)));
            }
            checkImports(r, name, o, importPath, rs, diags);
            if (rs.getResources().size() != counted) {
                counted = rs.getResources().size();
                total = countLocal(rs);
            }
            o.progress().step(Progress.Stage.VALIDATE, ++done, Math.max(done, total), name);
        }
        for (int i = 0; i < inputs.size(); i++) {
            Resource r = inputs.get(i);
            if (r == null) continue;
            Model m = model(r);
            String name = inputNames.get(i);
            boolean fileHasErrors = diags.stream().anyMatch(d -> d.isError() && d.file().equals(name));
            if (!fileHasErrors && (m == null || m.getImports().isEmpty() && m.getElements().isEmpty())) {
                diags.add(new Diagnostic(name, 1, 1, Diagnostic.Severity.WARNING,
                        "empty file: no platform, device, scenario or benchmark", "dmas.cli.empty-file"));
            }
        }
        if (!lower || diags.stream().anyMatch(Diagnostic::isError)) return;
        DmasLowering lowering = new DmasLowering();
        for (int i = 0; i < inputs.size(); i++) {
            Resource r = inputs.get(i);
            String name = inputNames.get(i);
            Model m = model(r);
            if (m == null) {
                out.add(new CompiledFile(name, List.of(), List.of()));
                from.add(sources.get(i));
            } else {
                try {
                    out.add(lowering.lower(m, name));
                    from.add(sources.get(i));
                } catch (RuntimeException | StackOverflowError e) {
                    diags.add(Diagnostic.error(name, 0, 0, "cannot compile (a check the validator misses): " + message(e)));
                }
            }
            o.progress().step(Progress.Stage.LOWER, i + 1, inputs.size(), name);
        }
    }

    /** The local file a resource was read from (its own file, or where a classpath: import led), or null (a jar entry, not loaded). */
    private static Path localFile(XtextResourceSet rs, Resource r) {
        try {
            URI n = rs.getURIConverter().normalize(r.getURI());
            return n.isFile() ? Path.of(n.toFileString()).toAbsolutePath().normalize() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int countLocal(XtextResourceSet rs) {
        int n = 0;
        for (Resource r : rs.getResources()) if (r.isLoaded() && r instanceof XtextResource && r.getURI().isFile()) n++;
        return n;
    }

    private static Model model(Resource r) {
        return r != null && !r.getContents().isEmpty() && r.getContents().get(0) instanceof Model m ? m : null;
    }

    /** False (with a diagnostic) for files that are not UTF-8 text: binary garbage is refused before the parser sees it. */
    private static boolean readableText(Path p, String name, List<Diagnostic> diags) {
        byte[] bytes;
        try {
            if (Files.size(p) > MAX_FILE_BYTES) {
                diags.add(Diagnostic.error(name, 0, 0, "file too large (over " + (MAX_FILE_BYTES >> 20) + " MiB)"));
                return false;
            }
            bytes = Files.readAllBytes(p);
        } catch (IOException | RuntimeException e) {
            diags.add(Diagnostic.error(name, 0, 0, "cannot read: " + message(e)));
            return false;
        }
        int bad = -1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                bad = i;
                break;
            }
        }
        if (bad < 0) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
                return true;
            } catch (CharacterCodingException e) {
                bad = firstInvalidUtf8(bytes);
            }
        }
        int line = 1, col = 1;
        for (int i = 0; i < bad && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                col = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                col++;
            }
        }
        diags.add(new Diagnostic(name, line, col, Diagnostic.Severity.ERROR, String.format(
                "not a text file: byte 0x%02x at offset %d is %s (scenario files are UTF-8 text)", bytes[Math.max(0, bad)] & 0xff,
                bad, bytes[Math.max(0, bad)] == 0 ? "a NUL" : "not valid UTF-8"), "dmas.cli.binary-file"));
        return false;
    }

    private static int firstInvalidUtf8(byte[] b) {
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        var outBuf = java.nio.CharBuffer.allocate(b.length + 1);
        var res = dec.decode(in, outBuf, true);
        return res.isError() ? in.position() : 0;
    }

    private static Diagnostic toDiagnostic(String file, Issue i) {
        Diagnostic.Severity s = switch (i.getSeverity()) {
            case ERROR -> Diagnostic.Severity.ERROR;
            case WARNING -> Diagnostic.Severity.WARNING;
            default -> Diagnostic.Severity.INFO;
        };
        int line = i.getLineNumber() == null ? 0 : i.getLineNumber();
        int col = i.getColumn() == null ? 0 : i.getColumn();
        if (line == 0 && i.getOffset() != null) line = 1;
        return new Diagnostic(file, line, col, s, Text.oneLine(i.getMessage()), i.getCode());
    }

    /** An import naming a file that does not exist is an error at the import (Xtext only says the names do not resolve). */
    private static void checkImports(Resource r, String name, Options o, ImportPath importPath, XtextResourceSet rs,
                                     List<Diagnostic> diags) {
        Model m = model(r);
        if (m == null) return;
        for (Import imp : m.getImports()) {
            String u = imp.getImportURI();
            if (u == null) continue;
            ICompositeNode node = NodeModelUtils.findActualNodeFor(imp);
            int line = node == null ? 1 : node.getStartLine();
            int col = node == null ? 1 : NodeModelUtils.getLineAndColumn(node, node.getOffset()).getColumn();
            String problem;
            try {
                URI resolved = URI.createURI(u).resolve(r.getURI());
                if (ImportPath.SCHEME.equals(resolved.scheme()) && !importPath.isEmpty()) {
                    URI found = importPath.find(resolved);
                    if (found == null) problem = "imported file not found on the import path: " + u;
                    else if (found.isFile() && !Files.isRegularFile(Path.of(found.toFileString()))) {
                        problem = "imported file not found: " + o.display(Path.of(found.toFileString()));
                    } else continue;
                } else if (!resolved.isFile()) problem = "import \"" + u + "\": only local files can be imported";
                else if (!Files.isRegularFile(Path.of(resolved.toFileString()))) {
                    problem = "imported file not found: " + o.display(Path.of(resolved.toFileString()));
                } else continue;
            } catch (RuntimeException e) {
                problem = "import \"" + u + "\": not a valid path";
            }
            final int l = line;
            boolean already = diags.stream().anyMatch(d -> d.isError() && d.file().equals(name) && d.line() == l
                    && d.message().toLowerCase(java.util.Locale.ROOT).contains("import"));
            if (!already) diags.add(new Diagnostic(name, line, col, Diagnostic.Severity.ERROR, Text.oneLine(problem), "dmas.cli.import-not-found"));
        }
    }

    private static String displayName(Resource r, Options o) {
        URI u = r.getURI();
        return u.isFile() ? o.display(Path.of(u.toFileString())) : u.toString();
    }

    private static CompiledFile readCompiled(Path p, Options o, List<Diagnostic> diags) {
        String name = o.display(p);
        try {
            // checks shape and ranges (errors name the JSON path); the steps are labelled with the file run
            return ProgramJson.readCompiledFile(Files.readString(p), name);
        } catch (IOException | RuntimeException e) {
            String m = message(e);
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

    public static boolean isStackOverflow(Throwable e) {
        return ErrorText.isStackOverflow(e);
    }

    /** The parser ran out of stack: point at the first place where brackets nest deeper than anyone writes by hand. */
    private static Diagnostic tooDeep(Path p, String name) {
        int line = 1, col = 1, depth = 0;
        try {
            String text = Files.readString(p);
            int l = 1, c = 1;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '(' || ch == '{') {
                    if (++depth == 200) {
                        line = l;
                        col = c;
                    }
                } else if (ch == ')' || ch == '}') {
                    depth--;
                }
                if (ch == '\n') {
                    l++;
                    c = 1;
                } else {
                    c++;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // keep 1:1
        }
        return new Diagnostic(name, line, col, Diagnostic.Severity.ERROR,
                "nested too deeply for the parser (calls or blocks nested hundreds of levels deep)", "dmas.cli.too-deep");
    }

    /** A throwable as one line for the user: the innermost useful message, without Java class names. */
    public static String message(Throwable e) {
        return ErrorText.of(e);
    }

    /**
     * Reads local files only: an import of an http: or platform: URI never leaves the machine.
     * {@code classpath:} URIs are looked up on the import path (a directory's file, or a jar's entry).
     */
    private static final class LocalFilesOnly extends ExtensibleURIConverterImpl {
        private final ImportPath importPath;

        LocalFilesOnly(ImportPath importPath) {
            this.importPath = importPath;
        }

        @Override public URI normalize(URI uri) {
            if (ImportPath.SCHEME.equals(uri.scheme())) {
                URI found = importPath.find(uri);
                if (found != null) return found;
            }
            return super.normalize(uri);
        }

        @Override public InputStream createInputStream(URI uri, Map<?, ?> options) throws IOException {
            if (!isLocal(normalize(uri))) throw new IOException("only local files can be imported: " + uri);
            return super.createInputStream(uri, options);
        }

        @Override public boolean exists(URI uri, Map<?, ?> options) {
            return isLocal(normalize(uri)) && super.exists(uri, options);
        }

        private static boolean isLocal(URI u) {
            return u.isFile() || ImportPath.isLocalArchive(u);
        }
    }
}
