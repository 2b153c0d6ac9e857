package org.dmaworkbench.dsl.lang;

import com.google.inject.Injector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dmaworkbench.dsl.DmasStandaloneSetup;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.lowering.DmasLowering;
import org.dmaworkbench.runtime.program.CompiledFile;
import org.dmaworkbench.runtime.run.ScenarioResult;
import org.dmaworkbench.runtime.run.ScenarioRunner;
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
 * A scenario text through the language's own path: parse (as a file in {@link #DIR}, so imports
 * resolve relative to it), link, validate with every validator, and, when nothing is an error,
 * lower and run each scenario.
 */
final class Pipeline {
    static final Injector INJECTOR = new DmasStandaloneSetup().createInjectorAndDoEMFRegistration();
    /** Holds {@code platforms/lab.dmas}: spr (VT-d, dsa0, tbt_nic), ampere (SMMUv3, nic1), sifive, legacy. */
    static final Path DIR = Path.of("src/test/resources/first-guesses").toAbsolutePath();

    final String text;
    final List<Issue> issues;
    final List<ScenarioResult> results;

    private Pipeline(String text, List<Issue> issues, List<ScenarioResult> results) {
        this.text = text;
        this.issues = issues;
        this.results = results;
    }

    static Pipeline check(String text) {
        return run(text, false);
    }

    /** The bytes of a file as they are on disk (a byte-order mark, say). */
    static Pipeline check(byte[] bytes) {
        return run(new String(bytes, StandardCharsets.UTF_8), bytes, false);
    }

    static Pipeline run(String text) {
        return run(text, true);
    }

    private static Pipeline run(String text, boolean execute) {
        return run(text, text.getBytes(StandardCharsets.UTF_8), execute);
    }

    private static Pipeline run(String text, byte[] bytes, boolean execute) {
        return run(DIR.resolve("guess.dmas"), text, bytes, execute);
    }

    /** {@code text} as the contents of {@code file} (its imports resolve next to it), run when it has no errors. */
    static Pipeline runAs(Path file, String text) {
        return run(file, text, text.getBytes(StandardCharsets.UTF_8), true);
    }

    private static Pipeline run(Path file, String text, byte[] bytes, boolean execute) {
        XtextResourceSet rs = INJECTOR.getInstance(XtextResourceSet.class);
        Resource r = rs.createResource(URI.createFileURI(file.toString()));
        try {
            r.load(new ByteArrayInputStream(bytes), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EcoreUtil.resolveAll(rs);
        List<Issue> issues = INJECTOR.getInstance(IResourceValidator.class).validate(r, CheckMode.ALL, CancelIndicator.NullImpl);
        List<ScenarioResult> results = List.of();
        if (execute && !r.getContents().isEmpty() && issues.stream().noneMatch(i -> i.getSeverity() == Severity.ERROR)) {
            CompiledFile f = new DmasLowering().lower((Model) r.getContents().get(0), "guess.dmas");
            ScenarioRunner runner = new ScenarioRunner();
            results = f.scenarios().stream().map(runner::run).toList();
        }
        return new Pipeline(text, issues, results);
    }

    List<Issue> errors() {
        return issues.stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
    }

    List<Issue> errorsAndWarnings() {
        return issues.stream().filter(i -> i.getSeverity() != Severity.INFO).toList();
    }

    String describe() {
        return issues.stream().map(i -> "\n  " + i.getLineNumber() + ":" + i.getColumn() + " " + i.getSeverity() + " "
                + i.getCode() + ": " + i.getMessage()).collect(Collectors.joining())
                + results.stream().map(r -> "\n  " + r.name() + ": " + (r.passed() ? "passed" : r.failures() + " " + r.error()))
                        .collect(Collectors.joining());
    }
}
