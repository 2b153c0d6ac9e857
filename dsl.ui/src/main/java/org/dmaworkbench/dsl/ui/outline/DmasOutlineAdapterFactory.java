package org.dmaworkbench.dsl.ui.outline;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

/** Gives a text editor showing a {@code .dmas} file its {@link DmasOutlinePage}. */
public class DmasOutlineAdapterFactory implements IAdapterFactory {

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> type) {
        if (type == IContentOutlinePage.class && adaptable instanceof ITextEditor editor && isDmas(editor)) {
            return type.cast(new DmasOutlinePage(editor));
        }
        return null;
    }

    static boolean isDmas(ITextEditor editor) {
        return editor.getEditorInput() != null && editor.getEditorInput().getName().endsWith(".dmas");
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { IContentOutlinePage.class };
    }
}
