package org.dmaworkbench.dsl.validation;

/**
 * Issue codes of the language's diagnostics, shared by the validators and the quick fixes
 * (dsl.ide code actions): a fix reads what it needs from the issue data, never re-analyses.
 * Each constant says its severity and its issue data ({@code data[0]}, {@code data[1]}, ...).
 */
public interface IssueCodes {
    String PREFIX = "org.dmaworkbench.dsl.";

    // ---------------------------------------------------------------- calls and handles (CallValidator, HandleValidator, DmaOperandValidator)
    /** Error on the function name; data: [closest known call] when one is close, else none. */
    String UNKNOWN_CALL = PREFIX + "unknown-call";
    /** Error on the function name of a call the kernel renamed or removed; data: [the current name] when one replaces it, else none. */
    String RENAMED_CALL = PREFIX + "renamed-call";
    /** Error on a name that resolves to nothing (linking); data: [the spelling to use] when one is plain (a symbol in upper case), else none. */
    String UNRESOLVED_NAME = PREFIX + "unresolved-name";
    /** Error on the call name (too few) or the first surplus argument; data: [usage, e.g. "dma_map_single(dev, buffer, size, dir)"]. */
    String WRONG_ARG_COUNT = PREFIX + "wrong-arg-count";
    /** Error on the argument; data: [expected type, e.g. "buffer"] or, for symbols, the accepted spellings. */
    String ARG_TYPE_MISMATCH = PREFIX + "arg-type-mismatch";
    /** Error on the handle keyword; data: [the handle keyword of the call's result, e.g. "buffer"], none when no handle can hold it. */
    String HANDLE_TYPE_MISMATCH = PREFIX + "handle-type-mismatch";
    /** Warning on the handle name (shadows an earlier handle or a device); data: [name]. */
    String DUPLICATE_HANDLE = PREFIX + "duplicate-handle";

    // ---------------------------------------------------------------- devices and platforms (IommuValidator, DeviceValidator, UniquenessValidator, PlatformReachValidator)
    /** Error on the device reference; data: [device, platform]. */
    String DEVICE_NOT_ON_PLATFORM = PREFIX + "device-not-on-platform";
    /** Error on the arch name; data: [closest known arch] or none. */
    String UNKNOWN_IOMMU_ARCH = PREFIX + "unknown-iommu-arch";
    /** Error on the BDF (or the device name when it has none); no data. */
    String MALFORMED_BDF = PREFIX + "malformed-bdf";
    /** Error on the BDF; data: [the other device]. */
    String DUPLICATE_BDF = PREFIX + "duplicate-bdf";
    /** Error on pasid-bits above 20; data: ["20"]. */
    String PASID_BITS_RANGE = PREFIX + "pasid-bits-range";
    /** Warning on the device's pasid-bits; data: [the IOMMU's pasid-bits, "0" when it has none]. */
    String PASID_BITS_CLIPPED = PREFIX + "pasid-bits-clipped";
    /** Error on dma-mask / dma-bits outside 12..64; data: [nearest valid value]. */
    String DMA_MASK_RANGE = PREFIX + "dma-mask-range";
    /** Warning on address-width not 39, 48 or 57; data: [nearest of those]. */
    String ADDRESS_WIDTH = PREFIX + "address-width";
    /** Error on the 'non-coherent' keyword of a device also declared 'coherent'; no data. */
    String COHERENCE_CONFLICT = PREFIX + "coherence-conflict";
    /** Warning on the title of a scenario or benchmark whose title an earlier one in the file has (reports could not tell them apart); data: [title]. */
    String DUPLICATE_TITLE = PREFIX + "duplicate-title";
    /** Error on the name of a platform, device or IOMMU declared twice among the files one file sees; data: [name]. */
    String DUPLICATE_NAME = PREFIX + "duplicate-name";

    // ---------------------------------------------------------------- PASIDs (PasidValidator)
    /** Error on the PASID argument; data: [largest valid PASID]. */
    String PASID_OUT_OF_RANGE = PREFIX + "pasid-out-of-range";
    /** Error on the PASID argument of a device without usable PASIDs; data: [device]. */
    String PASID_UNSUPPORTED = PREFIX + "pasid-unsupported";

    // ---------------------------------------------------------------- expectations (ExpectationKindValidator, ExpectationValueValidator)
    /** Error on the whole expectation: the statement can never produce it; no data. */
    String EXPECT_IMPOSSIBLE = PREFIX + "expect-impossible";
    /** Error on the fault code; data: [the architecture's code, e.g. "0x85"]. */
    String WRONG_FAULT_CODE = PREFIX + "wrong-fault-code";
    /** Error on an errno written without its minus ({@code expect EINVAL}); data: [the errno with it, "-EINVAL"]. */
    String ERRNO_SIGN = PREFIX + "errno-sign";
    /** Error on the message string; data: [closest dma-debug message] or none. */
    String UNKNOWN_DMA_DEBUG_MESSAGE = PREFIX + "unknown-dma-debug-message";
    /** Error on the errno name; data: [closest errno] or none. */
    String UNKNOWN_ERRNO = PREFIX + "unknown-errno";
    /** Error on the counter name; data: closest counter names, best first. */
    String UNKNOWN_COUNTER = PREFIX + "unknown-counter";

    // ---------------------------------------------------------------- DMA-API hygiene (MappingErrorCheckValidator, UnmapValidator)
    /** Warning on the handle name; data: [device, handle] (the fix inserts {@code dma_mapping_error(dev, h)} after the declaration). */
    String MISSING_MAPPING_ERROR_CHECK = PREFIX + "missing-mapping-error-check";
    /** Error on the address argument of dma_unmap_*; no data. */
    String UNMAP_NOT_MAPPED = PREFIX + "unmap-not-mapped";
    /** Warning on the size argument; data: [the size given to dma_map_*, as written]. */
    String UNMAP_SIZE_MISMATCH = PREFIX + "unmap-size-mismatch";
    /** Warning on the direction argument; data: [the direction given to dma_map_*]. */
    String UNMAP_DIRECTION_MISMATCH = PREFIX + "unmap-direction-mismatch";

    // ---------------------------------------------------------------- trust (TrustValidator)
    /** Warning on the mode argument; data: [device, mode] (the fix adds {@code expect IOMMU_PASID_INVALID} or uses IOVA). */
    String KVA_UNTRUSTED = PREFIX + "kva-untrusted";

    // ---------------------------------------------------------------- units and sizes (SizeValidator, LimitsValidator)
    /** Warning on a size argument of 0; no data. */
    String ZERO_SIZE = PREFIX + "zero-size";
    /** Warning on a size above what the allocator can give; data: [the limit in bytes]. */
    String SIZE_TOO_LARGE = PREFIX + "size-too-large";
    /** Error on an alloc_pages order above MAX_PAGE_ORDER; data: ["10"]. */
    String ORDER_TOO_LARGE = PREFIX + "order-too-large";
    /** Warning on {@code len 0}; no data. */
    String ZERO_LENGTH = PREFIX + "zero-length";
    /** Error above ScenarioRunner.MAX_REPEAT, warning for 0; data: [MAX_REPEAT]. */
    String REPEAT_COUNT = PREFIX + "repeat-count";
    /** Error on a number that does not fit (on the token: too large, no digits) or whose unit overflows it; no data. */
    String NUMBER_RANGE = PREFIX + "number-range";
    /** Error on repeats nested so that their body runs more than ScenarioRunner.MAX_REPEAT times; data: [MAX_REPEAT]. */
    String REPEAT_PRODUCT = PREFIX + "repeat-product";
    /** Error on a benchmark's threads or iterations outside the runner's bounds (or 0); data: [nearest valid value]. */
    String BENCHMARK_BOUNDS = PREFIX + "benchmark-bounds";
    /** Warning on a duration above one hour; no data. */
    String LONG_DURATION = PREFIX + "long-duration";
    /** Error on a cost override that names no CostModel component; data: [closest component] or none. */
    String UNKNOWN_COST = PREFIX + "unknown-cost";

    // ---------------------------------------------------------------- syntax (DmasSyntaxErrorMessages, SyntaxHabitsValidator)
    /** Error on the token the parser could not read; no data. Messages say what was expected there and after which token. */
    String SYNTAX = PREFIX + "syntax";
    /** Error on a size unit the language does not spell ({@code 4K}, {@code 4KB}); data: [the unit to write, e.g. "KiB"]. */
    String SIZE_UNIT = PREFIX + "size-unit";
    /** Warning on a C statement end ';' (read as a blank); no data (the fix removes it). */
    String STRAY_SEMICOLON = PREFIX + "stray-semicolon";

    // ---------------------------------------------------------------- files and imports (ImportValidator, DmasResourceValidator, the batch loader)
    /** Warning at 1:1 on a file without any platform, device, scenario or benchmark (empty, or comments only); no data. */
    String EMPTY_FILE = PREFIX + "empty-file";
    /** Error on the import's string: no such file next to the importing file, or on the import path; no data. */
    String IMPORT_NOT_FOUND = PREFIX + "import-not-found";
    /** Error on the import's string: an absolute path or a URI (file:, http:, ...) instead of a relative path or classpath:; no data. */
    String IMPORT_NOT_RELATIVE = PREFIX + "import-not-relative";
    /** Error on the import's string: it leads outside the project and the declared import path ({@code ..}, a symbolic link); no data. */
    String IMPORT_OUTSIDE_PROJECT = PREFIX + "import-outside-project";
    /** Error on the import's string: a folder, a device or a pipe, not a regular file; no data. */
    String IMPORT_NOT_REGULAR = PREFIX + "import-not-regular";
    /** Error on the import's string: the file is larger than the loader reads; no data. */
    String IMPORT_TOO_LARGE = PREFIX + "import-too-large";
    /** Error on the import's string: not a {@code .dmas} file; no data. */
    String IMPORT_NOT_DMAS = PREFIX + "import-not-dmas";
    /** Error on the import's string: {@code import ""}; no data. */
    String IMPORT_EMPTY = PREFIX + "import-empty";
    /** Error at the first byte that is not UTF-8 text (a NUL, invalid UTF-8), or on a file that is not a regular file: refused before parsing; no data. */
    String NOT_TEXT = PREFIX + "not-text";
    /** Error at 0:0 on an input larger than the loader reads; no data. */
    String FILE_TOO_LARGE = PREFIX + "file-too-large";
    /** Error where brackets first nest deeper than the parser's stack allows; no data. */
    String NESTED_TOO_DEEP = PREFIX + "nested-too-deep";
}
