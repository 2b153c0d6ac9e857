package org.dmaworkbench.dsl.ui.editor;

import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;

/** Bracket matching for {@code ( )}, {@code { }} and {@code [ ]}. */
public class DmasBracketMatcher extends DefaultCharacterPairMatcher {
    public DmasBracketMatcher() {
        super(new char[] { '(', ')', '{', '}', '[', ']' });
    }
}
