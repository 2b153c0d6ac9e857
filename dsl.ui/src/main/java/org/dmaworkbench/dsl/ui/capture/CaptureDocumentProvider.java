package org.dmaworkbench.dsl.ui.capture;

import org.eclipse.core.resources.IFile;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.editors.text.TextFileDocumentProvider;

/**
 * Kernel captures and logs are evidence: their editor is read-only (the platform's text file provider, which says
 * so for them). Registered for {@code trace}, {@code dmesg} and {@code log}; a {@code .log} that is no kernel log
 * is as modifiable as with the default provider.
 */
public class CaptureDocumentProvider extends TextFileDocumentProvider {

    private static boolean evidence(Object element) {
        return element instanceof IFileEditorInput in && CaptureFiles.isEvidence(in.getFile());
    }

    @Override
    public boolean isReadOnly(Object element) {
        return evidence(element) || super.isReadOnly(element);
    }

    @Override
    public boolean isModifiable(Object element) {
        return !evidence(element) && super.isModifiable(element);
    }

    /** The file of an editor input, for the handlers. */
    static IFile file(Object element) {
        return element instanceof IFileEditorInput in ? in.getFile() : null;
    }
}
