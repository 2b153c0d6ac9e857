package org.dmaworkbench.dsl.validation;

import org.dmaworkbench.dsl.dmas.DmasPackage;
import org.dmaworkbench.dsl.dmas.Duration;
import org.dmaworkbench.dsl.dmas.NumberLit;
import org.dmaworkbench.dsl.dmas.Size;
import org.dmaworkbench.dsl.dmas.SizeUnit;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** Numbers as the runtime will see them (units applied, saturating instead of overflowing). */
final class Numbers {
    private Numbers() { }

    static final long KIB = 1L << 10, MIB = 1L << 20, GIB = 1L << 30;

    /* The unit is looked up in the source, not with eIsSet: KiB is the enum's default literal, so eIsSet is false for "4 KiB". */
    static long bytes(NumberLit n) {
        return scale(n.getValue(), written(n, DmasPackage.Literals.NUMBER_LIT__UNIT) ? n.getUnit() : null);
    }

    static long bytes(Size s) {
        return scale(s.getValue(), written(s, DmasPackage.Literals.SIZE__UNIT) ? s.getUnit() : null);
    }

    private static long scale(long v, SizeUnit u) {
        int shift = u == null ? 0 : switch (u) {
            case KIB -> 10;
            case MIB -> 20;
            case GIB -> 30;
        };
        return v > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : v << shift;
    }

    /** True above one hour, without overflowing for absurd values. */
    static boolean longerThanAnHour(Duration d) {
        if (d.getUnit() == null) return false;
        long hour = switch (d.getUnit()) {
            case NS -> 3_600_000_000_000L;
            case US -> 3_600_000_000L;
            case MS -> 3_600_000L;
            case SEC -> 3_600L;
        };
        return d.getValue() > hour;
    }

    /** True when the feature was written in the source (0 is both the default and a value users may write). */
    static boolean written(EObject o, EStructuralFeature f) {
        return !NodeModelUtils.findNodesForFeature(o, f).isEmpty();
    }

    /** "4 MiB" for 4194304, "4096 bytes" otherwise. */
    static String human(long bytes) {
        if (bytes >= GIB && bytes % GIB == 0) return bytes / GIB + " GiB";
        if (bytes >= MIB && bytes % MIB == 0) return bytes / MIB + " MiB";
        if (bytes >= KIB && bytes % KIB == 0) return bytes / KIB + " KiB";
        return bytes + " bytes";
    }
}
