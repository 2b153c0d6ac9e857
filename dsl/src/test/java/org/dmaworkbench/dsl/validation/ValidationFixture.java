package org.dmaworkbench.dsl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.inject.Injector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dmaworkbench.dsl.DmasStandaloneSetup;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

/**
 * Loads .dmas files from disk (imports resolved relative to them, as the CLI and the editor do),
 * validates them with the language's own injector and answers questions about the issues.
 */
final class ValidationFixture {
    static final Injector INJECTOR = new DmasStandaloneSetup().createInjectorAndDoEMFRegistration();
    static final Path ROOT = Path.of("src/test/resources/validation").toAbsolutePath();

    final Path file;
    final String text;
    final List<Issue> issues;

    private ValidationFixture(Path file, String text, List<Issue> issues) {
        this.file = file;
        this.text = text;
        this.issues = issues;
    }

    /** {@code name} relative to src/test/resources/validation, e.g. "bad/calls.dmas". */
    static ValidationFixture of(String name) {
        return load(ROOT.resolve(name));
    }

    static ValidationFixture load(Path file) {
        XtextResourceSet rs = INJECTOR.getInstance(XtextResourceSet.class);
        Resource r = rs.getResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()), true);
        EcoreUtil.resolveAll(rs);
        List<Issue> issues = INJECTOR.getInstance(IResourceValidator.class).validate(r, CheckMode.ALL, CancelIndicator.NullImpl);
        return new ValidationFixture(file, read(file), issues);
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> dmasFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".dmas")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Issue> withCode(String code) {
        return issues.stream().filter(i -> code.equals(i.getCode())).toList();
    }

    /**
     * Asserts exactly one issue with {@code code} whose range is exactly {@code token} on the one line whose
     * code (before any {@code //!} marker) contains {@code lineSnippet}: the token's last occurrence inside
     * the snippet, or else its first one after it. The squiggle lands on the offending token, on that line,
     * with that severity.
     */
    Issue assertAt(String code, Severity severity, String lineSnippet, String token) {
        String[] lines = text.split("\n", -1);
        int lineNo = -1, offset = 0, lineStart = 0;
        for (int k = 0; k < lines.length; k++) {
            String codePart = codePart(lines[k]);
            if (codePart.contains(lineSnippet)) {
                if (lineNo > 0) fail("'" + lineSnippet + "' is on lines " + lineNo + " and " + (k + 1) + " of " + file.getFileName());
                lineNo = k + 1;
                int start = codePart.indexOf(lineSnippet);
                int at = lineSnippet.contains(token) ? start + lineSnippet.lastIndexOf(token)
                        : codePart.indexOf(token, start + lineSnippet.length());
                if (at < 0) fail("line " + lineNo + " of " + file.getFileName() + " has no '" + token + "'");
                offset = lineStart + at;
            }
            lineStart += lines[k].length() + 1;
        }
        if (lineNo < 0) fail(file.getFileName() + " has no line with '" + lineSnippet + "'");
        final int at = offset, line = lineNo;
        List<Issue> hits = withCode(code).stream().filter(i -> i.getOffset() == at).toList();
        assertEquals(1, hits.size(), () -> "expected one " + code + " on '" + token + "' (line " + line + ") of " + file.getFileName()
                + "; issues:" + describe());
        Issue i = hits.get(0);
        assertEquals(severity, i.getSeverity(), i::getMessage);
        assertEquals(line, i.getLineNumber(), i::getMessage);
        assertEquals(token.length(), (int) i.getLength(), () -> "range of " + i.getMessage());
        return i;
    }

    static String codePart(String line) {
        int marker = line.indexOf("//!");
        return marker < 0 ? line : line.substring(0, marker);
    }

    void assertNoErrorsOrWarnings() {
        List<Issue> bad = issues.stream().filter(i -> i.getSeverity() != Severity.INFO).toList();
        assertTrue(bad.isEmpty(), () -> file.getFileName() + ": " + describe());
    }

    String describe() {
        return issues.stream().map(ValidationFixture::describe).collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    static String describe(Issue i) {
        String code = i.getCode() == null ? "-" : i.getCode().replace(IssueCodes.PREFIX, "");
        return i.getLineNumber() + ":" + i.getColumn() + " " + i.getSeverity() + " " + code + " " + i.getMessage()
                + (i.getData() == null || i.getData().length == 0 ? "" : " " + List.of(i.getData()));
    }
}
