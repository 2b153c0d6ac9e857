package org.dmaworkbench.dsl.ui.results;

import java.io.IOException;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.eclipse.ui.console.ConsolePlugin;
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
