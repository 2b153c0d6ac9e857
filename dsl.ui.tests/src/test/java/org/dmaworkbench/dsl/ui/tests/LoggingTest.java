package org.dmaworkbench.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;

/** What Xtext logs (log4j) goes to the error log, not to the terminal the IDE was started from. */
class LoggingTest {

    @Test
    void xtextsLog4jWarningsReachTheErrorLogAndDebugMessagesNothing() throws Exception {
        org.eclipse.ui.PlatformUI.getWorkbench(); // the plug-in is active once the workbench runs
        Class.forName("org.dmaworkbench.dsl.ui.DmasUiPlugin");
        assertTrue(org.apache.log4j.Logger.getRootLogger().getAllAppenders().hasMoreElements(),
                "log4j is configured (else its first message prints 'No appenders could be found' to stderr)");
        List<IStatus> logged = new ArrayList<>();
        ILogListener listener = (status, plugin) -> logged.add(status);
        Platform.addLogListener(listener);
        try {
            org.apache.log4j.Logger xtext = org.apache.log4j.Logger.getLogger("org.eclipse.xtext.SomeService");
            xtext.debug("a debug message");
            xtext.warn("a warning from Xtext");
        } finally {
            Platform.removeLogListener(listener);
        }
        assertEquals(1, logged.size(), logged::toString);
        assertEquals(IStatus.WARNING, logged.get(0).getSeverity());
        assertTrue(logged.get(0).getMessage().contains("a warning from Xtext"), logged.get(0).getMessage());
    }
}
