package org.dmaworkbench.dsl.ide.server;

import java.util.HashMap;
import java.util.Map;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.xtext.resource.XtextResource;

/** Xtext's workspace manager whose documents are {@link TolerantDocument}s (open ones and those read from disk). */
public class DmasWorkspaceManager extends WorkspaceManager {

    @Override
    protected Map<URI, Document> createOpenDocuments() {
        return new HashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public Document put(URI key, Document value) {
                return super.put(key, value == null ? null : TolerantDocument.of(value));
            }
        };
    }

    @Override
    protected Document getDocument(XtextResource resource) {
        return TolerantDocument.of(super.getDocument(resource));
    }

    /** The open document of {@code uri}, or null. Called inside Xtext's write requests only (the map is not shared across threads). */
    TolerantDocument openDocument(URI uri) {
        Document d = getOpenDocuments().get(uri);
        return d == null ? null : TolerantDocument.of(d);
    }
}
