package org.dmaworkbench.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.dmaworkbench.dsl.ui.editor.Snippet;
import org.junit.jupiter.api.Test;

/** Template text as the language server writes it, as the editor inserts it. */
class SnippetTest {

    @Test
    void placeholdersMirrorsChoicesAndTheExit() {
        Snippet s = Snippet.parse("pasid ${2:kp} = f(${1:dsa0})\nattach($1, $2) dir ${3|to-device,from-device|}\n$0\\}");
        assertEquals("pasid kp = f(dsa0)\nattach(dsa0, kp) dir to-device\n}", s.text());
        assertEquals(List.of(2, 1, 1, 2, 3), s.stops().stream().map(Snippet.Stop::number).toList());
        Snippet.Stop first = s.first();
        assertEquals(1, first.number());
        assertEquals(s.text().indexOf("dsa0"), first.offset());
        assertEquals(4, first.length());
        assertEquals(List.of("to-device", "from-device"), s.stops().get(4).choices());
        assertEquals(s.text().lastIndexOf('}'), s.exit());
    }

    @Test
    void plainTextHasNoStopsAndEndsAtItsEnd() {
        Snippet s = Snippet.parse("probe");
        assertEquals("probe", s.text());
        assertEquals(List.of(), s.stops());
        assertEquals(5, s.exit());
    }
}
