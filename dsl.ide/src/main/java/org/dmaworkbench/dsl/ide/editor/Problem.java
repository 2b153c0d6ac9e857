package org.dmaworkbench.dsl.ide.editor;

import java.util.List;

/**
 * One validation issue of an open document, as the editor shows it (squiggle, marker) and as a
 * quick fix reads it back: issue code and data as the validators wrote them. Lines are 1-based.
 */
public record Problem(Severity severity, String message, String code, List<String> data, int offset, int length, int line) {
    public enum Severity { ERROR, WARNING, INFO }
}
