package org.dmaworkbench.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {
    @TempDir
    Path tmp;

    private String hash(Path input, Map<String, String> params) {
        return new Fingerprint().add("goal", "run").add(params).addFile("input", input).hash();
    }

    @Test
    void contentAndParametersChangeTheHashTimeStampsDoNot() throws IOException {
        Path f = tmp.resolve("a.dmas");
        Files.writeString(f, "scenario");
        String h = hash(f, Map.of("formats", "json"));
        assertEquals(h, hash(f, Map.of("formats", "json")));
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(0));
        assertEquals(h, hash(f, Map.of("formats", "json")), "a touched but unchanged file is still up to date");
        assertNotEquals(h, hash(f, Map.of("formats", "json,html")));
        Files.writeString(f, "scenario 2");
        assertNotEquals(h, hash(f, Map.of("formats", "json")));
        Files.delete(f);
        assertEquals("missing", Fingerprint.contentHash(f));
    }

    @Test
    void theFileRoundTrips() throws IOException {
        Path file = tmp.resolve("target/dmas/run.fingerprint");
        assertNull(Fingerprint.read(file));
        Path out = tmp.resolve("report.json");
        var s = new Fingerprint.Stored("abc", "2 scenarios", List.of(tmp.resolve("x.dmas")), List.of(out));
        Fingerprint.write(file, s);
        assertEquals(s, Fingerprint.read(file));
        assertFalse(Fingerprint.read(file).outputsExist());
        Files.writeString(out, "{}");
        assertTrue(Fingerprint.read(file).outputsExist());
        Files.writeString(file, "garbage");
        assertNull(Fingerprint.read(file));
    }
}
