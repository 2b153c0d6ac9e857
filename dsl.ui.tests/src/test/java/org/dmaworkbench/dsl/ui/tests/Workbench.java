package org.dmaworkbench.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/** Drives the running workbench the way a user does: files, editors, commands; waits while the UI keeps going. */
final class Workbench {
    private Workbench() { }

    static Display display() {
        return PlatformUI.getWorkbench().getDisplay();
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** Processes UI events until {@code condition} holds; fails after {@code timeoutMs}. */
    static void waitUntil(String what, long timeoutMs, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) fail("timed out after " + timeoutMs + " ms waiting for: " + what);
            spin(10);
        }
    }

    static <T> T waitFor(String what, long timeoutMs, Supplier<T> value) {
        Object[] box = new Object[1];
        waitUntil(what, timeoutMs, () -> (box[0] = value.get()) != null);
        @SuppressWarnings("unchecked") T t = (T) box[0];
        return t;
    }

    /** Processes UI events for about {@code ms} milliseconds. */
    static void spin(long ms) {
        long end = System.currentTimeMillis() + ms;
        Display d = display();
        do {
            while (d.readAndDispatch()) { /* drain */ }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } while (System.currentTimeMillis() < end);
    }

    static void waitForJobs(Object family, long timeoutMs) {
        waitUntil("jobs of " + family, timeoutMs, () -> Job.getJobManager().find(family).length == 0);
    }

    static IProject project(String name) throws CoreException {
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
        if (!p.exists()) p.create(null);
        if (!p.isOpen()) p.open(null);
        return p;
    }

    static IFile file(IProject p, String path, String text) throws CoreException {
        IFile f = p.getFile(path);
        if (f.getParent() instanceof org.eclipse.core.resources.IFolder folder && !folder.exists()) folder.create(true, true, null);
        ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        if (f.exists()) f.setContents(in, true, false, null);
        else f.create(in, true, null);
        return f;
    }

    static ITextEditor open(IFile f) throws CoreException {
        ITextEditor e = (ITextEditor) IDE.openEditor(page(), f, true);
        spin(50);
        return e;
    }

    static IDocument document(ITextEditor e) {
        return e.getDocumentProvider().getDocument(e.getEditorInput());
    }

    static ISourceViewer viewer(ITextEditor e) {
        return (ISourceViewer) e.getAdapter(ITextOperationTarget.class);
    }

    /** Executes a command through the handler service, as a key binding or menu item does. */
    static Object execute(String commandId) throws Exception {
        IHandlerService hs = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(IHandlerService.class);
        ICommandService cs = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getService(ICommandService.class);
        return hs.executeCommand(new ParameterizedCommand(cs.getCommand(commandId), null), null);
    }

    static IMarker[] markers(IFile f, String type) throws CoreException {
        return f.findMarkers(type, true, IResource.DEPTH_ZERO);
    }

    static List<Shell> shells() {
        return List.of(display().getShells());
    }

    static <T extends Control> List<T> find(Control root, Class<T> type) {
        List<T> out = new ArrayList<>();
        if (type.isInstance(root)) out.add(type.cast(root));
        if (root instanceof Composite c) for (Control child : c.getChildren()) out.addAll(find(child, type));
        return out;
    }

    /** Closes every open shell but the workbench window's (popups left by a test). */
    static void closePopups() {
        Shell main = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        for (Shell s : display().getShells()) if (s != main && !s.isDisposed() && s.isVisible()) s.setVisible(false);
        main.forceActive();
        spin(20);
    }

    /** Saves what the display shows as {@code <dmas.screenshots>/<name>.png}; returns the file. */
    static java.io.File snapshot(String name) {
        String dir = System.getProperty("dmas.screenshots", "target/screenshots");
        new java.io.File(dir).mkdirs();
        org.eclipse.swt.graphics.Rectangle b = page().getWorkbenchWindow().getShell().getBounds();
        org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(display(), b.width, b.height);
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(display());
        gc.copyArea(image, b.x, b.y);
        gc.dispose();
        org.eclipse.swt.graphics.ImageLoader loader = new org.eclipse.swt.graphics.ImageLoader();
        loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
        java.io.File out = new java.io.File(dir, name + ".png");
        loader.save(out.getPath(), org.eclipse.swt.SWT.IMAGE_PNG);
        image.dispose();
        return out;
    }

    static void cleanWorkspace() throws CoreException {
        page().closeAllEditors(false);
        for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) p.delete(true, true, null);
        spin(20);
    }
}
