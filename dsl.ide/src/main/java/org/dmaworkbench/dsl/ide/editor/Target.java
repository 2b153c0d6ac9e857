package org.dmaworkbench.dsl.ide.editor;

/**
 * Where a hyperlink goes: the declaration's file URI, offset, length and 1-based line; and the
 * linked text in the source document ({@code fromOffset}, {@code fromLength}).
 */
public record Target(int fromOffset, int fromLength, String uri, int offset, int length, int line) { }
