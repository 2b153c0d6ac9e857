package org.dmaworkbench.dsl.ui.results;

import java.util.Set;
import org.dmaworkbench.dsl.batch.Reports;
import org.dmaworkbench.dsl.batch.RunResults;
import org.eclipse.core.resources.IFile;

/** One finished (or cancelled) run as the results view shows it, with what it needs to run again. */
public record RunRecord(String configName, IFile file, String filter, Set<Reports.Format> formats, String reportDir,
                        RunResults results, boolean cancelled) { }
