package org.dmaworkbench.dsl.ide.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dmaworkbench.dsl.ide.AbstractDmasLanguageServerTest;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server indexes (and publishes diagnostics for) in a workspace folder: its own files, nothing a link leads out to. */
class WorkspaceIndexTest extends AbstractDmasLanguageServerTest {
    private static final String BROKEN = "scenario \"s\" on nowhere {\n    probe dsa0\n}\n";

    @Test
    void linksOutOfTheFolderAreNotFollowed(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("secret.dmas"), BROKEN);
        Files.createDirectories(outside.resolve("deep"));
        Files.writeString(outside.resolve("deep/other.dmas"), BROKEN);
        Path ws = root.toPath();
        Files.createSymbolicLink(ws.resolve("linked"), outside);
        Files.createSymbolicLink(ws.resolve("alias.dmas"), outside.resolve("secret.dmas"));
        Files.createDirectories(ws.resolve("sub"));
        Files.writeString(ws.resolve("sub/mine.dmas"), BROKEN);
        Files.createSymbolicLink(ws.resolve("again.dmas"), ws.resolve("sub/mine.dmas"));
        workspace();
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); published("mine.dmas").isEmpty() && System.nanoTime() < end; ) {
            Thread.sleep(50);
        }
        Assertions.assertEquals(1, published("sub/mine.dmas").size(), "the folder's own file is indexed: " + getDiagnostics().keySet());
        Assertions.assertEquals(1, published("again.dmas").size(), "a link to a file inside the folder is read");
        Assertions.assertEquals(List.of(), published("secret.dmas"), "a file outside reached through links: " + getDiagnostics().keySet());
        Assertions.assertEquals(List.of(), published("alias.dmas"));
        Assertions.assertEquals(List.of(), published("other.dmas"));
    }

    private List<String> published(String suffix) {
        return getDiagnostics().entrySet().stream().filter(e -> e.getKey().endsWith(suffix) && !e.getValue().isEmpty())
                .map(java.util.Map.Entry::getKey).toList();
    }
}
