package org.dmaworkbench.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fails a test during which anything was written to the Eclipse error log at error level. */
public class NoErrorsLogged implements BeforeEachCallback, AfterEachCallback {
    private final List<IStatus> logged = new ArrayList<>();
    private final ILogListener listener = (status, plugin) -> {
        if (status.matches(IStatus.ERROR)) synchronized (logged) { logged.add(status); }
    };

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (logged) { logged.clear(); }
        Platform.addLogListener(listener);
        // user jobs (runs) go to the Progress view instead of a progress dialog that would take the focus
        org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE.getNode("org.eclipse.ui.workbench").putBoolean("RUN_IN_BACKGROUND", true);
        Workbench.page().getWorkbenchWindow().getShell().forceActive();
        Workbench.spin(20);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Workbench.spin(50);
        Platform.removeLogListener(listener);
        synchronized (logged) {
            if (!logged.isEmpty()) {
                StringBuilder sb = new StringBuilder("the error log got entries during the test:\n");
                for (IStatus s : logged) {
                    sb.append("  ").append(s.getPlugin()).append(": ").append(s.getMessage());
                    if (s.getException() != null) sb.append(" (").append(s.getException()).append(')');
                    sb.append('\n');
                }
                fail(sb.toString());
            }
        }
    }
}
