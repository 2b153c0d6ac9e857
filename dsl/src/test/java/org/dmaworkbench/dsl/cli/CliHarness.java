package org.dmaworkbench.dsl.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process (picocli's execute) with captured stdout and stderr. */
final class CliHarness {
    static final String GOOD = "src/test/resources/cli/good";
    static final String BAD = "src/test/resources/cli/bad";

    private CliHarness() { }

    record Result(int exit, String out, String err) {
        String all() { return out + err; }

        /** No Java exception text and no stack frame ever reaches the user. */
        Result assertNoStackTrace() {
            String a = all();
            assertFalse(a.contains("Exception"), () -> "exception text in the output:\n" + a);
            assertFalse(a.contains("\tat "), () -> "stack trace in the output:\n" + a);
            assertFalse(a.contains("internal error"), () -> "internal error:\n" + a);
            return this;
        }

        @Override public String toString() { return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err; }
    }

    static Result dmas(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DmasCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
