package org.dmaworkbench.dsl.ui.launch;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.ui.actions.ILaunchable;

/** Makes {@code .dmas} files, folders and projects holding them, and kernel captures and logs launchable: Run As appears on them in the navigators. */
public class LaunchableAdapterFactory implements IAdapterFactory {
    private static final ILaunchable LAUNCHABLE = new ILaunchable() { };

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> type) {
        if (type == ILaunchable.class && adaptable instanceof IResource r
                && (DmasPropertyTester.hasDmasFiles(r) || r instanceof org.eclipse.core.resources.IFile f && org.dmaworkbench.dsl.ui.capture.CaptureFiles.isCheckable(f))) return type.cast(LAUNCHABLE);
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { ILaunchable.class };
    }
}
