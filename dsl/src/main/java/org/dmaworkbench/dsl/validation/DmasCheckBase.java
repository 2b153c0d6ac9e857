package org.dmaworkbench.dsl.validation;

import com.google.inject.Inject;
import java.util.List;
import org.apache.log4j.Logger;
import org.dmaworkbench.dsl.dmas.DmasPackage;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EStructuralFeature;
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

    /*
     * A number the parser could not convert (too large, no digits) is already an error on its token and
     * reads as 0 in the model: a check about that 0 ("kmalloc of 0 bytes") would contradict it.
     */
    @Override
    public void acceptError(String message, EObject object, EStructuralFeature feature, int index, String code, String... data) {
        if (!Conversions.failed(object, feature, index)) super.acceptError(message, object, feature, index, code, data);
    }

    @Override
    public void acceptWarning(String message, EObject object, EStructuralFeature feature, int index, String code, String... data) {
        if (!Conversions.failed(object, feature, index)) super.acceptWarning(message, object, feature, index, code, data);
    }

    @Override
    public void acceptInfo(String message, EObject object, EStructuralFeature feature, int index, String code, String... data) {
        if (!Conversions.failed(object, feature, index)) super.acceptInfo(message, object, feature, index, code, data);
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
