package org.dmaworkbench.idecheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Every bundle the framework runs resolved; their list goes to {@code bundles.txt}, which the
 * launcher side compares with the shipped {@code bundles.info} (the IDE checked is the IDE shipped).
 */
final class BundleCheck {
    private final Path list;

    BundleCheck(Path list) {
        this.list = list;
    }

    String run() throws Exception {
        Bundle[] bundles = FrameworkUtil.getBundle(getClass()).getBundleContext().getBundles();
        List<String> lines = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (Bundle b : bundles) {
            lines.add(b.getSymbolicName() + "," + b.getVersion());
            if (b.getState() == Bundle.INSTALLED) unresolved.add(b.getSymbolicName() + " " + b.getVersion());
        }
        Files.write(list, lines);
        if (!unresolved.isEmpty()) throw new CheckFailed("not resolved: " + unresolved);
        return bundles.length + " bundles, all resolved";
    }
}
