package org.dmaworkbench.dsl.ui.results;

import java.io.IOException;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsoleConstants;
import org.eclipse.ui.console.IConsoleView;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.MessageConsole;
import org.eclipse.ui.console.MessageConsoleStream;

/** The "DMA Scenario Runs" console: each run's text output, the same text {@code ./dmas run} prints. */
public final class RunConsole {
    public static final String NAME = "DMA Scenario Runs";
    private static RunConsole instance;

    private final MessageConsole console;
    private final MessageConsoleStream stream;

    private RunConsole(MessageConsole console) {
        this.console = console;
        this.stream = console.newMessageStream();
    }

    public static synchronized RunConsole get() {
        if (instance == null) {
            MessageConsole c = new MessageConsole(NAME, null);
            ConsolePlugin.getDefault().getConsoleManager().addConsoles(new IConsole[] { c });
            instance = new RunConsole(c);
        }
        return instance;
    }

    public MessageConsole console() {
        return console;
    }

    public void clear() {
        console.clearConsole();
    }

    /**
     * Opens the Console view on this console, or brings it to the front of its stack, without
     * taking the focus (any thread). Queued on the UI thread like {@link ResultsView#publish}, so a
     * run that ends at once still leaves the results in front (the console manager's own
     * showConsoleView runs later, as a delayed job).
     */
    public void show() {
        PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
            var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            if (window == null || window.getActivePage() == null) return;
            try {
                IViewPart view = window.getActivePage().showView(IConsoleConstants.ID_CONSOLE_VIEW, null, IWorkbenchPage.VIEW_VISIBLE);
                if (view instanceof IConsoleView cv) cv.display(console);
            } catch (PartInitException e) {
                DmasUiPlugin.log("cannot open the console view", e);
            }
        });
    }

    public void print(String s) {
        if (!s.isEmpty()) stream.print(s);
    }

    public void println(String s) {
        stream.println(s);
    }

    /** Waits until everything printed so far is in the console's document (for tests). */
    public void flush() {
        try {
            stream.flush();
        } catch (IOException e) {
            DmasUiPlugin.log("console", e);
        }
    }
}
