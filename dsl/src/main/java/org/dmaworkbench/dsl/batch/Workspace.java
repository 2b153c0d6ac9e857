package org.dmaworkbench.dsl.cli;

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
import org.dmaworkbench.dsl.DmasStandaloneSetup;
import org.dmaworkbench.dsl.dmas.Import;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.lowering.DmasLowering;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.program.ProgramJson;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ExtensibleURIConverterImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
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
 */
final class Workspace {
    /** Diagnostics shown per file at most in the text output (all of them go to the JSON report). */
    static final int MAX_SHOWN_PER_FILE = 25;
    /** Input files larger than this are refused rather than parsed. */
    static final long MAX_FILE_BYTES = 64L << 20;

    private static Injector injector;

    private Workspace() { }

    /** The language's injector, created once per JVM (about a second). */
    static synchronized Injector injector() {
        if (injector == null) injector = new DmasStandaloneSetup().createInjectorAndDoEMFRegistration();
        return injector;
    }

    /** The inputs after collection: .dmas sources, compiled .json programs, and what went wrong. */
    record Inputs(List<Path> sources, List<Path> compiled, List<Diagnostic> diagnostics) {
        boolean isEmpty() { return sources.isEmpty() && compiled.isEmpty(); }
    }

    /** Everything loaded: the compiled files (inputs only, in input order; empty unless lowered) and all diagnostics. */
    record Loaded(int files, List<CompiledFile> compiled, List<Diagnostic> diagnostics) {
        long errors() { return diagnostics.stream().filter(Diagnostic::isError).count(); }
        long warnings() { return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).count(); }
        boolean hasErrors() { return errors() > 0; }
    }

    // ------------------------------------------------------------------ collection

    /**
     * Directories are searched recursively for {@code *.dmas} (hidden directories and Maven
     * {@code target} directories skipped); a directory without any {@code .dmas} file contributes its
     * {@code *.json} compiled programs instead. Files are taken as given when they end in .dmas or .json.
     */
    static Inputs collect(List<String> args) {
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

    // ------------------------------------------------------------------ loading, validation, lowering

    /** Collects, loads and validates; lowers the inputs too when {@code lower} is set and there is no error. */
    static Loaded load(List<String> args, boolean lower) {
        Inputs in = collect(args);
        List<Diagnostic> diags = new ArrayList<>(in.diagnostics());
        List<CompiledFile> out = new ArrayList<>();
        if (!in.sources().isEmpty()) loadSources(in.sources(), lower, diags, out);
        for (Path p : in.compiled()) {
            CompiledFile f = readCompiled(p, diags);
            if (f != null) out.add(f);
        }
        diags.sort(Diagnostic.ORDER);
        boolean errors = diags.stream().anyMatch(Diagnostic::isError);
        return new Loaded(in.sources().size() + in.compiled().size(), errors || !lower ? List.of() : out, diags);
    }

    private static void loadSources(List<Path> sources, boolean lower, List<Diagnostic> diags, List<CompiledFile> out) {
        Injector inj = injector();
        XtextResourceSet rs = inj.getInstance(XtextResourceSet.class);
        rs.getLoadOptions().put(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name());
        rs.setURIConverter(new LocalFilesOnly());
        List<Resource> inputs = new ArrayList<>();
        List<String> inputNames = new ArrayList<>();
        for (Path p : sources) {
            String name = Text.display(p);
            if (!readableText(p, name, diags)) {
                inputs.add(null);
                inputNames.add(name);
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
        }
        try {
            EcoreUtil.resolveAll(rs);
        } catch (RuntimeException | StackOverflowError e) {
            diags.add(Diagnostic.error(inputNames.get(0), 0, 0, "cannot resolve names: " + message(e)));
        }
        IResourceValidator validator = inj.getInstance(IResourceValidator.class);
        Set<Resource> validated = new HashSet<>();
        for (int i = 0; i < rs.getResources().size(); i++) { // imports may add resources while we go
            Resource r = rs.getResources().get(i);
            if (!validated.add(r) || !r.isLoaded() || !(r instanceof XtextResource)) continue;
            if (r.getURI().isFile() && !Files.isRegularFile(Path.of(r.getURI().toFileString()))) continue; // a missing import: reported at the import
            String name = displayName(r);
            try {
                for (Issue issue : validator.validate(r, CheckMode.ALL, CancelIndicator.NullImpl)) diags.add(toDiagnostic(name, issue));
            } catch (RuntimeException | StackOverflowError e) {
                diags.add(Diagnostic.error(name, 0, 0, "cannot validate: " + message(e)));
            }
            checkImports(r, name, diags);
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
                continue;
            }
            try {
                out.add(lowering.lower(m, name));
            } catch (RuntimeException | StackOverflowError e) {
                diags.add(Diagnostic.error(name, 0, 0, "cannot compile (a check the validator misses): " + message(e)));
            }
        }
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
    private static void checkImports(Resource r, String name, List<Diagnostic> diags) {
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
                if (!resolved.isFile()) problem = "import \"" + u + "\": only local files can be imported";
                else if (!Files.isRegularFile(Path.of(resolved.toFileString()))) {
                    problem = "imported file not found: " + Text.display(Path.of(resolved.toFileString()));
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

    private static String displayName(Resource r) {
        URI u = r.getURI();
        return u.isFile() ? Text.display(Path.of(u.toFileString())) : u.toString();
    }

    private static CompiledFile readCompiled(Path p, List<Diagnostic> diags) {
        String name = Text.display(p);
        try {
            CompiledFile f = ProgramJson.readCompiledFile(Files.readString(p));
            String problem = structureProblem(f);
            if (problem != null) {
                diags.add(Diagnostic.error(name, 0, 0, "malformed compiled program: " + problem));
                return null;
            }
            return new CompiledFile(name, // the file that was run; its scenarios keep their source file names
                    f.scenarios() == null ? List.of() : f.scenarios().stream().filter(java.util.Objects::nonNull).toList(),
                    f.benchmarks() == null ? List.of() : f.benchmarks().stream().filter(java.util.Objects::nonNull).toList());
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

    private static final java.util.regex.Pattern JAVA_EXCEPTION_PREFIX =
            java.util.regex.Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ");

    static boolean isStackOverflow(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) if (t instanceof StackOverflowError) return true;
        return false;
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

    /** What a compiled program lacks that the runner needs (Gson leaves missing fields null), or null. */
    private static String structureProblem(CompiledFile f) {
        if (f.scenarios() != null) {
            for (var sc : f.scenarios()) {
                if (sc == null) continue;
                String which = "scenario \"" + sc.name() + "\"";
                if (sc.platform() == null) return which + " has no platform";
                if (sc.devices() == null || sc.devices().contains(null)) return which + " has no device list";
                if (sc.platform().iommus() == null || sc.platform().iommus().contains(null)) return which + ": the platform has no IOMMU list";
                String s = stepsProblem(sc.steps());
                if (s != null) return which + ": " + s;
            }
        }
        if (f.benchmarks() != null) {
            for (var b : f.benchmarks()) {
                if (b == null) continue;
                if (b.platform() == null || b.platform().iommus() == null || b.devices() == null) {
                    return "benchmark \"" + b.name() + "\" has no platform or devices";
                }
            }
        }
        return null;
    }

    private static String stepsProblem(List<org.dmaworkbench.runtime.program.Step> steps) {
        if (steps == null) return "no steps";
        for (var st : steps) {
            if (st == null || st.op() == null) return "a step without an operation";
            if (st.args() == null || st.args().contains(null)) return "line " + st.line() + ": a step without arguments";
            if ("repeat".equals(st.op())) {
                String s = stepsProblem(st.body());
                if (s != null) return s;
            }
        }
        return null;
    }

    static String message(Throwable e) {
        if (isStackOverflow(e)) return "input nested too deeply (stack overflow)";
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t instanceof org.eclipse.emf.common.util.WrappedException)) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (t instanceof java.nio.file.NoSuchFileException) m = "no such file: " + m;
        if (m == null || m.isBlank()) return t.getClass().getSimpleName();
        int see = m.indexOf("\nSee https://");
        if (see >= 0) m = m.substring(0, see); // Gson's troubleshooting link
        m = JAVA_EXCEPTION_PREFIX.matcher(m).replaceAll(""); // "java.lang.IllegalStateException: " and the like
        return Text.oneLine(m.isBlank() ? t.getClass().getSimpleName() : m);
    }

    /** Reads local files only: an import of an http: or platform: URI never leaves the machine. */
    private static final class LocalFilesOnly extends ExtensibleURIConverterImpl {
        @Override public InputStream createInputStream(URI uri, Map<?, ?> options) throws IOException {
            if (!uri.isFile()) throw new IOException("only local files can be imported: " + uri);
            return super.createInputStream(uri, options);
        }
    }
}
