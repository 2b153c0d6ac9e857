package org.dmaworkbench.dsl.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundled examples, broken the way editing breaks them (a token deleted, doubled, replaced by a
 * bracket, two swapped, the text cut anywhere), through parse, link, every validator, lowering and
 * the runner: nothing may throw or be logged, and every diagnostic names a line.
 */
class MutatedExamplesTest {
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    private static final Pattern TOKEN = Pattern.compile("\"[^\"\\n]*\"|[A-Za-z_][A-Za-z0-9_.-]*|0x[0-9a-fA-F_]+|[0-9]+|\\S");
    private static final String[] INSERTS = {"(", ")", "{", "}", ",", "expect", "0xffffffffffffffff", "-", "\r", "\uFEFF", "repeat 1000000 {"};

    @Test
    void brokenExamplesGetDiagnosticsAndNothingThrows() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".dmas") && !p.getFileName().toString().startsWith("11-")).sorted().toList();
        }
        Random random = new Random(10);
        int mutants = 0;
        try (LoggedErrors logged = new LoggedErrors()) {
            for (Path file : files) {
                String text = Files.readString(file);
                List<int[]> tokens = new ArrayList<>();
                Matcher m = TOKEN.matcher(text);
                while (m.find()) tokens.add(new int[] {m.start(), m.end()});
                for (int n = 0; n < 40; n++) {
                    int k = random.nextInt(tokens.size());
                    int[] t = tokens.get(k);
                    String mutant = switch (n % 5) {
                        case 0 -> text.substring(0, t[0]) + text.substring(t[1]);
                        case 1 -> text.substring(0, t[1]) + " " + text.substring(t[0], t[1]) + text.substring(t[1]);
                        case 2 -> text.substring(0, t[0]) + INSERTS[random.nextInt(INSERTS.length)] + text.substring(t[1]);
                        case 3 -> k + 1 < tokens.size() ? swap(text, t, tokens.get(k + 1)) : text;
                        default -> text.substring(0, t[1]);
                    };
                    Pipeline p = Pipeline.runAs(file, mutant);
                    assertTrue(p.issues.stream().allMatch(i -> i.getLineNumber() != null && i.getLineNumber() > 0), p::describe);
                    mutants++;
                }
            }
            assertEquals(List.of(), logged.messages(), "logged while checking " + mutants + " mutants");
        }
        assertTrue(mutants >= 300, "mutants: " + mutants);
    }

    private static String swap(String text, int[] a, int[] b) {
        return text.substring(0, a[0]) + text.substring(b[0], b[1]) + text.substring(a[1], b[0]) + text.substring(a[0], a[1]) + text.substring(b[1]);
    }
}
