package org.dmaworkbench.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTest {
    @TempDir
    Path tmp;

    @Test
    void antPatterns() {
        SourceScanner all = new SourceScanner(null, null, null);
        assertTrue(all.selected("a.dmas"));
        assertTrue(all.selected("x/y/a.dmas"));
        assertFalse(all.selected("a.json"));
        SourceScanner top = new SourceScanner(List.of("*.dmas"), List.of("draft-*"), null);
        assertTrue(top.selected("a.dmas"));
        assertFalse(top.selected("platforms/a.dmas"));
        assertFalse(top.selected("draft-a.dmas"));
        SourceScanner dir = new SourceScanner(List.of("platforms/"), List.of("**/old/**"), null);
        assertTrue(dir.selected("platforms/a.dmas"));
        assertTrue(dir.selected("platforms/x/a.dmas"));
        assertFalse(dir.selected("platforms/old/a.dmas"));
        assertFalse(dir.selected("a.dmas"));
        assertTrue(new SourceScanner(List.of("?.dmas"), null, null).selected("a.dmas"));
        assertFalse(new SourceScanner(List.of("?.dmas"), null, null).selected("ab.dmas"));
    }

    @Test
    void theBuildDirectoryAndHiddenDirectoriesAreNotEntered() throws IOException {
        for (String f : List.of("a.dmas", "sub/b.dmas", "target/dmas/c.dmas", ".git/d.dmas", "sub/target/e.dmas")) {
            Path p = tmp.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "");
        }
        List<Path> found = new SourceScanner(null, null, tmp.resolve("target")).scan(tmp);
        assertEquals(List.of(tmp.resolve("a.dmas"), tmp.resolve("sub/b.dmas"), tmp.resolve("sub/target/e.dmas")), found);
        assertEquals(List.of(), new SourceScanner(null, null, null).scan(tmp.resolve("missing")));
    }
}
