package org.dmaworkbench.dsl.ui.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.dmaworkbench.runtime.capture.TraceLineLayout;
import org.dmaworkbench.runtime.faultlog.KernelLogReader;
import org.eclipse.core.runtime.QualifiedName;
import org.eclipse.core.runtime.content.IContentDescription;
import org.eclipse.core.runtime.content.ITextContentDescriber;

/**
 * Tells a kernel log among {@code *.log} files by its first KB: a line of an IOMMU driver's fault path
 * ({@code DMAR:}, {@code arm-smmu-v3}, {@code AMD-Vi}, {@code riscv-iommu}, or what the runtime's
 * {@link KernelLogReader#isKernelLogLine} reads) or a dma:/iommu: trace event ({@link TraceLineLayout#isKnownEvent}).
 * Any other {@code .log} is INVALID here and stays a plain text file.
 */
public class KernelLogDescriber implements ITextContentDescriber {
    /** How much of the file is looked at. */
    static final int SNIFF = 1024;
    private static final String[] ANCHORS = { "DMAR:", "arm-smmu-v3", "AMD-Vi", "riscv-iommu" };

    @Override
    public int describe(InputStream contents, IContentDescription description) throws IOException {
        return describe(new InputStreamReader(contents, StandardCharsets.UTF_8), description);
    }

    @Override
    public int describe(Reader contents, IContentDescription description) throws IOException {
        char[] buf = new char[SNIFF];
        int n = 0;
        for (int r; n < SNIFF && (r = contents.read(buf, n, SNIFF - n)) > 0; ) n += r;
        return isKernelEvidence(new String(buf, 0, n)) ? VALID : INVALID;
    }

    /** Whether the text (the start of a file) holds a line the workbench reads as kernel evidence. */
    static boolean isKernelEvidence(String head) {
        for (String line : head.split("\r?\n")) {
            for (String a : ANCHORS) if (line.contains(a)) return true;
            if (KernelLogReader.isKernelLogLine(line) || TraceLineLayout.isKnownEvent(line)) return true;
        }
        return false;
    }

    @Override
    public QualifiedName[] getSupportedOptions() {
        return new QualifiedName[0];
    }
}
