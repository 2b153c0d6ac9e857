package org.dmaworkbench.dsl.ui.results;

import java.nio.file.Path;
import java.util.Set;
import org.dmaworkbench.dsl.batch.Reports;
import org.dmaworkbench.dsl.batch.RunResults;
import org.dmaworkbench.dsl.batch.capture.TraceService;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;

/**
 * One finished (or cancelled) run as the results view shows it, with what it needs to run again:
 * what was run ({@code root}: a {@code .dmas} file, a folder or a project; for a kernel capture check the capture,
 * and {@code captures} its outcome, else null).
 */
public record RunRecord(String configName, IResource root, String filter, Set<Reports.Format> formats, String reportDir,
                        RunResults results, boolean cancelled, TraceService.Outcome captures) {

    /** A run of scenarios. */
    public RunRecord(String configName, IResource root, String filter, Set<Reports.Format> formats, String reportDir,
                     RunResults results, boolean cancelled) {
        this(configName, root, filter, formats, reportDir, results, cancelled, null);
    }

    /** Whether this was a kernel capture check (Run As > Kernel Capture Check). */
    public boolean isCaptureCheck() {
        return captures != null;
    }

    /** The directory the run's file names are relative to: the project's location. */
    public Path base() {
        return root.getProject().getLocation().toFile().toPath();
    }

    /** The workspace file of a file name as the run reports it, or null. */
    public IFile file(String shown) {
        Path p = base().resolve(shown).normalize();
        return ResourcesPlugin.getWorkspace().getRoot().getFileForLocation(org.eclipse.core.runtime.Path.fromOSString(p.toString()));
    }
}
