package org.dmaworkbench.idecheck;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.PlatformUI;

/**
 * The checks, in the order a new user meets the features: the workbench, its bundles, every example
 * opened in the editor, Ctrl+Space, a hover, a quick fix, a run shown in the results view, a kernel capture
 * opened and checked. Each
 * check fails on its own (and with what reached the error log while it ran); then the workbench exits.
 */
final class Checks {
    private final Report report;
    private int failures;
    private final List<String> logged = new ArrayList<>();
    private final ILogListener listener = (status, plugin) -> {
        synchronized (logged) { logged.add(describe(status)); }
    };

    Checks(Report report) {
        this.report = report;
    }

    void runAll() {
        Platform.addLogListener(listener);
        try {
            if (!check("workbench window", () -> Ui.waitFor("the workbench window", 60000,
                    () -> Ui.window() != null && Ui.page() != null ? Ui.window().getShell().getText() : null))) return;
            check("bundles", () -> new BundleCheck(report.sibling("bundles.txt")).run());
            Editors editors = new Editors();
            List<IFile> examples = new ArrayList<>();
            if (!check("examples project", () -> {
                examples.addAll(editors.examples());
                return examples.size() + " .dmas files";
            })) return;
            for (IFile f : examples) check("open " + f.getProjectRelativePath(), () -> editors.open(f));
            IFile subject = examples.stream().filter(Editors::callsDmaMapSingle).findFirst().orElse(null);
            if (subject == null) {
                report.fail("an example that calls dma_map_single", "none of " + examples.size() + " files does");
            } else {
                check("hover (F2) on dma_map_single in " + subject.getName(), () -> editors.hover(subject));
                check("Ctrl+Space in " + subject.getName(), () -> editors.completion(subject));
                check("run " + subject.getName() + " into the results view", () -> new RunCheck().run(subject));
            }
            check("quick fix (Ctrl+1) of a misspelled call", () -> new QuickFixCheck().run());
            KernelCaptureCheck capture = new KernelCaptureCheck();
            if (check("open a kernel capture (.trace)", capture::open)) {
                check("Run As > Kernel Capture Check into the results view", capture::check);
            }
        } finally {
            Platform.removeLogListener(listener);
            report.done();
            if (Ui.window() != null) Ui.page().closeAllEditors(false);
            PlatformUI.getWorkbench().close();
        }
    }

    /** Runs one check and reports it; false when it failed. */
    private boolean check(String name, Callable<String> body) {
        report.running(name);
        synchronized (logged) { logged.clear(); }
        String failure = null;
        String detail = null;
        try {
            detail = body.call();
        } catch (CheckFailed e) {
            failure = e.getMessage();
        } catch (Throwable t) {
            failure = stackTrace(t);
        }
        Ui.spin(100);
        String log;
        synchronized (logged) { log = logged.isEmpty() ? null : String.join("; ", logged); }
        if (log != null) failure = (failure == null ? "" : failure + "; ") + "the error log got: " + log;
        if (failure != null && Ui.window() != null) {
            java.nio.file.Path shot = Ui.snapshot(report.sibling("failed-" + (++failures) + ".png"));
            if (shot != null) failure += " (screen: " + shot + ")";
        }
        if (failure == null) report.pass(name, detail);
        else report.fail(name, failure);
        if (Ui.window() != null) Ui.closePopups();
        return failure == null;
    }

    private static String describe(IStatus s) {
        String text = s.getPlugin() + ": " + s.getMessage();
        return s.getException() == null ? text : text + " (" + s.getException() + ")";
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        String[] lines = out.toString().split("\n");
        return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(lines.length, 12)));
    }
}
