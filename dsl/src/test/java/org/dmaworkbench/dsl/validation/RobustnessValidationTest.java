package org.dmaworkbench.dsl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mutated fixtures (every prefix, every line removed, scrambled bytes, huge numbers, empty and binary
 * files) go through parse, link and validation without an exception anywhere, and still get
 * diagnostics with a line. Xtext logs (and swallows) exceptions of validators: a logged error fails.
 */
class RobustnessValidationTest {
    private final List<String> logged = new ArrayList<>();
    private final AppenderSkeleton appender = new AppenderSkeleton() {
        @Override protected void append(LoggingEvent e) {
            if (e.getLevel().isGreaterOrEqual(Level.ERROR)) logged.add(e.getRenderedMessage());
        }
        @Override public void close() { }
        @Override public boolean requiresLayout() { return false; }
    };

    @BeforeEach
    void listen() {
        Logger.getRootLogger().addAppender(appender);
    }

    @AfterEach
    void stopListening() {
        Logger.getRootLogger().removeAppender(appender);
    }

    @Test
    void mutatedFixturesValidateWithoutExceptions() {
        List<Path> files = new ArrayList<>(ValidationFixture.dmasFiles(ValidationFixture.ROOT));
        files.addAll(ValidationFixture.dmasFiles(Path.of("src/test/resources/contract").toAbsolutePath()));
        Random random = new Random(42);
        int mutants = 0;
        for (Path file : files) {
            String text = ValidationFixture.read(file);
            String[] lines = text.split("\n", -1);
            for (int k = 0; k < lines.length; k++) {
                validate(file, String.join("\n", List.of(lines).subList(0, k)).getBytes(StandardCharsets.UTF_8));
                List<String> without = new ArrayList<>(List.of(lines));
                without.remove(k);
                validate(file, String.join("\n", without).getBytes(StandardCharsets.UTF_8));
                mutants += 2;
            }
            validate(file, text.replaceAll("\\b[0-9]+\\b", "99999999999999999999999").getBytes(StandardCharsets.UTF_8));
            byte[] scrambled = text.getBytes(StandardCharsets.UTF_8);
            for (int n = 0; n < 20; n++) scrambled[random.nextInt(scrambled.length)] = (byte) random.nextInt(256);
            validate(file, scrambled);
            mutants += 2;
        }
        byte[] garbage = new byte[4096];
        random.nextBytes(garbage);
        List<Issue> issues = validate(files.get(0), garbage);
        assertTrue(issues.stream().allMatch(i -> i.getLineNumber() != null && i.getLineNumber() > 0), "diagnostics carry a line");
        List<Issue> empty = validate(files.get(0), new byte[0]);
        assertEquals(List.of(IssueCodes.EMPTY_FILE), empty.stream().map(Issue::getCode).toList(), "an empty file is one warning");
        assertEquals(Severity.WARNING, empty.get(0).getSeverity());
        assertTrue(mutants > 500, "mutants: " + mutants);
        assertEquals(List.of(), logged.stream().limit(3).toList(), () -> logged.size() + " errors logged during validation");
    }

    /** Validates {@code bytes} as a file beside {@code original}, so that its imports resolve. */
    private List<Issue> validate(Path original, byte[] bytes) {
        XtextResourceSet rs = ValidationFixture.INJECTOR.getInstance(XtextResourceSet.class);
        URI uri = URI.createFileURI(original.getParent().resolve("mutant-" + original.getFileName()).toString());
        Resource r = rs.createResource(uri);
        try {
            r.load(new ByteArrayInputStream(bytes), rs.getLoadOptions());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        EcoreUtil.resolveAll(rs);
        return ValidationFixture.INJECTOR.getInstance(IResourceValidator.class).validate(r, CheckMode.ALL, CancelIndicator.NullImpl);
    }
}
