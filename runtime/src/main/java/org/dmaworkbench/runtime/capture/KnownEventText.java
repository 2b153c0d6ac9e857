package org.dmaworkbench.runtime.capture;

/** Whether a line that is no ftrace event line still names a known event ("dma_map_phys: ..."), for its warning. */
final class KnownEventText {
    private KnownEventText() { }

    /** The known event the text names as {@code NAME: } (the iommu: system's only with "IOMMU:"), or null. */
    static String find(String text) {
        boolean dma = text.contains("dma_");
        boolean iommu = text.contains("IOMMU:");
        if (!dma && !iommu) return null;
        for (TraceEventType t : TraceEventType.values()) {
            if (t.isIommu() ? !iommu : !dma) continue;
            int i = text.indexOf(t.traceName() + ":");
            if (i >= 0 && (i == 0 || !isNameChar(text.charAt(i - 1)))) {
                int after = i + t.traceName().length() + 1;
                if (after == text.length() || text.charAt(after) == ' ') return t.traceName();
            }
        }
        return null;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
