package org.dmaworkbench.dsl;

import org.dmaworkbench.dsl.formatting.DmasFormatter;
import org.dmaworkbench.dsl.imports.ImportResolver;
import org.dmaworkbench.dsl.scoping.DmasGlobalScopeProvider;
import org.dmaworkbench.dsl.scoping.DmasLinkingMessages;
import org.dmaworkbench.dsl.scoping.DmasQualifiedNameProvider;
import org.dmaworkbench.dsl.syntax.DmasParser;
import org.dmaworkbench.dsl.syntax.DmasResource;
import org.dmaworkbench.dsl.syntax.DmasSyntaxErrorMessages;
import org.dmaworkbench.dsl.validation.DmasResourceValidator;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.validation.IResourceValidator;

/** Guice bindings of the language's runtime layer (parsing, scoping, validation, lowering). */
public class DmasRuntimeModule extends AbstractDmasRuntimeModule {
    @Override
    public Class<? extends IValueConverterService> bindIValueConverterService() {
        return DmasValueConverters.class;
    }

    /** Reads a bare CR as a line end (see {@link DmasParser}). */
    @Override
    public Class<? extends IParser> bindIParser() {
        return DmasParser.class;
    }

    /** Parse errors say what was expected where, in the user's words. */
    public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
        return DmasSyntaxErrorMessages.class;
    }

    /** An unresolved name says what it would have to be and the closest names in scope. */
    public Class<? extends ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
        return DmasLinkingMessages.class;
    }

    /** Skips a UTF-8 byte-order mark; shows an unfinished statement's error where the user stopped. */
    @Override
    public Class<? extends XtextResource> bindXtextResource() {
        return DmasResource.class;
    }

    @Override
    public Class<? extends IQualifiedNameProvider> bindIQualifiedNameProvider() {
        return DmasQualifiedNameProvider.class;
    }

    /** One statement per line, blocks indented by four spaces, comments kept (see {@link DmasFormatter}). */
    public Class<? extends IFormatter2> bindIFormatter2() {
        return DmasFormatter.class;
    }

    /**
     * Platforms and devices come from the files a scenario imports ({@code import "platforms/spr.dmas"},
     * {@code import "classpath:/platforms/spr.dmas"}), each resolved by the one {@link ImportResolver}.
     */
    @Override
    public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
        return DmasGlobalScopeProvider.class;
    }

    /** Rules about a whole file (an empty file) on top of the {@code @Check}s. */
    public Class<? extends IResourceValidator> bindIResourceValidator() {
        return DmasResourceValidator.class;
    }
}
