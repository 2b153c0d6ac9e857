package org.dmaworkbench.idecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;

/** The workbench as a user reaches it: commands through the handler service, popups as shells; waits keep the UI going. */
final class Ui {
    /** How long a popup (completion, hover, quick fix) may take to show: generous, for a loaded CI machine. */
    static final long POPUP_MS = 20000;

    private Ui() { }

    static Display display() {
        return PlatformUI.getWorkbench().getDisplay();
    }

    static IWorkbenchWindow window() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (w == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0) w = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        return w;
    }

    static IWorkbenchPage page() {
        return window().getActivePage();
    }

    /** Processes UI events until {@code value} gives non-null; fails naming {@code what} after {@code timeoutMs}. */
    static <T> T waitFor(String what, long timeoutMs, Supplier<T> value) {
        long end = System.currentTimeMillis() + timeoutMs;
        for (;;) {
            T t = value.get();
            if (t != null) return t;
            if (System.currentTimeMillis() > end) throw new CheckFailed("nothing after " + timeoutMs / 1000 + " s waiting for " + what);
            spin(20);
        }
    }

    /** Processes UI events for about {@code ms} milliseconds. */
    static void spin(long ms) {
        long end = System.currentTimeMillis() + ms;
        Display d = display();
        do {
            while (!d.isDisposed() && d.readAndDispatch()) { /* drain */ }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } while (System.currentTimeMillis() < end);
    }

    /** Executes a command as its key binding does: through the handler service of the workbench window. */
    static void execute(String commandId) throws Exception {
        IHandlerService handlers = window().getService(IHandlerService.class);
        ICommandService commands = window().getService(ICommandService.class);
        handlers.executeCommand(new ParameterizedCommand(commands.getCommand(commandId), null), null);
    }

    /** The visible shells other than the workbench window's: popups, hovers, dialogs. */
    static List<Shell> popups() {
        List<Shell> out = new ArrayList<>();
        Shell main = window().getShell();
        for (Shell s : display().getShells()) if (!s.isDisposed() && s.isVisible() && s != main) out.add(s);
        return out;
    }

    /** Saves what the screen shows as a PNG (for a failed check); the file, or null if it could not be written. */
    static java.nio.file.Path snapshot(java.nio.file.Path file) {
        try {
            org.eclipse.swt.graphics.Rectangle b = display().getBounds();
            org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(display(), b.width, b.height);
            org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(display());
            gc.copyArea(image, 0, 0);
            gc.dispose();
            org.eclipse.swt.graphics.ImageLoader loader = new org.eclipse.swt.graphics.ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
            loader.save(file.toString(), org.eclipse.swt.SWT.IMAGE_PNG);
            image.dispose();
            return file;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** What the screen shows besides the workbench window, and where the focus is: for a failure message. */
    static String describePopups() {
        StringBuilder sb = new StringBuilder("focus in ").append(display().getFocusControl()).append(", popups: [");
        for (Shell s : popups()) {
            sb.append(s.getText().isEmpty() ? "shell" : s.getText()).append('{');
            for (Control c : find(s, Control.class)) {
                String text = textOf(c);
                if (text != null) sb.append(c.getClass().getSimpleName()).append(" '").append(text).append("' ");
            }
            sb.append("} ");
        }
        return sb.append(']').toString();
    }

    /** The text a user reads in a label, link or text widget; null for other controls. */
    static String textOf(Control c) {
        if (c instanceof org.eclipse.swt.custom.StyledText t) return t.getText();
        if (c instanceof org.eclipse.swt.widgets.Label l) return l.getText();
        if (c instanceof org.eclipse.swt.widgets.Link l) return l.getText();
        if (c instanceof org.eclipse.swt.widgets.Text t) return t.getText();
        return null;
    }

    /** All the text a popup shows, one control per line. */
    static String textIn(Shell s) {
        StringBuilder sb = new StringBuilder();
        for (Control c : find(s, Control.class)) {
            String text = textOf(c);
            if (text != null && !text.isBlank()) sb.append(text).append('\n');
        }
        return sb.toString();
    }

    static <T extends Control> List<T> find(Control root, Class<T> type) {
        List<T> out = new ArrayList<>();
        if (type.isInstance(root)) out.add(type.cast(root));
        if (root instanceof Composite c) for (Control child : c.getChildren()) out.addAll(find(child, type));
        return out;
    }

    /** Hides what the last check left open (a popup) and gives the focus back to the workbench window. */
    static void closePopups() {
        if (!popups().isEmpty()) { // popups close when their editor loses the focus, as when a user clicks elsewhere
            org.eclipse.ui.IWorkbenchPart active = page().getActivePart();
            org.eclipse.ui.IViewPart other = page().findView(org.eclipse.ui.IPageLayout.ID_PROJECT_EXPLORER);
            if (other != null && other != active) {
                page().activate(other);
                spin(200);
                if (active != null) page().activate(active);
                spin(200);
            }
        }
        for (Shell s : popups()) s.setVisible(false);
        window().getShell().forceActive();
        spin(50);
    }
}
