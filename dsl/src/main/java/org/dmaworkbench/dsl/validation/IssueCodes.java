package org.dmaworkbench.dsl.validation;

/**
 * Issue codes of the language's diagnostics, shared by the validators and the quick fixes
 * (dsl.ide code actions): a fix reads what it needs from the issue data, never re-analyses.
 */
public interface IssueCodes {
    String PREFIX = "org.dmaworkbench.dsl.";
}
