package org.dmaworkbench.dsl.validation;

import org.dmaworkbench.dsl.dmas.Duration;
import org.dmaworkbench.dsl.dmas.NumberLit;
import org.dmaworkbench.dsl.dmas.Size;
import org.dmaworkbench.dsl.dmas.SizeUnit;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.eclipse.xtext.validation.Check;

/**
 * Numbers whose unit takes them past 64 bits ({@code 0x7fffffffffffffff GiB}, {@code advance
 * 0x7fffffffffffffff sec}): the simulator would compute with a wrapped value. The numbers themselves
 * are range-checked on their token by the value converter (DmasValueConverters).
 */
public class NumberRangeValidator extends DmasCheckBase {

    @Check
    public void checkSize(Size s) {
        if (s.getValue() > Long.MAX_VALUE >> 30 && Numbers.written(s, Literals.SIZE__UNIT)) { // cheap test first: most sizes are small
            overflow(s.getValue(), s.getUnit(), s, Literals.SIZE__VALUE);
        }
    }

    @Check
    public void checkNumber(NumberLit n) {
        if (n.getValue() > Long.MAX_VALUE >> 30 && Numbers.written(n, Literals.NUMBER_LIT__UNIT)) {
            overflow(n.getValue(), n.getUnit(), n, Literals.NUMBER_LIT__VALUE);
        }
    }

    @Check
    public void checkDuration(Duration d) {
        if (overflows(d)) {
            error(d.getValue() + " " + d.getUnit().getLiteral() + " is beyond the simulated clock (2^63 - 1 ns, about 292 years)", d,
                    Literals.DURATION__VALUE, IssueCodes.NUMBER_RANGE);
        }
    }

    /** True when the duration in nanoseconds does not fit in 64 bits. */
    static boolean overflows(Duration d) {
        if (d.getUnit() == null) return false;
        long perUnit = switch (d.getUnit()) {
            case NS -> 1;
            case US -> 1_000;
            case MS -> 1_000_000;
            case SEC -> 1_000_000_000;
        };
        return d.getValue() > Long.MAX_VALUE / perUnit;
    }

    private void overflow(long v, SizeUnit u, org.eclipse.emf.ecore.EObject o, org.eclipse.emf.ecore.EAttribute f) {
        int shift = switch (u) {
            case KIB -> 10;
            case MIB -> 20;
            case GIB -> 30;
        };
        if (v > Long.MAX_VALUE >> shift) {
            error(v + " " + u.getLiteral() + " does not fit in 64 bits (at most " + (Long.MAX_VALUE >> shift) + " " + u.getLiteral() + ")", o, f,
                    IssueCodes.NUMBER_RANGE);
        }
    }
}
