package org.dmaworkbench.dsl.ui.launch;

import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.dmaworkbench.dsl.ui.capture.CaptureFiles;
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
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;

/**
 * Run As > Kernel Capture Check on a capture or kernel log (navigator or editor): reuses the file's configuration,
 * else creates one, and launches it ({@link CaptureLaunch}).
 */
public class CaptureLaunchShortcut implements ILaunchShortcut2 {

    @Override
    public void launch(ISelection selection, String mode) {
        IFile f = file(selection);
        if (f != null) launch(f, mode);
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        IFile f = file(editor);
        if (f != null) launch(f, mode);
    }

    public void launch(IFile capture, String mode) {
        try {
            ILaunchConfiguration c = find(capture);
            DebugUITools.launch(c != null ? c : create(capture), mode);
        } catch (CoreException e) {
            DmasUiPlugin.log("cannot check " + capture.getFullPath(), e);
        }
    }

    private static ILaunchConfigurationType type() {
        return DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(CaptureLaunch.TYPE);
    }

    public static ILaunchConfiguration find(IResource capture) throws CoreException {
        for (ILaunchConfiguration c : DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations(type())) {
            if (c.getAttribute(LaunchAttributes.FILE, "").equals(capture.getFullPath().toString())) return c;
        }
        return null;
    }

    static ILaunchConfiguration create(IResource capture) throws CoreException {
        ILaunchManager mgr = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationWorkingCopy wc = type().newInstance(null,
                mgr.generateLaunchConfigurationName(capture.getName().replaceAll("[\\\\/:*?\"<>|@]", "_")));
        wc.setAttribute(LaunchAttributes.FILE, capture.getFullPath().toString());
        wc.setMappedResources(new IResource[] { capture });
        return wc.doSave();
    }

    static IFile file(ISelection selection) {
        if (selection instanceof IStructuredSelection s && !s.isEmpty()) {
            IFile f = Adapters.adapt(s.getFirstElement(), IFile.class);
            if (CaptureFiles.isCheckable(f)) return f;
        }
        return null;
    }

    static IFile file(IEditorPart editor) {
        IFile f = editor == null ? null : editor.getEditorInput().getAdapter(IFile.class);
        return CaptureFiles.isCheckable(f) ? f : null;
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(ISelection selection) {
        return configs(file(selection));
    }

    @Override
    public ILaunchConfiguration[] getLaunchConfigurations(IEditorPart editor) {
        return configs(file(editor));
    }

    /** Never null (null makes the platform fall back to every configuration mapped to the file). */
    private static ILaunchConfiguration[] configs(IFile f) {
        try {
            ILaunchConfiguration c = f == null ? null : find(f);
            return c == null ? new ILaunchConfiguration[0] : new ILaunchConfiguration[] { c };
        } catch (CoreException e) {
            return new ILaunchConfiguration[0];
        }
    }

    @Override
    public IResource getLaunchableResource(ISelection selection) {
        return file(selection);
    }

    @Override
    public IResource getLaunchableResource(IEditorPart editor) {
        return file(editor);
    }
}
