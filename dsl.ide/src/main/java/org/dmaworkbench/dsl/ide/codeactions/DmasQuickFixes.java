package org.dmaworkbench.dsl.ide.codeactions;

import static org.dmaworkbench.dsl.validation.IssueCodes.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The quick fixes of the language, by the issue code they resolve. */
public class DmasQuickFixes {
    private final Map<String, QuickFix> byCode = new LinkedHashMap<>();

    public DmasQuickFixes() {
        for (QuickFix f : List.of(
                new ReplaceWithSuggestionFix(UNKNOWN_CALL, "Change to %s", false, true, false),
                ReplaceWithSuggestionFix.of(RENAMED_CALL, "Change to %s"),
                new ReplaceWithSuggestionFix(UNRESOLVED_NAME, "Change to %s", false, true, false),
                ReplaceWithSuggestionFix.of(ERRNO_SIGN, "Change to %s"),
                new SizeUnitFix(),
                new RemoveKeywordFix(STRAY_SEMICOLON),
                new ReplaceWithSuggestionFix(UNKNOWN_COUNTER, "Change to %s", false, true, false),
                ReplaceWithSuggestionFix.of(UNKNOWN_ERRNO, "Change to %s"),
                new ReplaceWithSuggestionFix(UNKNOWN_DMA_DEBUG_MESSAGE, "Change to \"%s\"", true, false, false),
                ReplaceWithSuggestionFix.of(UNKNOWN_IOMMU_ARCH, "Change to %s"),
                ReplaceWithSuggestionFix.of(UNKNOWN_COST, "Change to %s"),
                ReplaceWithSuggestionFix.of(WRONG_FAULT_CODE, "Expect fault code %s"),
                ReplaceWithSuggestionFix.of(DMA_MASK_RANGE, "Change to %s bits"),
                ReplaceWithSuggestionFix.of(ADDRESS_WIDTH, "Change to %s bits"),
                ReplaceWithSuggestionFix.of(PASID_BITS_RANGE, "Change to %s bits"),
                ReplaceWithSuggestionFix.of(PASID_BITS_CLIPPED, "Change to the IOMMU's %s bits"),
                ReplaceWithSuggestionFix.of(ORDER_TOO_LARGE, "Change to order %s"),
                ReplaceWithSuggestionFix.of(UNMAP_SIZE_MISMATCH, "Unmap the mapped size, %s"),
                ReplaceWithSuggestionFix.of(UNMAP_DIRECTION_MISMATCH, "Unmap with the mapped direction, %s"),
                new ReplaceWithSuggestionFix(REPEAT_COUNT, "Change to the bound, %s", false, false, true),
                new RemoveKeywordFix(COHERENCE_CONFLICT),
                new InsertMappingErrorCheckFix(),
                new HandleTypeFix(),
                new KvaUntrustedFix(),
                new SymbolChoiceFix())) {
            byCode.put(f.issueCode(), f);
        }
    }

    /** The fix for an issue code, or null. */
    public QuickFix forCode(String issueCode) {
        return issueCode == null ? null : byCode.get(issueCode);
    }

    public Iterable<String> codes() {
        return byCode.keySet();
    }
}
