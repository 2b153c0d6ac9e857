package org.dmaworkbench.dsl.ui.launch;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dmaworkbench.dsl.batch.Reports;
import org.dmaworkbench.dsl.ui.DmasUiPlugin;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Path;
import org.eclipse.debug.core.ILaunchConfiguration;

/** The DMA Scenario launch configuration type and its attributes. */
public final class LaunchAttributes {
    public static final String TYPE = DmasUiPlugin.ID + ".launchType";
    /** Workspace path of what to run: a {@code .dmas} file, or a folder or project (all its {@code .dmas} files). */
    public static final String FILE = DmasUiPlugin.ID + ".file";
    /** Name filter ({@code =name} exact, a glob, or a substring); empty runs everything. */
    public static final String FILTER = DmasUiPlugin.ID + ".filter";
    /** Report formats, comma-separated ({@code text,json,junit,html}). */
    public static final String FORMATS = DmasUiPlugin.ID + ".formats";
    /** Workspace path of the directory the report files go to; empty: {@code <project>/target/dmas-reports}. */
    public static final String REPORT_DIR = DmasUiPlugin.ID + ".reportDir";

    private LaunchAttributes() { }

    /** What the configuration runs, or null when its path names nothing in the workspace. */
    public static IResource resource(ILaunchConfiguration c) throws CoreException {
        String p = c.getAttribute(FILE, "");
        if (p.isEmpty()) return null;
        return ResourcesPlugin.getWorkspace().getRoot().findMember(new Path(p));
    }

    /** Whether {@code r} can be run: a {@code .dmas} file, a folder or a project. */
    public static boolean runnable(IResource r) {
        return r instanceof IFile f ? "dmas".equals(f.getFileExtension()) : r instanceof IContainer c && c.getType() != IResource.ROOT;
    }

    public static Set<Reports.Format> formats(String list) {
        Set<Reports.Format> out = EnumSet.noneOf(Reports.Format.class);
        for (String s : list.split(",")) {
            if (s.isBlank()) continue;
            try {
                out.add(Reports.Format.parse(s));
            } catch (IllegalArgumentException e) {
                // an unknown name from an older configuration: ignored
            }
        }
        if (out.isEmpty()) out.add(Reports.Format.text);
        return out;
    }

    public static String formats(Set<Reports.Format> set) {
        List<String> names = new ArrayList<>();
        for (Reports.Format f : set) names.add(f.name());
        return String.join(",", names);
    }
}
