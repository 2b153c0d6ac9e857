package org.dmaworkbench.dsl.validation;

import java.util.List;
import java.util.Set;
import org.dmaworkbench.dsl.dmas.Arg;
import org.dmaworkbench.dsl.dmas.Call;
import org.dmaworkbench.dsl.dmas.CpuAccess;
import org.dmaworkbench.dsl.dmas.DeviceDma;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.dsl.dmas.NumberLit;
import org.dmaworkbench.dsl.dmas.Size;
import org.dmaworkbench.runtime.mem.KernelAddressSpace;
import org.dmaworkbench.runtime.run.CallSignature;
import org.dmaworkbench.runtime.run.ScenarioRunner;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.validation.Check;

/** Sizes the allocators and the DMA API can take: not 0, within kmalloc's and the buddy allocator's limits. */
public class SizeValidator extends DmasCheckBase {
    /** The runtime's rule: kmalloc above it returns NULL there, so the warning and the run agree. */
    static final long KMALLOC_MAX_SIZE = KernelAddressSpace.KMALLOC_MAX_SIZE;
    static final int MAX_PAGE_ORDER = KernelAddressSpace.MAX_PAGE_ORDER;
    private static final Set<String> SIZES = Set.of("size", "text_size");
    private static final Set<String> KMALLOC = Set.of("kmalloc", "kzalloc");

    @Check
    public void checkSizes(Call c) {
        CallSignature sig = ArgTypes.signature(c);
        if (sig == null) return;
        List<Arg> args = c.getArgs();
        for (int i = 0; i < Math.min(args.size(), sig.params().size()); i++) {
            if (!(args.get(i) instanceof NumberLit n)) continue;
            String p = sig.params().get(i).name();
            long v = Numbers.bytes(n);
            if (SIZES.contains(p) && v == 0) {
                warning(c.getFunction() + " of 0 bytes" + (KMALLOC.contains(c.getFunction()) ? " returns ZERO_SIZE_PTR, not memory" : " does nothing"),
                        c, Literals.CALL__ARGS, i, IssueCodes.ZERO_SIZE);
            } else if (SIZES.contains(p) && KMALLOC.contains(c.getFunction()) && v > KMALLOC_MAX_SIZE) {
                warning(c.getFunction() + "(" + Numbers.human(v) + ") fails: KMALLOC_MAX_SIZE is 4 MiB on x86 (1 << 22: SLUB, 4 KiB pages, "
                        + "MAX_PAGE_ORDER 10); use vmalloc or alloc_pages", c, Literals.CALL__ARGS, i, IssueCodes.SIZE_TOO_LARGE,
                        String.valueOf(KMALLOC_MAX_SIZE));
            } else if (SIZES.contains(p) && v > Numbers.GIB) {
                warning(Numbers.human(v) + " is more than 1 GiB for one " + c.getFunction() + ": a unit slip?", c, Literals.CALL__ARGS, i,
                        IssueCodes.SIZE_TOO_LARGE, String.valueOf(Numbers.GIB));
            } else if ("alloc_pages".equals(c.getFunction()) && "order".equals(p) && v > MAX_PAGE_ORDER) {
                error("alloc_pages order " + v + " is above MAX_PAGE_ORDER (10, 4 MiB): the buddy allocator refuses it", c,
                        Literals.CALL__ARGS, i, IssueCodes.ORDER_TOO_LARGE, String.valueOf(MAX_PAGE_ORDER));
            }
        }
    }

    @Check
    public void checkDmaLength(DeviceDma d) {
        zeroLength(d.getLength(), d, Literals.DEVICE_DMA__LENGTH);
    }

    @Check
    public void checkCpuLength(CpuAccess c) {
        zeroLength(c.getLength(), c, Literals.CPU_ACCESS__LENGTH);
    }

    private void zeroLength(Size s, EObject owner, EReference f) {
        if (s != null && Numbers.bytes(s) == 0) warning("len 0: an access of no bytes touches nothing", owner, f, IssueCodes.ZERO_LENGTH);
        boolean overflowed = s != null && Numbers.bytes(s) == Long.MAX_VALUE && Numbers.written(s, Literals.SIZE__UNIT); // NUMBER_RANGE
        if (s != null && !overflowed && Numbers.bytes(s) > ScenarioRunner.MAX_ACCESS_LEN) { // the runtime's bound: the run stops here
            error("len " + Numbers.human(Numbers.bytes(s)) + ": one access moves at most 1 GiB in the simulator", owner, f,
                    IssueCodes.SIZE_TOO_LARGE, String.valueOf(ScenarioRunner.MAX_ACCESS_LEN));
        }
    }
}
