package org.dmaworkbench.dsl.ui.capture;

import java.nio.file.Path;
import org.dmaworkbench.dsl.batch.Batch;
import org.dmaworkbench.dsl.batch.capture.TraceService;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.ide.IDE;

/**
 * Convert to Scenario (the capture's context menu, in the navigator and in its editor): asks for the file name and
 * the platform ({@link ConvertDialog}), writes the scenario through {@code BatchService.traceToScenario} (the code
 * of {@code ./dmas trace --to-scenario}) in a job, refreshes the workspace and opens the file in the .dmas editor.
 */
public class ConvertToScenarioHandler extends AbstractHandler {
    /** The job family of conversions (the tests wait for it). */
    public static final Object FAMILY = ConvertToScenarioHandler.class;

    @Override
    public Object execute(ExecutionEvent event) {
        IFile capture = capture(HandlerUtil.getActivePart(event), HandlerUtil.getCurrentSelection(event));
        if (capture == null) return null;
        Shell shell = HandlerUtil.getActiveShell(event);
        ConvertDialog d = new ConvertDialog(shell, capture);
        if (d.open() != ConvertDialog.OK) return null;
        IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindow(event).getActivePage();
        convert(capture, d.target(), d.platform(), page);
        return null;
    }

    /** The capture of the active editor, else of the selection. */
    static IFile capture(IWorkbenchPart part, ISelection selection) {
        if (part instanceof IEditorPart e) {
            IFile f = e.getEditorInput().getAdapter(IFile.class);
            if (CaptureFiles.isCheckable(f)) return f;
        }
        if (selection instanceof IStructuredSelection s && !s.isEmpty()) {
            IFile f = Adapters.adapt(s.getFirstElement(), IFile.class);
            if (CaptureFiles.isCheckable(f)) return f;
        }
        return null;
    }

    /** Writes {@code target} from {@code capture} (on {@code platform}, or a generated one) in a job, then opens it. */
    static void convert(IFile capture, IFile target, IFile platform, IWorkbenchPage page) {
        Job job = new Job("Converting " + capture.getName() + " to a scenario") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                Path base = capture.getProject().getLocation().toFile().toPath();
                String name = capture.getProjectRelativePath().toString();
                Path out = target.getLocation().toFile().toPath();
                Path plat = platform == null ? null : platform.getLocation().toFile().toPath();
                TraceService.Exported x = Batch.service().traceToScenario(base, name, out, plat);
                try {
                    target.refreshLocal(IResource.DEPTH_ZERO, monitor);
                } catch (CoreException e) {
                    // the file is on disk; the navigator shows it after the next refresh
                }
                Display.getDefault().asyncExec(() -> {
                    if (x.problem() != null) {
                        MessageDialog.openError(page.getWorkbenchWindow().getShell(), ConvertDialog.TITLE, x.problem());
                        return;
                    }
                    try {
                        IDE.openEditor(page, target, true);
                    } catch (PartInitException e) {
                        DmasUiPlugin.log("cannot open " + target.getFullPath(), e);
                    }
                });
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.setUser(true);
        job.setRule(target.getParent());
        job.schedule();
    }
}
