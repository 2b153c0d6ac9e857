package org.dmaworkbench.dsl.fuzz;

import com.google.inject.Injector;
import org.dmaworkbench.dsl.DmasStandaloneSetup;
import org.dmaworkbench.dsl.dmas.Model;
import org.dmaworkbench.dsl.lowering.DmasLowering;
import org.dmaworkbench.runtime.program.ProgramJson;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResourceSet;

/** A real compiled program to mutate: an example lowered by the language and written as the runtime's JSON. */
final class CompiledSeed {
    private CompiledSeed() { }

    static String json() {
        Injector injector = new DmasStandaloneSetup().createInjectorAndDoEMFRegistration();
        XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
        Resource r = rs.getResource(URI.createFileURI(PipelineFuzzTarget.EXAMPLES.resolve("05-merged-global-pasid.dmas").toString()), true);
        EcoreUtil.resolveAll(rs);
        return ProgramJson.write(new DmasLowering().lower((Model) r.getContents().get(0), "05-merged-global-pasid.dmas"));
    }
}
