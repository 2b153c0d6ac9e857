package org.dmaworkbench.dsl.ui.launch;

import org.eclipse.core.expressions.PropertyTester;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

/**
 * {@code org.dmaworkbench.dsl.ui.hasDmasFiles}: a {@code .dmas} file, or a folder or project with
 * one below it (not in {@code target/} or hidden folders). Decides where Run As > DMA Scenario shows;
 * {@code org.dmaworkbench.dsl.ui.isKernelCapture}: a capture or kernel log (Run As > Kernel Capture Check, Convert to Scenario).
 */
public class DmasPropertyTester extends PropertyTester {
    private static final int MAX_VISITED = 5_000; // a menu must open at once, whatever the project's size

    @Override
    public boolean test(Object receiver, String property, Object[] args, Object expectedValue) {
        if (!(receiver instanceof IResource r)) return false;
        if ("isKernelCapture".equals(property)) return r instanceof IFile f && org.dmaworkbench.dsl.ui.capture.CaptureFiles.isCheckable(f);
        return "hasDmasFiles".equals(property) && hasDmasFiles(r);
    }

    public static boolean hasDmasFiles(IResource r) {
        if (r instanceof IFile f) return "dmas".equals(f.getFileExtension());
        if (!(r instanceof IContainer c) || !c.isAccessible()) return false;
        boolean[] found = { false };
        int[] visited = { 0 };
        try {
            c.accept(proxy -> {
                if (found[0] || ++visited[0] > MAX_VISITED) return false;
                if (proxy.getType() == IResource.FILE && proxy.getName().endsWith(".dmas")) found[0] = true;
                return proxy.getType() != IResource.FOLDER || !(proxy.getName().equals("target") || proxy.getName().startsWith("."));
            }, IResource.NONE);
        } catch (CoreException e) {
            return false;
        }
        return found[0];
    }
}
