package org.dmaworkbench.dsl.ui.markers;

import java.util.ArrayList;
import java.util.List;
import org.dmaworkbench.dsl.ui.editor.DmasDocuments;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Problems-view markers after save: when {@code .dmas} files are saved, created or changed on disk,
 * every {@code .dmas} file of the affected projects is checked again (an import may have changed
 * what another file sees), in a background job. Open documents are checked as the editor shows them.
 */
public final class SavedFilesValidator implements IResourceChangeListener {
    public static final Object FAMILY = SavedFilesValidator.class;
    private static final SavedFilesValidator INSTANCE = new SavedFilesValidator();
    private static boolean installed;

    /** Projects waiting to be checked; one job checks them (events in a burst make one check). */
    private final java.util.Set<IProject> pending = new java.util.LinkedHashSet<>();
    private final Job job = new Job("Checking DMA scenario files") {
        @Override protected IStatus run(IProgressMonitor monitor) {
            List<IProject> projects;
            synchronized (pending) {
                projects = new ArrayList<>(pending);
                pending.clear();
            }
            return checkAll(projects, monitor);
        }
        @Override public boolean belongsTo(Object family) { return family == FAMILY; }
    };

    private SavedFilesValidator() {
        // no scheduling rule: a long check must never keep a save (which locks its file) waiting;
        // each file's markers are replaced atomically under that file's rule
        job.setPriority(Job.BUILD);
    }

    public static synchronized void install() {
        if (installed) return;
        installed = true;
        ResourcesPlugin.getWorkspace().addResourceChangeListener(INSTANCE, IResourceChangeEvent.POST_CHANGE);
    }

    @Override
    public void resourceChanged(IResourceChangeEvent event) {
        List<IProject> projects = new ArrayList<>();
        try {
            event.getDelta().accept(d -> {
                if (d.getResource() instanceof IFile f && "dmas".equals(f.getFileExtension())
                        && (d.getKind() != IResourceDelta.CHANGED || (d.getFlags() & IResourceDelta.CONTENT) != 0)
                        && !projects.contains(f.getProject())) {
                    projects.add(f.getProject());
                }
                return true;
            });
        } catch (CoreException e) {
            return;
        }
        if (projects.isEmpty()) return;
        DmasDocuments.reloadImports();
        synchronized (pending) {
            pending.addAll(projects);
        }
        job.schedule(200);
    }

    static IStatus checkAll(List<IProject> projects, IProgressMonitor monitor) {
        List<IFile> files = new ArrayList<>();
        for (IProject p : projects) {
            if (!p.isAccessible()) continue;
            try {
                p.accept(r -> {
                    if (r instanceof IFile f && "dmas".equals(f.getFileExtension())) files.add(f);
                    return r.getType() != IResource.FILE && !r.getName().equals("target") && !r.getName().startsWith(".");
                });
            } catch (CoreException e) {
                // a closed or deleted project: nothing to check
            }
        }
        SubMonitor sub = SubMonitor.convert(monitor, files.size());
        for (IFile f : files) {
            if (sub.isCanceled()) return Status.CANCEL_STATUS;
            sub.subTask(f.getFullPath().toString());
            ITextFileBuffer open = FileBuffers.getTextFileBufferManager().getTextFileBuffer(f.getFullPath(), LocationKind.IFILE);
            String text;
            int version = 0;
            if (open != null) {
                var now = DmasDocuments.of(open.getDocument()).snapshot();
                text = now.text();
                version = now.version();
            } else {
                try {
                    text = new String(f.getContents(true).readAllBytes(), f.getCharset());
                } catch (Exception e) {
                    continue;
                }
            }
            FileChecker.check(f, version, text, sub.split(1));
        }
        return Status.OK_STATUS;
    }
}
