package org.dmaworkbench.dsl.ide.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dmaworkbench.dsl.ide.AbstractDmasLanguageServerTest;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * What a client gets for requests a server cannot answer as asked: the protocol's error codes with
 * a message naming the problem (never -32603 "Internal error" with a stack trace), answers at the
 * nearest position for positions past a line or the file, and a visible message when a change does
 * not fit the server's text.
 */
class ProtocolErrorsTest extends AbstractDmasLanguageServerTest {
    private static final String TEXT = "import \"platforms/spr.dmas\"\nscenario \"s\" on spr {\n    probe dsa0\n}\n";

    private static ResponseError error(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ResponseErrorException, e::toString);
        return ((ResponseErrorException) e.getCause()).getResponseError();
    }

    @Test
    void anUnknownMethodIsMethodNotFound() {
        workspace();
        ResponseError e = error(languageServer.request("dmas/noSuchMethod", null));
        Assertions.assertEquals(ResponseErrorCode.MethodNotFound.getValue(), e.getCode(), e::toString);
        Assertions.assertEquals("unknown method: dmas/noSuchMethod", e.getMessage());
    }

    @Test
    void aDocumentNeitherOpenNorOnDiskIsInvalidParams() {
        workspace();
        String missing = root.toURI().resolve("nope.dmas").toString();
        ResponseError e = error(languageServer.hover(new HoverParams(doc(missing), new Position(0, 0))));
        Assertions.assertEquals(ResponseErrorCode.InvalidParams.getValue(), e.getCode(), e::toString);
        assertTrue(e.getMessage().contains("nope.dmas") && e.getMessage().contains("not open"), e::getMessage);
        ResponseError c = error(languageServer.completion(new CompletionParams(doc(missing), new Position(0, 0))));
        Assertions.assertEquals(ResponseErrorCode.InvalidParams.getValue(), c.getCode(), c::toString);
    }

    @Test
    void aFileOnDiskAnswersWithoutBeingOpened() throws Exception {
        workspace("closed.dmas", TEXT);
        String uri = root.toURI().resolve("closed.dmas").toString();
        var hover = languageServer.hover(new HoverParams(doc(uri), new Position(2, 6))).get(30, TimeUnit.SECONDS);
        assertTrue(hover.getContents().getRight().getValue().contains("probe"), hover::toString);
    }

    @Test
    void positionsPastTheLineOrTheFileMeanItsEnd() throws Exception {
        workspace();
        String uri = openFile("s.dmas", TEXT);
        // past the end of "    probe dsa0": the end of that line, where the hover of dsa0 is
        var pastLine = languageServer.hover(new HoverParams(doc(uri), new Position(2, 500))).get(30, TimeUnit.SECONDS);
        assertNotNull(pastLine);
        var pastFile = languageServer.completion(new CompletionParams(doc(uri), new Position(9999, 99))).get(30, TimeUnit.SECONDS);
        assertTrue(pastFile.getRight().getItems().stream().anyMatch(i -> i.getLabel().equals("scenario")),
                "at the end of the file, top-level keywords are proposed: " + pastFile);
    }

    @Test
    void aChangeOutsideTheDocumentIsReportedAndNotApplied() throws Exception {
        workspace();
        String uri = openFile("c.dmas", TEXT);
        TextDocumentContentChangeEvent bad = new TextDocumentContentChangeEvent(new Range(new Position(40, 0), new Position(40, 1)), "x");
        languageServer.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2), List.of(bad)));
        MessageParams shown = null;
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); shown == null && System.nanoTime() < end; ) {
            synchronized (notifications) {
                shown = notifications.stream().filter(n -> n.getKey().equals("window/showMessage"))
                        .map(n -> (MessageParams) n.getValue()).findFirst().orElse(null);
            }
            if (shown == null) Thread.sleep(50);
        }
        assertNotNull(shown, "the client is told");
        Assertions.assertEquals(MessageType.Error, shown.getType());
        assertTrue(shown.getMessage().contains("line 41") && shown.getMessage().contains("has 5 lines")
                && shown.getMessage().contains("Close and reopen"), shown::getMessage);
        // the server's text is unchanged: a valid change after it still lands where the client meant
        TextDocumentContentChangeEvent good = new TextDocumentContentChangeEvent(new Range(new Position(2, 4), new Position(2, 9)), "unbind");
        languageServer.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 3), List.of(good)));
        var hover = languageServer.hover(new HoverParams(doc(uri), new Position(2, 6))).get(30, TimeUnit.SECONDS);
        assertTrue(hover.getContents().getRight().getValue().contains("unbind"), hover::toString);
    }
}
