package org.dmaworkbench.dsl.ui.capture;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.dmaworkbench.runtime.capture.CaptureCheck;
import org.dmaworkbench.runtime.capture.CaptureFinding;
import org.dmaworkbench.runtime.capture.CaptureListener;
import org.dmaworkbench.runtime.faultlog.DecodedFault;
import org.dmaworkbench.runtime.faultlog.FaultFamily;
import org.dmaworkbench.runtime.faultlog.FaultLogListener;
import org.dmaworkbench.runtime.faultlog.KernelLogReader;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;

/**
 * What the workbench says about each line of an open capture or kernel log, for its hovers: the findings of the
 * runtime's {@link CaptureCheck} of the document on its own (the text {@code ./dmas trace FILE} prints), by line and
 * by the earlier line they conflict with, and the fault records {@link KernelLogReader} decodes. Computed once per
 * version of the document (they are read-only), off the UI thread (hovers are computed in the background).
 */
final class CaptureExplanations {
    /** Larger documents get no explanations (the check would hold the text twice). */
    static final int MAX_CHARS = 64 << 20;

    private final Map<Long, List<CaptureFinding>> atLine = new HashMap<>();
    private final Map<Long, List<CaptureFinding>> relatedTo = new HashMap<>();
    private final Map<Long, DecodedFault> faults = new HashMap<>();
    private final long stamp;

    private static final Map<IDocument, CaptureExplanations> CACHE = new WeakHashMap<>();

    private CaptureExplanations(long stamp) {
        this.stamp = stamp;
    }

    /** The explanations of {@code doc} as it is now (computed on the first call for this version). */
    static CaptureExplanations of(IDocument doc) {
        long stamp = doc instanceof IDocumentExtension4 d4 ? d4.getModificationStamp() : IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP;
        synchronized (CACHE) {
            CaptureExplanations e = CACHE.get(doc);
            if (e != null && e.stamp == stamp && stamp != IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP) return e;
        }
        CaptureExplanations e = compute(doc.get(), name(doc), stamp);
        synchronized (CACHE) {
            CACHE.put(doc, e);
        }
        return e;
    }

    /** The file's path in its project, as {@code ./dmas trace} run in the project's folder names it. */
    static String name(IDocument doc) {
        ITextFileBuffer b = FileBuffers.getTextFileBufferManager().getTextFileBuffer(doc);
        if (b == null || b.getLocation() == null) return "capture";
        var p = b.getLocation();
        return p.segmentCount() > 1 ? p.removeFirstSegments(1).toString() : p.toString();
    }

    static CaptureExplanations compute(String text, String name, long stamp) {
        CaptureExplanations e = new CaptureExplanations(stamp);
        if (text.length() > MAX_CHARS) return e;
        try {
            CaptureCheck.check(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name, new CaptureListener() {
                @Override public void finding(CaptureFinding f) {
                    e.atLine.computeIfAbsent(f.line(), k -> new ArrayList<>()).add(f);
                    if (f.relatedLine() > 0) e.relatedTo.computeIfAbsent(f.relatedLine(), k -> new ArrayList<>()).add(f);
                }
            });
            KernelLogReader.read(name, new BufferedReader(new StringReader(text)), new FaultLogListener() {
                @Override public void fault(DecodedFault f) { e.faults.put(f.line(), f); }
                @Override public void warning(String fileName, long line, String message) { }
                @Override public void suppressed(String fileName, long line, FaultFamily family, long count) { }
            });
        } catch (IOException | RuntimeException ex) {
            // an explanation is a help, never an error: the check itself (Run As) reports what it cannot read
        }
        return e;
    }

    /** The hover text of the 1-based {@code line}, or null when the workbench has nothing to say about it. */
    String at(long line) {
        StringBuilder sb = new StringBuilder();
        for (CaptureFinding f : atLine.getOrDefault(line, List.of())) sb.append(f.text()).append("\n\n");
        for (CaptureFinding f : relatedTo.getOrDefault(line, List.of())) {
            sb.append("The earlier event of line ").append(f.line()).append(":\n").append(f.text()).append("\n\n");
        }
        DecodedFault d = faults.get(line);
        if (d != null) {
            sb.append(d.family().label()).append(" fault record: ").append(d.codeName());
            if (d.faultClass() != null) sb.append(" (").append(d.faultClass().dslName()).append(')');
            sb.append("\n").append(d.explanation()).append('\n');
            for (Map.Entry<String, String> f : d.fields().entrySet()) sb.append("  ").append(f.getKey()).append(": ").append(f.getValue()).append('\n');
        }
        String s = sb.toString().strip();
        return s.isEmpty() ? null : s;
    }
}
