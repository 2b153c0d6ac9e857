package org.dmaworkbench.maven;

import java.io.Writer;
import java.util.function.Consumer;

/** Text handed to a log a line at a time (Maven's log takes lines; the batch writes text). */
final class LogLines extends Writer {
    private final Consumer<String> log;
    private final StringBuilder line = new StringBuilder();

    LogLines(Consumer<String> log) {
        this.log = log;
    }

    @Override public void write(char[] c, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (c[i] == '\n') {
                log.accept(line.toString());
                line.setLength(0);
            } else {
                line.append(c[i]);
            }
        }
    }

    @Override public void flush() { }

    @Override public void close() {
        if (!line.isEmpty()) log.accept(line.toString());
        line.setLength(0);
    }
}
