package org.dmaworkbench.runtime.capture;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The lines of a capture file, read as a stream in bounded memory: gzip-compressed input (magic 1f 8b, any name)
 * is inflated on the fly; LF and CRLF ends; UTF-8 (invalid bytes replaced). Knows whether the last line had its
 * line end (a capture cut off by a full disk or an interrupted copy has none), and whether compressed data ended
 * early. Lines longer than {@link #MAX_LINE} characters are cut there (a trace line is at most a page).
 */
final class LineSource implements AutoCloseable {
    static final int MAX_LINE = 1 << 16;

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int len;
    private byte[] line = new byte[256];
    private boolean eof;
    private boolean lastHadEnd = true;
    private String compressedEndedEarly;
    private final boolean gzip;

    LineSource(InputStream raw) throws IOException {
        BufferedInputStream b = new BufferedInputStream(raw, 2);
        b.mark(2);
        int m0 = b.read();
        int m1 = b.read();
        b.reset();
        gzip = m0 == 0x1f && m1 == 0x8b;
        in = gzip ? new GZIPInputStream(b, 1 << 16) : b;
    }

    /** True when the input was gzip-compressed. */
    boolean compressed() { return gzip; }

    /** The next line without its end, or null at the end of the input. */
    String next() throws IOException {
        int n = 0;
        while (true) {
            if (pos == len && !fill()) {
                if (n == 0) return null;
                lastHadEnd = false;
                return decode(n);
            }
            int start = pos;
            while (pos < len && buf[pos] != '\n') pos++;
            int chunk = pos - start;
            if (n == 0 && pos < len && chunk <= MAX_LINE) {
                pos++;
                int e = chunk > 0 && buf[start + chunk - 1] == '\r' ? chunk - 1 : chunk;
                return new String(buf, start, e, StandardCharsets.UTF_8); // the whole line is in the buffer: no copy
            }
            int room = Math.min(chunk, MAX_LINE - n);
            if (room > 0) {
                if (n + room > line.length) line = Arrays.copyOf(line, Math.max(n + room, line.length * 2));
                System.arraycopy(buf, start, line, n, room);
                n += room;
            }
            if (pos < len) {
                pos++;
                return decode(n);
            }
        }
    }

    /** After {@link #next()} returned null: true when the last line ended without a line end. */
    boolean lastLineCutOff() { return !lastHadEnd; }

    /** Why the compressed data ended before its end (null when it did not). */
    String compressedEndedEarly() { return compressedEndedEarly; }

    private String decode(int n) {
        if (n > 0 && line[n - 1] == '\r') n--;
        return new String(line, 0, n, StandardCharsets.UTF_8);
    }

    private boolean fill() throws IOException {
        if (eof) return false;
        try {
            len = in.read(buf, 0, buf.length);
        } catch (EOFException | ZipException e) {
            compressedEndedEarly = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            len = -1;
        }
        pos = 0;
        if (len <= 0) {
            len = 0;
            eof = true;
            return false;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
