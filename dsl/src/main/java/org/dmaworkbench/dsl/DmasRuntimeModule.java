package org.dmaworkbench.dsl;

import org.dmaworkbench.dsl.scoping.DmasQualifiedNameProvider;
import org.dmaworkbench.dsl.formatting.DmasFormatter;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;

/** Guice bindings of the language's runtime layer (parsing, scoping, validation, lowering). */
public class DmasRuntimeModule extends AbstractDmasRuntimeModule {
    @Override
    public Class<? extends IValueConverterService> bindIValueConverterService() {
        return DmasValueConverters.class;
    }

    @Override
    public Class<? extends IQualifiedNameProvider> bindIQualifiedNameProvider() {
        return DmasQualifiedNameProvider.class;
    }

    /** One statement per line, blocks indented by four spaces, comments kept (see {@link DmasFormatter}). */
    public Class<? extends IFormatter2> bindIFormatter2() {
        return DmasFormatter.class;
    }

    /** Platforms and devices come from the files a scenario imports ({@code import "platforms/spr.dmas"}). */
    @Override
    public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
        return ImportUriGlobalScopeProvider.class;
    }
}
