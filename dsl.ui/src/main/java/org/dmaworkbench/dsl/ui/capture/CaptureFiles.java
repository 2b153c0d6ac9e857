package org.dmaworkbench.dsl.ui.capture;

import java.util.Locale;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.content.IContentDescription;
import org.eclipse.core.runtime.content.IContentType;

/**
 * Which workspace files are kernel evidence (declared in plugin.xml): ftrace captures ({@code *.trace}), kernel
 * logs ({@code *.dmesg}, and {@code *.log} whose first KB holds an IOMMU fault line or a dma:/iommu: event:
 * {@link KernelLogDescriber}); their gzip-compressed copies can be checked and converted, not opened.
 */
public final class CaptureFiles {
    /** The common base of the capture and kernel-log content types: the editor's extensions are bound to it. */
    public static final String EVIDENCE = DmasUiPlugin.ID + ".kernelEvidence";
    public static final String CAPTURE = DmasUiPlugin.ID + ".captureContentType";
    public static final String KERNEL_LOG = DmasUiPlugin.ID + ".kernelLogContentType";
    public static final String KERNEL_LOG_BY_CONTENT = DmasUiPlugin.ID + ".kernelLogByContent";

    private CaptureFiles() { }

    /** Whether {@code f} opens in the capture editor: its content type is one of ours. */
    public static boolean isEvidence(IFile f) {
        if (f == null || !f.exists()) return false;
        try {
            IContentDescription d = f.getContentDescription();
            IContentType t = d == null ? null : d.getContentType();
            return t != null && t.getId().startsWith(DmasUiPlugin.ID) && t.isKindOf(org.eclipse.core.runtime.Platform.getContentTypeManager().getContentType(EVIDENCE));
        } catch (CoreException e) {
            return false;
        }
    }

    /** Whether {@code f} can be checked (Run As > Kernel Capture Check) and converted: evidence, or a {@code .gz} of it. */
    public static boolean isCheckable(IFile f) {
        if (f == null) return false;
        String n = f.getName().toLowerCase(Locale.ROOT);
        if (n.endsWith(".trace.gz") || n.endsWith(".dmesg.gz") || n.endsWith(".log.gz")) return f.exists();
        return isEvidence(f);
    }

    /** The scenario file name for a capture: {@code nic.trace} → {@code nic.dmas}, {@code boot.dmesg.gz} → {@code boot.dmas}. */
    public static String scenarioName(String captureName) {
        String n = captureName;
        if (n.toLowerCase(Locale.ROOT).endsWith(".gz")) n = n.substring(0, n.length() - 3);
        int dot = n.lastIndexOf('.');
        if (dot > 0) n = n.substring(0, dot);
        return n + ".dmas";
    }
}
