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
 * <p>Thread-safe: the editor's UI thread records edits, content assist and hover read on the UI
 * thread, reconcilers read in the background; every access holds this object's lock.
 */
public final class EditorDocument {
    private record Edit(int offset, int length, String text) { }

    private final URI uri;
    private final XtextResourceSet resourceSet;
    private final List<Edit> pending = new ArrayList<>();
    private XtextResource resource;
    private String text;
    private int version;

    /** {@code uri}: the file's URI ({@code file:/...}); imports are resolved relative to it. */
    public EditorDocument(String uri, String text) {
        this.uri = URI.createURI(uri);
        this.text = text;
        this.resourceSet = DmasIde.resourceSet();
    }

    public String uri() {
        return uri.toString();
    }

    /** Records an edit: {@code length} characters at {@code offset} replaced by {@code newText}. */
    public synchronized void replace(int offset, int length, String newText) {
        if (offset < 0 || length < 0 || offset + length > text.length()) {
            setText(text); // out of step: reparse everything on the next read
            return;
        }
        text = text.substring(0, offset) + newText + text.substring(offset + length);
        version++;
        if (resource != null) pending.add(new Edit(offset, length, newText));
    }

    /** Replaces the whole text (a revert, a reload from disk). */
    public synchronized void setText(String newText) {
        text = newText;
        version++;
        pending.clear();
        if (resource != null) {
            resource.unload();
            resourceSet.getResources().remove(resource);
            resource = null;
        }
    }

    public synchronized String text() {
        return text;
    }

    public synchronized int version() {
        return version;
    }

    /** Forgets the imported files, so the next read loads them again from disk. */
    public synchronized void reloadImports() {
        for (Resource r : new ArrayList<>(resourceSet.getResources())) {
            if (r != resource) {
                r.unload();
                resourceSet.getResources().remove(r);
            }
        }
        if (resource != null) setText(text);
    }

    /**
     * Brings the parsed resource up to date with the text (applies the queued edits). The editor
     * calls it in the background right after each keystroke, so that a completion request on the
     * UI thread rarely waits for the partial parse.
     */
    public synchronized void flush() {
        resource();
    }

    /** Whether edits are queued that the resource does not reflect yet. */
    public synchronized boolean stale() {
        return resource == null || !pending.isEmpty();
    }

    /** Runs {@code f} on the current text and its parsed resource. */
    public synchronized <T> T read(BiFunction<Document, XtextResource, T> f) {
        return f.apply(new IndexedDocument(version, text), resource());
    }

    private XtextResource resource() {
        if (resource == null) {
            resource = (XtextResource) resourceSet.createResource(uri);
            load();
        } else if (!pending.isEmpty()) {
            try {
                for (Edit e : pending) resource.update(e.offset(), e.length(), e.text());
            } catch (RuntimeException | StackOverflowError e) {
                reparse(); // the partial parser gave up: parse the whole text
            }
        }
        pending.clear();
        return resource;
    }

    private void reparse() {
        try {
            resource.reparse(text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse " + uri + ": " + e.getMessage(), e);
        }
    }

    private void load() {
        try {
            resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse " + uri + ": " + e.getMessage(), e);
        }
    }
}
