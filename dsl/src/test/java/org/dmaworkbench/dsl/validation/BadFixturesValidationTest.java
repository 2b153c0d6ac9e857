package org.dmaworkbench.dsl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.xtext.diagnostics.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad fixture marks each line that must have diagnostics with {@code //! code code ...}: the
 * issues (errors and warnings) of the file are exactly those, line by line: nothing missing, nothing
 * extra (no syntax or linking error either). The per-concern tests check ranges, severities and data.
 */
class BadFixturesValidationTest {

    static Stream<Path> badFiles() {
        return ValidationFixture.dmasFiles(ValidationFixture.ROOT.resolve("bad")).stream();
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void issuesAreExactlyTheMarkedOnes(Path file) {
        ValidationFixture f = ValidationFixture.load(file);
        List<String> expected = new ArrayList<>();
        String[] lines = f.text.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            int m = lines[k].indexOf("//!");
            if (m < 0) continue;
            for (String code : lines[k].substring(m + 3).trim().split("\\s+")) expected.add((k + 1) + " " + code);
        }
        List<String> actual = new ArrayList<>();
        f.issues.stream().filter(i -> i.getSeverity() != Severity.INFO)
                .forEach(i -> actual.add(i.getLineNumber() + " " + (i.getCode() == null ? "?" : i.getCode().replace(IssueCodes.PREFIX, ""))));
        expected.sort(null);
        actual.sort(null);
        assertFalse(expected.isEmpty(), "a bad fixture without markers tests nothing");
        assertEquals(String.join("\n", expected), String.join("\n", actual), () -> file.getFileName() + ":" + f.describe());
    }
}
