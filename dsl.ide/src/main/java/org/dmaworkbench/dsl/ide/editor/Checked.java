package org.dmaworkbench.dsl.ide.editor;

import java.util.List;

/** What one background check of a document's text found: its problems and its semantic highlighting. */
public record Checked(int version, List<Problem> problems, List<Highlight> highlights) { }
