package org.dmaworkbench.dsl.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text a streamed report keeps aside: handed on whole, emptied, removed; an interrupt (the IDE's Cancel) does not break it. */
class SpillTest {
    @TempDir
    Path dir;

    @Test
    void writtenTextIsHandedOnWholeAlsoWhileTheThreadIsInterrupted() throws Exception {
        Spill s = Spill.inFile(dir, "r.json");
        String line = "step \u00e9\u4e2d\uD83D\uDCA9 0123456789 abcdefghijklmnopqrstuvwxyz\n"; // multi-byte UTF-8 across buffer ends
        StringBuilder want = new StringBuilder();
        Thread.currentThread().interrupt();
        try {
            for (int i = 0; i < 5000; i++) {
                s.writer().write(line);
                want.append(line);
            }
            StringWriter got = new StringWriter();
            s.copyTo(got);
            assertEquals(want.toString(), got.toString());
            assertTrue(Thread.currentThread().isInterrupted(), "the flag is left for the runner to see");
        } finally {
            Thread.interrupted();
        }
        s.writer().write("second");
        StringWriter again = new StringWriter();
        s.copyTo(again);
        assertEquals("second", again.toString(), "a copied spill starts empty");
        assertTrue(Files.exists(dir.resolve(".r.json.part")));
        s.delete();
        assertFalse(Files.exists(dir.resolve(".r.json.part")));
    }
}
