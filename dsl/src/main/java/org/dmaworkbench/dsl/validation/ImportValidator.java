package org.dmaworkbench.dsl.validation;

import com.google.inject.Inject;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.dsl.dmas.Import;
import org.dmaworkbench.dsl.imports.ImportResolution;
import org.dmaworkbench.dsl.imports.ImportResolver;
import org.eclipse.xtext.validation.Check;

/**
 * An import the {@link ImportResolver} does not follow is an error on its string, with the reason
 * (no such file, not a {@code .dmas} file, outside the project, not a regular file, too large, not a
 * relative path): otherwise the only sign would be "Couldn't resolve reference" at each use.
 */
public class ImportValidator extends DmasCheckBase {
    @Inject private ImportResolver resolver;

    @Check
    public void checkImport(Import imp) {
        ImportResolution r = resolver.resolve(imp.getImportURI(), imp.eResource());
        if (r != null && !r.ok()) error(r.problem(), imp, Literals.IMPORT__IMPORT_URI, code(r.refusal()));
    }

    static String code(ImportResolution.Refusal why) {
        return switch (why) {
            case NOT_FOUND -> IssueCodes.IMPORT_NOT_FOUND;
            case NOT_RELATIVE -> IssueCodes.IMPORT_NOT_RELATIVE;
            case OUTSIDE_PROJECT -> IssueCodes.IMPORT_OUTSIDE_PROJECT;
            case NOT_REGULAR -> IssueCodes.IMPORT_NOT_REGULAR;
            case TOO_LARGE -> IssueCodes.IMPORT_TOO_LARGE;
            case NOT_DMAS -> IssueCodes.IMPORT_NOT_DMAS;
            case EMPTY -> IssueCodes.IMPORT_EMPTY;
        };
    }
}
