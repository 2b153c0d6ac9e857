package org.dmaworkbench.dsl.ide.editor;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.charset.StandardCharsets;
import org.dmaworkbench.dsl.DmasRuntimeModule;
import org.dmaworkbench.dsl.ide.DmasIdeModule;
import org.dmaworkbench.dsl.ide.DmasIdeSetup;
import org.eclipse.xtext.parser.antlr.IReferableElementsUnloader;
import org.eclipse.xtext.util.Modules2;
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
        if (injector == null) {
            injector = new DmasIdeSetup() {
                @Override
                public Injector createInjector() {
                    return Guice.createInjector(Modules2.mixin(new DmasRuntimeModule(), new DmasIdeModule(), new EditorModule()));
                }
            }.createInjectorAndDoEMFRegistration();
        }
        return injector;
    }

    /**
     * What differs for in-process editing: the old model of an edited file is dropped, not turned
     * into proxies ({@link IReferableElementsUnloader.NullUnloader}). Each {@link EditorDocument}
     * has its own resource set in which nothing refers into the edited file, so there is nothing
     * to re-resolve, and proxifying every object of a 5,000-line file cost about half of each
     * keystroke's model update. The language server keeps the generic unloader: its one resource
     * set does hold references between files.
     */
    static final class EditorModule extends AbstractModule {
        @Override
        protected void configure() {
            bind(IReferableElementsUnloader.class).to(IReferableElementsUnloader.NullUnloader.class);
        }
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
