package org.dmaworkbench.dsl.validation;

import org.eclipse.xtext.validation.ComposedChecks;

/**
 * The language's validator: the composition point of one small validator per concern. Each decides
 * <em>what</em> is wrong and reports it with an {@link IssueCodes} code on the offending token;
 * what calls, faults, errnos, counters and dma-debug messages exist comes from the runtime's own
 * tables ({@code CallTable}, {@code IommuArch}, {@code Errno}, {@code Counters}, {@code DmaDebugCheck}).
 */
@ComposedChecks(validators = {
        CallValidator.class, HandleValidator.class, DmaOperandValidator.class,
        IommuValidator.class, DeviceValidator.class, UniquenessValidator.class, PlatformReachValidator.class,
        PasidValidator.class,
        ExpectationKindValidator.class, ExpectationValueValidator.class,
        MappingErrorCheckValidator.class, UnmapValidator.class,
        TrustValidator.class,
        SizeValidator.class, LimitsValidator.class, NumberRangeValidator.class, BenchmarkValidator.class, SyntaxHabitsValidator.class,
        ImportValidator.class})
public class DmasValidator extends AbstractDmasValidator {
}
