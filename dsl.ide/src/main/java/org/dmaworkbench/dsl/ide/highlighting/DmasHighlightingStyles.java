package org.dmaworkbench.dsl.ide.highlighting;

/**
 * Highlighting style ids. They are LSP semantic token types and modifiers (the language server's
 * legend lists them), and the Eclipse editor maps the same ids to colours (the lexical ones,
 * keyword to number, it colours with its own scanner as the user types).
 */
public interface DmasHighlightingStyles {
    /** A kernel call: {@code dma_map_single(...)}; with {@link #KNOWN_CALL} when the runtime models it. */
    String KERNEL_FUNCTION = "function";
    /** Modifier of calls the runtime's call table knows. */
    String KNOWN_CALL = "defaultLibrary";
    /** A handle ({@code pasid kp}, {@code dma_addr a}); with {@link #DECLARATION} where declared. */
    String HANDLE = "variable";
    /** A device ({@code struct device}); with {@link #DECLARATION} where declared. */
    String DEVICE = "struct";
    /** A platform or IOMMU name. */
    String PLATFORM = "namespace";
    /** A handle type keyword ({@code pasid}, {@code buffer}, {@code dma_addr}, ...). */
    String HANDLE_TYPE = "type";
    /** Expectation keywords: {@code expect}, {@code ok}, {@code fault}, {@code finding}, {@code dma-debug}. */
    String EXPECTATION = "decorator";
    /** An expected constant: fault class, finding kind, {@code IOMMU_PASID_INVALID}, {@code true}, ... */
    String EXPECTED_VALUE = "enumMember";
    /** A counter of {@code check}. */
    String COUNTER = "property";
    /** A keyword no semantic style claims ({@code scenario}, {@code on}, {@code probe}, ...). */
    String KEYWORD = "keyword";
    /** A {@code //} or {@code /* *}{@code /} comment. */
    String COMMENT = "comment";
    /** A string literal. */
    String STRING = "string";
    /** A number: decimal, hex, a BDF. */
    String NUMBER = "number";
    /** Modifier: the name is declared here. */
    String DECLARATION = "declaration";
}
