package org.dmaworkbench.dsl.batch;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text a streamed report writes before it knows what comes in front of it (a scenario's steps before
 * its verdict, the files before the run's summary): kept in a hidden file beside the report (deleted
 * when the report is finished or abandoned, and at exit), or in memory for a report rendered to a
 * string. Writes go through {@link #writer}; {@link #copyTo} hands the text on and empties the spill.
 * The files are written with {@code java.io} streams, which an interrupt does not close (NIO channels
 * would: the IDE cancels a run by interrupting its thread, and the reports of what ran must still be
 * written).
 */
final class Spill {
    private final Path file;
    private final RandomAccessFile raf;
    private final StringBuilder memory;
    private Writer writer;

    private Spill(Path file, RandomAccessFile raf, StringBuilder memory) {
        this.file = file;
        this.raf = raf;
        this.memory = memory;
        this.writer = newWriter();
    }

    /** A spill in {@code dir} (which exists), named after the report it belongs to. */
    static Spill inFile(Path dir, String name) throws IOException {
        Path f = dir.resolve("." + name + ".part");
        RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw");
        raf.setLength(0);
        f.toFile().deleteOnExit(); // an interrupted run (Ctrl+C) leaves no spill behind
        return new Spill(f, raf, null);
    }

    static Spill inMemory() {
        return new Spill(null, null, new StringBuilder());
    }

    /** A UTF-8 writer of {@code p} (replaced), buffered, not closed by an interrupt. */
    static Writer fileWriter(Path p) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(new FileOutputStream(p.toFile()), StandardCharsets.UTF_8), 1 << 16);
    }

    private Writer newWriter() {
        if (memory != null) {
            return new Writer() {
                @Override public void write(char[] c, int off, int len) { memory.append(c, off, len); }
                @Override public void write(String s, int off, int len) { memory.append(s, off, off + len); }
                @Override public void flush() { }
                @Override public void close() { }
            };
        }
        OutputStream out = new OutputStream() {
            @Override public void write(int b) throws IOException { raf.write(b); }
            @Override public void write(byte[] b, int off, int len) throws IOException { raf.write(b, off, len); }
        };
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    Writer writer() { return writer; }

    /** Appends everything written so far to {@code out} and empties the spill. */
    void copyTo(Writer out) throws IOException {
        writer.flush();
        if (memory != null) {
            out.append(memory);
            memory.setLength(0);
            return;
        }
        raf.seek(0);
        InputStream in = new InputStream() {
            @Override public int read() throws IOException { return raf.read(); }
            @Override public int read(byte[] b, int off, int len) throws IOException { return raf.read(b, off, len); }
        };
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buf = new char[1 << 16];
        for (int n; (n = r.read(buf)) > 0; ) out.write(buf, 0, n);
        raf.setLength(0);
        raf.seek(0);
        writer = newWriter();
    }

    /** Removes the spill. */
    void delete() {
        if (raf == null) return;
        try {
            raf.close();
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a spill that cannot be removed is hidden and replaced by the next run
        }
    }
}
