package org.dmaworkbench.dsl.ui.editor;

import java.util.Map;
import java.util.WeakHashMap;
import org.dmaworkbench.dsl.ide.editor.EditorDocument;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;

/**
 * The {@link EditorDocument} of each open {@code .dmas} document: created on first use, fed every
 * edit as it is typed (a document listener), which a background job then applies to the parsed
 * model (Xtext's partial parser), dropped when the document is garbage. All editor
 * features of the plug-in read the language's model through here.
 */
public final class DmasDocuments {
    private static final Map<IDocument, EditorDocument> OPEN = new WeakHashMap<>();

    private DmasDocuments() { }

    public static synchronized EditorDocument of(IDocument document) {
        EditorDocument d = OPEN.get(document);
        if (d == null) {
            d = new EditorDocument(uri(document), document.get());
            EditorDocument model = d;
            Job update = Job.createSystem("Update DMA scenario model", (IProgressMonitor m) -> model.flush());
            document.addDocumentListener(new IDocumentListener() {
                @Override public void documentAboutToBeChanged(DocumentEvent e) { }
                @Override public void documentChanged(DocumentEvent e) {
                    model.replace(e.getOffset(), e.getLength(), e.getText() == null ? "" : e.getText());
                    update.schedule(); // the partial parse runs off the UI thread; Ctrl+Space then finds the model current
                }
            });
            OPEN.put(document, d);
        }
        return d;
    }

    /** After a {@code .dmas} file changed on disk: open documents reload their imports. */
    public static synchronized void reloadImports() {
        for (EditorDocument d : OPEN.values()) d.reloadImports();
    }

    /** Whether {@code document} holds a {@code .dmas} file (the hyperlink detector is asked for every generic editor). */
    public static boolean isDmas(IDocument document) {
        ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
        return buffer != null && buffer.getLocation() != null && "dmas".equals(buffer.getLocation().getFileExtension());
    }

    /** The workspace file behind {@code document}, or null (an external file, a compare editor). */
    public static IFile file(IDocument document) {
        ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
        if (buffer == null || buffer.getLocation() == null) return null;
        IFile f = ResourcesPlugin.getWorkspace().getRoot().getFileForLocation(buffer.getLocation());
        if (f == null && buffer.getLocation().segmentCount() > 1) f = ResourcesPlugin.getWorkspace().getRoot().getFile(buffer.getLocation());
        return f != null && f.exists() ? f : null;
    }

    private static String uri(IDocument document) {
        ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
        if (buffer != null && buffer.getFileStore() != null) return buffer.getFileStore().toURI().toString();
        return "file:/untitled-" + System.identityHashCode(document) + ".dmas";
    }
}
