package org.dmaworkbench.dsl.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Text a streamed report writes before it knows what comes in front of it (a scenario's steps before
 * its verdict, the files before the run's summary): kept in a hidden file beside the report (deleted
 * when copied out, on {@link #delete} and at exit), or in memory for a report rendered to a string.
 * Writes go through {@link #writer}; {@link #copyTo} hands the text on and empties the spill.
 */
final class Spill {
    private final Path file;
    private final FileChannel channel;
    private final StringBuilder memory;
    private Writer writer;

    private Spill(Path file, FileChannel channel, StringBuilder memory) {
        this.file = file;
        this.channel = channel;
        this.memory = memory;
        this.writer = newWriter();
    }

    /** A spill in {@code dir} (which exists), named after the report it belongs to. */
    static Spill inFile(Path dir, String name) throws IOException {
        Path f = dir.resolve("." + name + ".part");
        FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        f.toFile().deleteOnExit(); // an interrupted run (Ctrl+C) leaves no spill behind
        return new Spill(f, ch, null);
    }

    static Spill inMemory() {
        return new Spill(null, null, new StringBuilder());
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
        return new BufferedWriter(Channels.newWriter(new Unclosable(channel), StandardCharsets.UTF_8), 1 << 16);
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
        channel.position(0);
        Reader in = Channels.newReader(new Unclosable(channel), StandardCharsets.UTF_8);
        char[] buf = new char[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
        channel.truncate(0);
        channel.position(0);
        writer = newWriter();
    }

    /** Removes the spill. */
    void delete() {
        try {
            if (channel != null) {
                channel.close();
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a spill that cannot be removed is hidden and replaced by the next run
        }
    }

    /** A channel whose close leaves it open (the writers and readers over it come and go; the spill closes it). */
    private static final class Unclosable implements java.nio.channels.ByteChannel {
        private final FileChannel ch;

        Unclosable(FileChannel ch) { this.ch = ch; }

        @Override public int read(java.nio.ByteBuffer dst) throws IOException { return ch.read(dst); }
        @Override public int write(java.nio.ByteBuffer src) throws IOException { return ch.write(src); }
        @Override public boolean isOpen() { return ch.isOpen(); }
        @Override public void close() { }
    }
}
