package org.dmaworkbench.dsl.ide.folding;

import org.dmaworkbench.dsl.dmas.Benchmark;
import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.Iommu;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.dmas.Platform;
import org.dmaworkbench.dsl.dmas.Repeat;
import org.dmaworkbench.dsl.dmas.Scenario;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.editor.folding.DefaultFoldingRangeProvider;

/**
 * Folds the blocks of a file: platforms (and IOMMU blocks written over several lines), devices
 * written over several lines, scenarios, benchmarks and {@code repeat} bodies, plus multi-line
 * comments. Single-line blocks are dropped by the language server (a fold needs two lines).
 */
public class DmasFoldingRangeProvider extends DefaultFoldingRangeProvider {

    @Override
    protected boolean isHandled(EObject object) {
        return object instanceof Platform || object instanceof Iommu || object instanceof Device
                || object instanceof Scenario || object instanceof Benchmark || object instanceof Repeat;
    }

    /** Descend only where blocks can nest: the file, platforms (IOMMUs), scenarios and repeats. */
    @Override
    protected boolean shouldProcessContent(EObject object) {
        return object instanceof Model || object instanceof Platform || object instanceof Scenario || object instanceof Repeat;
    }
}
