package org.dmaworkbench.dsl.ide.editor;

import com.google.inject.Injector;
import java.nio.charset.StandardCharsets;
import org.dmaworkbench.dsl.ide.DmasIdeSetup;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

/**
 * The language's IDE injector (runtime module mixed with {@code DmasIdeModule}), created once per
 * JVM. The Eclipse editor, the editor benchmarks and the editor tests all take their services from it.
 */
public final class DmasIde {
    private static Injector injector;

    private DmasIde() { }

    public static synchronized Injector injector() {
        if (injector == null) injector = new DmasIdeSetup().createInjectorAndDoEMFRegistration();
        return injector;
    }

    /**
     * A resource set whose {@code .dmas} files (the edited one and its imports) are made by this
     * injector's resource factory, whatever EMF's global registry says: in one JVM the batch
     * pipeline ({@code Workspace}, the runtime injector) registers its own factory there, and a
     * resource parsed with the other injector's grammar gets no completion proposals.
     */
    public static XtextResourceSet resourceSet() {
        Injector i = injector();
        XtextResourceSet rs = i.getInstance(XtextResourceSet.class);
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("dmas", i.getInstance(IResourceFactory.class));
        rs.getLoadOptions().put(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name());
        return rs;
    }

    /** The editor services of {@link #injector()}. */
    public static EditorServices services() {
        return injector().getInstance(EditorServices.class);
    }
}
