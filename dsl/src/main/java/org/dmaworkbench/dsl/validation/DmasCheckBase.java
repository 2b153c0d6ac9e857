package org.dmaworkbench.dsl.validation;

import com.google.inject.Inject;
import java.util.List;
import org.apache.log4j.Logger;
import org.dmaworkbench.dsl.dmas.DmasPackage;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/**
 * Base of the per-concern validators that {@link DmasValidator} composes: they are never registered
 * on their own (Xtext requires composed validators to skip {@link #register}), so each check runs once.
 */
public abstract class DmasCheckBase extends AbstractDeclarativeValidator {
    private static final Logger LOG = Logger.getLogger(DmasCheckBase.class);

    @Inject
    private OperationCanceledManager cancellation;

    @Override
    public void register(EValidatorRegistrar registrar) {
        // composed into DmasValidator through @ComposedChecks
    }

    @Override
    protected List<EPackage> getEPackages() {
        return List.of(DmasPackage.eINSTANCE);
    }

    /**
     * A failing check must not take the other checks (or the editor) down, and must not go unnoticed
     * either: Xtext drops NullPointerExceptions silently, we log every failure (tests fail on it).
     * Cancellation still propagates.
     */
    @Override
    protected void handleExceptionDuringValidation(Throwable t) {
        if (!(t instanceof RuntimeException) || cancellation != null && cancellation.isOperationCanceledException(t)) {
            super.handleExceptionDuringValidation(t);
        } else {
            LOG.error("validation check failed: " + t, t);
        }
    }
}
