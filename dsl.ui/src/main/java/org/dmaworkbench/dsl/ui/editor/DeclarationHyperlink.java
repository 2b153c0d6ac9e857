package org.dmaworkbench.dsl.ui.editor;

import java.net.URI;
import org.dmaworkbench.dsl.ide.editor.Target;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/** Opens the file of a declaration and selects its name. */
public class DeclarationHyperlink implements IHyperlink {
    private final IRegion region;
    private final Target target;

    public DeclarationHyperlink(IRegion region, Target target) {
        this.region = region;
        this.target = target;
    }

    @Override public IRegion getHyperlinkRegion() { return region; }
    @Override public String getTypeLabel() { return "Declaration"; }
    @Override public String getHyperlinkText() { return "Open Declaration"; }

    @Override
    public void open() {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        try {
            IEditorPart editor;
            IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(URI.create(target.uri()));
            if (files.length > 0) editor = IDE.openEditor(page, files[0]);
            else editor = IDE.openEditorOnFileStore(page, org.eclipse.core.filesystem.EFS.getLocalFileSystem().getStore(URI.create(target.uri())));
            if (editor instanceof ITextEditor te) te.selectAndReveal(target.offset(), target.length());
        } catch (PartInitException e) {
            DmasUiPlugin.log("cannot open " + target.uri(), e);
        }
    }
}
