package org.dmaworkbench.dsl.ui.launch;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.ide.editor.DmasIde;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.dmaworkbench.dsl.ui.editor.DmasDocuments;
import org.dmaworkbench.dsl.ui.preferences.DmasPreferences;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut2;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * Run As > DMA Scenario (and Ctrl+F11): on a {@code .dmas} file runs all of it, on a folder or
 * project every {@code .dmas} file in it; in an editor,
 * runs the scenario or benchmark under the caret, or the whole file when the caret is outside
 * them. Reuses the launch configuration for the same (resource, scenario), else creates one.
 */
public class DmasLaunchShortcut implements ILaunchShortcut2 {

    @Override
    public void launch(ISelection selection, String mode) {
        IResource target = resource(selection);
        if (target != null) launch(target, "", mode);
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        IFile file = file(editor);
        if (file != null) launch(file, scenarioAtCaret(editor), mode);
    }

    /** The scenario or benchmark under the editor's caret, as an exact-name filter, or "" for the whole file. */
    static String scenarioAtCaret(IEditorPart editor) {
        if (!(editor instanceof ITextEditor te)) return "";
        IDocument doc = te.getDocumentProvider().getDocument(te.getEditorInput());
        if (doc == null || !(te.getSelectionProvider().getSelection() instanceof ITextSelection sel)) return "";
        String name = DmasIde.services().runnableAt(DmasDocuments.of(doc), sel.getOffset());
        return name == null ? "" : "=" + name;
    }

    public void launch(IResource target, String filter, String mode) {
        try {
            ILaunchConfiguration config = find(target, filter);
            if (config == null) config = create(target, filter);
            DebugUITools.launch(config, mode);
        } catch (CoreException e) {
            DmasUiPlugin.log("cannot launch " + target.getFullPath(), e);
        }
    }

    private static ILaunchConfigurationType type() {
        return DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(LaunchAttributes.TYPE);
    }

    public static ILaunchConfiguration find(IResource target, String filter) throws CoreException {
        for (ILaunchConfiguration c : DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations(type())) {
            if (c.getAttribute(LaunchAttributes.FILE, "").equals(target.getFullPath().toString())
                    && c.getAttribute(LaunchAttributes.FILTER, "").equals(filter)) return c;
        }
        return null;
    }

    public static ILaunchConfiguration create(IResource target, String filter) throws CoreException {
        ILaunchManager mgr = DebugPlugin.getDefault().getLaunchManager();
        String base = target.getName() + (filter.isEmpty() ? "" : " - " + (filter.startsWith("=") ? filter.substring(1) : filter));
        ILaunchConfigurationWorkingCopy wc = type().newInstance(null, mgr.generateLaunchConfigurationName(base.replaceAll("[\\\\/:*?\"<>|@]", "_")));
        wc.setAttribute(LaunchAttributes.FILE, target.getFullPath().toString());
        wc.setAttribute(LaunchAttributes.FILTER, filter);
        wc.setAttribute(LaunchAttributes.FORMATS, DmasPreferences.reportFormats());
        wc.setMappedResources(new IResource[] { target });
        return wc.doSave();
    }

    /** The selected {@code .dmas} file, folder or project. */
    static IResource resource(ISelection selection) {
        if (selection instanceof IStructuredSelection s && !s.isEmpty()) {
            IResource r = Adapters.adapt(s.getFirstElement(), IResource.class);
            if (r != null && LaunchAttributes.runnable(r)) return r;
        }
        return null;
    }

    static IFile file(IEditorPart editor) {
        IFile f = editor == null ? null : editor.getEditorInput().getAdapter(IFile.class);
        return f != null && "dmas".equals(f.getFileExtension()) ? f : null;
    }

    /*
     * Ctrl+F11 and the Run button ask these first. Never null: null lets the platform fall back to
     * every configuration mapped to the file, so the caret in scenario 2 re-ran an earlier
     * whole-file configuration. An empty array makes it call launch(...), which creates the
     * configuration for (file, scenario).
     */
    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(ISelection selection) {
        return configs(resource(selection), "");
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(IEditorPart editor) {
        return configs(file(editor), scenarioAtCaret(editor));
    }

    private static ILaunchConfiguration[] configs(IResource target, String filter) {
        List<ILaunchConfiguration> out = new ArrayList<>();
        try {
            ILaunchConfiguration c = target == null ? null : find(target, filter);
            if (c != null) out.add(c);
        } catch (CoreException e) {
            // no configurations readable: the shortcut creates one
        }
        return out.toArray(ILaunchConfiguration[]::new);
    }

    @Override
    public IResource getLaunchableResource(ISelection selection) {
        return resource(selection);
    }

    @Override
    public IResource getLaunchableResource(IEditorPart editor) {
        return file(editor);
    }
}
