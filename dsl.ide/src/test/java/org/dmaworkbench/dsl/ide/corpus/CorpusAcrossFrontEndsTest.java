package org.dmaworkbench.dsl.ide.corpus;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dmaworkbench.dsl.cli.DmasCli;
import org.dmaworkbench.dsl.ide.AbstractDmasLanguageServerTest;
import org.dmaworkbench.dsl.ide.editor.DmasIde;
import org.dmaworkbench.dsl.ide.editor.Problem;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * One corpus of good and bad files ({@code maven-plugin/src/it/corpus}, also the Maven plugin's
 * integration test {@code corpus}, whose {@code verify.groovy} compares the build log with the same
 * {@code expected-diagnostics.txt}) through {@code ./dmas check} and {@code ./dmas run} (in-process),
 * the editor's services and the language server: every front end reports the same diagnostics,
 * word for word at the same line and column, and the same verdicts.
 */
class CorpusAcrossFrontEndsTest extends AbstractDmasLanguageServerTest {
    static final Path CORPUS = Path.of("../maven-plugin/src/it/corpus").toAbsolutePath().normalize();
    private static final Pattern CLI_LINE = Pattern.compile("^(.+?):(\\d+):(\\d+): (error|warning): (.*)$");

    /** The golden list: {@code file:line:col: severity: message}, file relative to the corpus. */
    static List<String> expected() throws IOException {
        return Files.readAllLines(CORPUS.resolve("expected-diagnostics.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).sorted().toList();
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(CORPUS.resolve("src"))) {
            return s.filter(p -> p.toString().endsWith(".dmas")).sorted().toList();
        }
    }

    private static String rel(Path p) {
        return CORPUS.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private record Cli(int exit, String out, String err) { }

    private static Cli dmas(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = DmasCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }

    private static List<String> cli() {
        Cli c = dmas("check", CORPUS.resolve("src").toString());
        Assertions.assertEquals(2, c.exit(), c.err());
        List<String> out = new ArrayList<>();
        for (String line : c.err().lines().toList()) {
            Matcher m = CLI_LINE.matcher(line);
            if (m.matches()) out.add(rel(Path.of(m.group(1))) + ":" + m.group(2) + ":" + m.group(3) + ": " + m.group(4) + ": " + m.group(5));
        }
        return out.stream().sorted().toList();
    }

    private static List<String> editor() throws IOException {
        List<String> out = new ArrayList<>();
        for (Path f : files()) {
            String text = Files.readString(f);
            var checked = DmasIde.services().check(f.toUri().toString(), 1, text, CancelIndicator.NullImpl);
            for (Problem p : checked.problems()) {
                if (p.severity() == Problem.Severity.INFO) continue;
                int lineStart = 0;
                for (int l = 1; l < p.line(); l++) lineStart = text.indexOf('\n', lineStart) + 1;
                out.add(rel(f) + ":" + p.line() + ":" + (p.offset() - lineStart + 1) + ": " + p.severity().name().toLowerCase()
                        + ": " + p.message());
            }
        }
        return out.stream().sorted().toList();
    }

    /** The server's workspace is a copy of the corpus in the base class's temporary root (which the base class deletes afterwards). */
    private List<String> languageServer() throws IOException {
        Path workspace = root.toPath();
        try (Stream<Path> s = Files.walk(CORPUS)) {
            for (Path p : s.toList()) {
                Path to = workspace.resolve(CORPUS.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        initialize(params -> params.setRootUri(workspace.toUri().toString()));
        List<String> out = new ArrayList<>();
        Map<String, List<Diagnostic>> all = new TreeMap<>(getDiagnostics());
        for (Path original : files()) {
            Path f = workspace.resolve(rel(original));
            List<Diagnostic> ds = all.entrySet().stream().filter(e -> Path.of(java.net.URI.create(e.getKey())).equals(f))
                    .flatMap(e -> e.getValue().stream()).toList();
            for (Diagnostic d : ds) {
                if (d.getSeverity() != DiagnosticSeverity.Error && d.getSeverity() != DiagnosticSeverity.Warning) continue;
                out.add(rel(original) + ":" + (d.getRange().getStart().getLine() + 1) + ":" + (d.getRange().getStart().getCharacter() + 1)
                        + ": " + (d.getSeverity() == DiagnosticSeverity.Error ? "error" : "warning") + ": " + d.getMessage().getLeft());
            }
        }
        return out.stream().sorted().toList();
    }

    @Test
    void everyFrontEndReportsTheSameDiagnostics() throws IOException {
        List<String> expected = expected();
        assertFalse(expected.isEmpty());
        Assertions.assertEquals(String.join("\n", expected), String.join("\n", cli()), "./dmas check");
        Assertions.assertEquals(String.join("\n", expected), String.join("\n", editor()), "the editor's services (Eclipse)");
        Assertions.assertEquals(String.join("\n", expected), String.join("\n", languageServer()), "the language server");
    }

    /** Valid files run (0 when every expectation holds, 1 when one does not); a file with an error never runs (2). */
    @Test
    void verdictsFollowTheDiagnostics() throws IOException {
        List<String> expected = expected();
        for (Path f : files()) {
            boolean invalid = expected.stream().anyMatch(l -> l.startsWith(rel(f) + ":") && l.contains(": error: "));
            Cli run = dmas("run", "--format", "text", f.toString());
            int want = invalid ? 2 : f.getFileName().toString().startsWith("good-unmet") ? 1
                    : f.getFileName().toString().startsWith("good-") ? 0 : 2; // platforms and empty files: nothing to run
            Assertions.assertEquals(want, run.exit(), rel(f) + "\n" + run.out() + run.err());
        }
    }
}
