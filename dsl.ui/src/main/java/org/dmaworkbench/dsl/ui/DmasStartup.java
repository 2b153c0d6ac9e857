package org.dmaworkbench.dsl.ui;

import org.dmaworkbench.dsl.ui.markers.SavedFilesValidator;
import org.eclipse.ui.IStartup;

/** At workbench start: listen for saved {@code .dmas} files, so the Problems view is right without opening them. */
public class DmasStartup implements IStartup {
    @Override
    public void earlyStartup() {
        SavedFilesValidator.install();
    }
}
