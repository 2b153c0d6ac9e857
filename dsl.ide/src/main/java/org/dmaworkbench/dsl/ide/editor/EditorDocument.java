package org.dmaworkbench.dsl.ide.editor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

/**
 * One open {@code .dmas} document: its text as the editor holds it and a parsed resource kept in
 * step with it. Edits are queued as they are typed and applied on the next read through Xtext's
 * partial parser ({@link XtextResource#update}), so a completion request on a large file reparses
 * only the region around the change. Imported files are loaded from disk into the same resource
 * set and kept until {@link #reloadImports()}.
 *
 * <p>Thread-safe, with two locks so that typing never waits for parsing: the edit queue (text,
 * version, queued edits) is held only for a moment by {@link #replace} on the UI thread; the model
 * lock ({@code this}) is held while the resource is brought up to date and read ({@link #flush},
 * {@link #read}), by the editor's background job, content assist, hover and the reconcilers.
 */
public final class EditorDocument {
    private record Edit(int offset, int length, String text) { }

    /** The text and its version, as the editor has them now. */
    public record Snapshot(int version, String text) { }

    private final URI uri;
    private final XtextResourceSet resourceSet;

    private final Object queue = new Object();
    private String text;                           // guarded by queue
    private int version;                           // guarded by queue
    private final List<Edit> pending = new ArrayList<>(); // guarded by queue
    private boolean reset;                         // guarded by queue: parse the whole text again

    private XtextResource resource;                // guarded by this
    private String parsedText;                     // guarded by this: the text the resource reflects
    private int parsedVersion;                     // guarded by this

    /** {@code uri}: the file's URI ({@code file:/...}); imports are resolved relative to it. */
    public EditorDocument(String uri, String text) {
        this.uri = URI.createURI(uri);
        this.text = text;
        this.resourceSet = DmasIde.resourceSet();
    }

    public String uri() {
        return uri.toString();
    }

    /** Records an edit: {@code length} characters at {@code offset} replaced by {@code newText}. Never waits for a parse. */
    public void replace(int offset, int length, String newText) {
        synchronized (queue) {
            version++;
            if (offset < 0 || length < 0 || offset + length > text.length()) {
                pending.clear();
                reset = true; // out of step: parse everything on the next read
                return;
            }
            text = text.substring(0, offset) + newText + text.substring(offset + length);
            pending.add(new Edit(offset, length, newText));
        }
    }

    /** Replaces the whole text (a revert, a reload from disk). */
    public void setText(String newText) {
        synchronized (queue) {
            text = newText;
            version++;
            pending.clear();
            reset = true;
        }
    }

    public String text() {
        synchronized (queue) {
            return text;
        }
    }

    public int version() {
        synchronized (queue) {
            return version;
        }
    }

    /** The text and its version, consistently. */
    public Snapshot snapshot() {
        synchronized (queue) {
            return new Snapshot(version, text);
        }
    }

    /** Forgets the imported files, so the next read loads them again from disk. */
    public synchronized void reloadImports() {
        for (Resource r : new ArrayList<>(resourceSet.getResources())) {
            if (r != resource) {
                r.unload();
                resourceSet.getResources().remove(r);
            }
        }
        synchronized (queue) {
            reset = true;
        }
    }

    /**
     * Brings the parsed resource up to date with the text (applies the queued edits). The editor
     * calls it in the background right after each keystroke, so that a completion request on the
     * UI thread rarely waits for the partial parse.
     */
    public synchronized void flush() {
        current();
    }

    /** Whether edits are queued that the resource does not reflect yet. */
    public synchronized boolean stale() {
        synchronized (queue) {
            return resource == null || reset || !pending.isEmpty();
        }
    }

    /** Runs {@code f} on the parsed resource and the text it reflects (the current text: queued edits are applied first). */
    public synchronized <T> T read(BiFunction<Document, XtextResource, T> f) {
        XtextResource r = current();
        return f.apply(new IndexedDocument(parsedVersion, parsedText), r);
    }

    private XtextResource current() {
        List<Edit> edits;
        String t;
        int v;
        boolean full;
        synchronized (queue) {
            edits = List.copyOf(pending);
            pending.clear();
            t = text;
            v = version;
            full = reset || resource == null;
            reset = false;
        }
        if (full) {
            if (resource != null) {
                resource.unload();
                resourceSet.getResources().remove(resource);
            }
            resource = (XtextResource) resourceSet.createResource(uri);
            load(t);
        } else if (!edits.isEmpty()) {
            try {
                for (Edit e : edits) resource.update(e.offset(), e.length(), e.text());
            } catch (RuntimeException | StackOverflowError e) {
                reparse(t); // the partial parser gave up: parse the whole text
            }
        }
        parsedText = t;
        parsedVersion = v;
        return resource;
    }

    private void reparse(String t) {
        try {
            resource.reparse(t);
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse " + uri + ": " + e.getMessage(), e);
        }
    }

    private void load(String t) {
        try {
            resource.load(new ByteArrayInputStream(t.getBytes(StandardCharsets.UTF_8)), Map.of());
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse " + uri + ": " + e.getMessage(), e);
        }
    }
}
