package org.dmaworkbench.dsl.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.dmaworkbench.dsl.validation.IssueCodes;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The first-guess corpus (src/test/resources/first-guesses, see its README): each guess works or is answered. */
class FirstGuessesTest {

    static Stream<Path> guesses() throws IOException {
        return Files.list(Pipeline.DIR).filter(p -> p.toString().endsWith(".dmas")).sorted();
    }

    @ParameterizedTest
    @MethodSource("guesses")
    void eachGuessWorksOrIsAnswered(Path file) throws IOException {
        String text = Files.readString(file);
        Pipeline p;
        try (LoggedErrors logged = new LoggedErrors()) {
            p = Pipeline.run(text);
            assertEquals(List.of(), logged.messages(), "nothing logged");
        }
        String[] lines = text.split("\n", -1);
        List<String> expected = new ArrayList<>();
        String firstError = null;
        int firstErrorLine = -1;
        for (int k = 0; k < lines.length; k++) {
            int m = lines[k].indexOf("//!");
            if (m >= 0) for (String code : lines[k].substring(m + 3).trim().split("\\s+")) expected.add((k + 1) + " " + code);
            int q = lines[k].indexOf("//?");
            if (q >= 0) {
                firstError = lines[k].substring(q + 3).trim();
                firstErrorLine = k + 1;
            }
        }
        if (firstError != null) {
            Issue first = p.errors().stream().min(Comparator.comparingInt(Issue::getOffset)).orElseThrow(() -> new AssertionError("no error"));
            assertEquals(firstErrorLine, first.getLineNumber(), p::describe);
            assertTrue(first.getMessage().contains(firstError), p::describe);
            return;
        }
        List<String> actual = new ArrayList<>();
        for (Issue i : p.errorsAndWarnings()) actual.add(i.getLineNumber() + " " + code(i));
        expected.sort(null);
        actual.sort(null);
        assertEquals(String.join("\n", expected), String.join("\n", actual), () -> file.getFileName() + ":" + p.describe());
        if (expected.isEmpty()) {
            assertFalse(p.results.isEmpty(), "a guess that works runs");
            assertTrue(p.results.stream().allMatch(r -> r.passed() && r.error() == null), p::describe);
        }
    }

    private static String code(Issue i) {
        return i.getCode() == null ? "?" : i.getCode().replace(IssueCodes.PREFIX, "");
    }

    static boolean isError(Issue i) {
        return i.getSeverity() == Severity.ERROR;
    }
}
