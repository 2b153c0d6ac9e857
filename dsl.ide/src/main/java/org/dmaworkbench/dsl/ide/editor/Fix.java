package org.dmaworkbench.dsl.ide.editor;

import java.util.List;
import org.eclipse.lsp4j.TextEdit;

/** A quick fix for one problem: its title and the edits it makes to the document. */
public record Fix(String title, List<TextEdit> edits) { }
