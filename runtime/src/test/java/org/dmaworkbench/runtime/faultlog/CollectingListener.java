package org.dmaworkbench.runtime.faultlog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Everything a {@link KernelLogReader} reported, in order, as a user would see it. */
final class CollectingListener implements FaultLogListener {
    final List<DecodedFault> faults = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<String> suppressed = new ArrayList<>();
    final List<String> lost = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    long suppressedTotal;

    @Override public void fault(DecodedFault f) {
        faults.add(f);
        events.add("fault " + f.location() + " " + f.codeName());
    }

    @Override public void warning(String fileName, long line, String message) {
        warnings.add(fileName + ":" + line + ": " + message);
        events.add("warning " + fileName + ":" + line);
    }

    @Override public void suppressed(String fileName, long line, FaultFamily family, long count) {
        suppressed.add(fileName + ":" + line + " " + family + " " + count);
        suppressedTotal += count;
        events.add("suppressed " + fileName + ":" + line);
    }

    @Override public void lost(String fileName, long line, FaultFamily family, String what) {
        lost.add(fileName + ":" + line + " " + family + " " + what);
        events.add("lost " + fileName + ":" + line);
    }

    /** Reads a fixture of src/test/resources/faultlog/ line by line, as the trace command feeds a file. */
    static CollectingListener read(String fixture) {
        CollectingListener l = new CollectingListener();
        String name = fixture.substring(fixture.lastIndexOf('/') + 1);
        try (InputStream in = CollectingListener.class.getResourceAsStream("/faultlog/" + fixture)) {
            if (in == null) throw new IllegalStateException("no fixture " + fixture);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            KernelLogReader reader = new KernelLogReader(name, l);
            long n = 0;
            for (String line; (line = r.readLine()) != null; ) reader.line(++n, line);
            reader.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return l;
    }

    /** Reads the given lines (numbered from 1) as file "t.log". */
    static CollectingListener readLines(String... lines) {
        CollectingListener l = new CollectingListener();
        KernelLogReader reader = new KernelLogReader("t.log", l);
        for (int i = 0; i < lines.length; i++) reader.line(i + 1, lines[i]);
        reader.end();
        return l;
    }

    DecodedFault at(long line) {
        for (DecodedFault f : faults) if (f.line() == line) return f;
        throw new AssertionError("no fault decoded at line " + line + "; faults: " + events + " warnings: " + warnings);
    }
}
