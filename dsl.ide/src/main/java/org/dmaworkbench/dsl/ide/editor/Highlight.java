package org.dmaworkbench.dsl.ide.editor;

/** A semantically highlighted region: {@code style} is one of {@code DmasHighlightingStyles}. */
public record Highlight(int offset, int length, String style) { }
