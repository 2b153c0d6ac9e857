package org.dmaworkbench.dsl.ide.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.xtext.ide.server.Document;
import org.junit.jupiter.api.Test;

/** The line index answers exactly as Xtext's scanning {@link Document} does. */
class IndexedDocumentTest {

    @Test
    void positionsAndOffsetsAgreeWithXtextsDocument() {
        for (String text : List.of("", "a", "\n", "ab\ncd", "ab\r\ncd\r\n", "x\n\n\ny", "scenario \"s\" on p {\n    probe d\n}\n", "a\rb")) {
            Document plain = new Document(1, text);
            IndexedDocument indexed = new IndexedDocument(1, text);
            for (int o = 0; o <= text.length(); o++) {
                if (o > 0 && text.charAt(o - 1) == '\r' && o < text.length() && text.charAt(o) == '\n') continue; // inside \r\n
                Position p = plain.getPosition(o);
                assertEquals(p, indexed.getPosition(o), "offset " + o + " of " + text.replace("\n", "\\n").replace("\r", "\\r"));
                assertEquals(plain.getOffSet(p), indexed.getOffSet(p));
            }
        }
    }

    @Test
    void positionsOutsideTheTextAreRefused() {
        IndexedDocument d = new IndexedDocument(1, "ab\ncd");
        assertThrows(IndexOutOfBoundsException.class, () -> d.getPosition(6));
        assertThrows(IndexOutOfBoundsException.class, () -> d.getOffSet(new Position(2, 0)));
        assertThrows(IndexOutOfBoundsException.class, () -> d.getOffSet(new Position(0, 3)));
    }
}
