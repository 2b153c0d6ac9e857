package org.dmaworkbench.dsl.ui.editor;

import org.eclipse.swt.graphics.Color;

/** Editor colours (SWT colours made from RGB need no disposal). */
final class Colors {
    private Colors() { }

    static Color get(int r, int g, int b) {
        return new Color(r, g, b);
    }
}
