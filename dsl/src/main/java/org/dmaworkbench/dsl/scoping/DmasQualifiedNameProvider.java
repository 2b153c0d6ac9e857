package org.dmaworkbench.dsl.scoping;

import org.dmaworkbench.dsl.dmas.Device;
import org.dmaworkbench.dsl.dmas.Iommu;
import org.dmaworkbench.dsl.dmas.Platform;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;

/**
 * Platforms, IOMMUs and devices are global, by simple name ({@code iommu vtd0} from a device
 * outside the platform block); scenario handles are not exported: {@link DmasScopeProvider} finds
 * them locally, before their use.
 */
public class DmasQualifiedNameProvider extends IQualifiedNameProvider.AbstractImpl {
    @Override
    public QualifiedName getFullyQualifiedName(EObject obj) {
        String name = obj instanceof Platform p ? p.getName() : obj instanceof Iommu i ? i.getName()
                : obj instanceof Device d ? d.getName() : null;
        return name == null ? null : QualifiedName.create(name);
    }
}
