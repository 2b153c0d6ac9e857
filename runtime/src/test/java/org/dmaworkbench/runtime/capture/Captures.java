package org.dmaworkbench.runtime.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: replays a fixture of src/test/resources/captures/ and keeps everything it reported. */
final class Captures {
    final List<CaptureFinding> findings = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    CaptureResult result;
    String text;

    static Captures replay(String fixture) throws IOException {
        Captures c = new Captures();
        c.text = resource(fixture);
        try (InputStream in = Captures.class.getResourceAsStream("/captures/" + fixture)) {
            c.result = CaptureCheck.check(in, fixture, c.listener());
        }
        return c;
    }

    static Captures replay(InputStream in, String name) throws IOException {
        Captures c = new Captures();
        c.result = CaptureCheck.check(in, name, c.listener());
        return c;
    }

    CaptureListener listener() {
        return new CaptureListener() {
            @Override public void finding(CaptureFinding f) { findings.add(f); }
            @Override public void warning(String file, long line, String message) { warnings.add(file + ":" + line + ": " + message); }
        };
    }

    static String resource(String fixture) throws IOException {
        try (InputStream in = Captures.class.getResourceAsStream("/captures/" + fixture)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The 1-based line of the {@code nth} (1-based) line of the fixture containing all of {@code parts}. */
    long lineOf(int nth, String... parts) {
        String[] lines = text.split("\n", -1);
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            boolean all = true;
            for (String p : parts) all &= lines[i].contains(p);
            if (all && ++seen == nth) return i + 1;
        }
        throw new AssertionError("no line " + nth + " with " + String.join(" & ", parts));
    }

    long lineOf(String... parts) { return lineOf(1, parts); }

    List<CaptureFinding> of(CaptureFinding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /** The only finding at {@code line} whose message contains {@code text}. */
    CaptureFinding at(long line, String text) {
        List<CaptureFinding> m = findings.stream().filter(f -> f.line() == line && f.message().contains(text)).toList();
        if (m.size() != 1) throw new AssertionError(m.size() + " findings at line " + line + " with '" + text + "': " + findings);
        return m.get(0);
    }
}
