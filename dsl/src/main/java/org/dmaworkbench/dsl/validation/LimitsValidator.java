package org.dmaworkbench.dsl.validation;

import java.util.ArrayList;
import java.util.List;
import java.lang.reflect.RecordComponent;
import org.dmaworkbench.dsl.dmas.Benchmark;
import org.dmaworkbench.dsl.dmas.CostOverride;
import org.dmaworkbench.dsl.dmas.DmasPackage.Literals;
import org.dmaworkbench.dsl.dmas.Duration;
import org.dmaworkbench.dsl.dmas.Repeat;
import org.dmaworkbench.runtime.cost.CostModel;
import org.dmaworkbench.runtime.run.ScenarioRunner;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

/** Bounds the runner enforces or that signal a slip: repeat counts, durations, cost names, benchmark DMA bits. */
public class LimitsValidator extends DmasCheckBase {
    private static final List<String> COSTS = new ArrayList<>();
    static {
        for (RecordComponent c : CostModel.class.getRecordComponents()) COSTS.add(c.getName());
    }

    @Check
    public void checkRepeat(Repeat r) {
        String max = String.valueOf(ScenarioRunner.MAX_REPEAT);
        if (r.getCount() > ScenarioRunner.MAX_REPEAT) {
            error("repeat " + r.getCount() + " is above the runner's bound of " + ScenarioRunner.MAX_REPEAT + " iterations", r,
                    Literals.REPEAT__COUNT, IssueCodes.REPEAT_COUNT, max);
        } else if (r.getCount() == 0) {
            warning("repeat 0: the body never runs", r, Literals.REPEAT__COUNT, IssueCodes.REPEAT_COUNT, max);
        }
    }

    /** Nested repeats multiply: the innermost body may run at most MAX_REPEAT times in all. Reported on the innermost count that passes it. */
    @Check
    public void checkRepeatProduct(Repeat r) {
        long product = 1;
        for (EObject o = r; o instanceof Repeat; o = o.eContainer()) {
            if (o instanceof Repeat outer) product = Math.min(Long.MAX_VALUE / 2, product * Math.max(outer.getCount(), 1));
        }
        long outerProduct = product / Math.max(r.getCount(), 1);
        if (outerProduct > 1 && product > ScenarioRunner.MAX_REPEAT && outerProduct <= ScenarioRunner.MAX_REPEAT
                && r.getCount() <= ScenarioRunner.MAX_REPEAT) {
            error("nested repeats run this body " + product + " times, above the runner's bound of " + ScenarioRunner.MAX_REPEAT
                    + " iterations in all", r, Literals.REPEAT__COUNT, IssueCodes.REPEAT_PRODUCT, String.valueOf(ScenarioRunner.MAX_REPEAT));
        }
    }

    @Check
    public void checkDuration(Duration d) {
        if (Numbers.longerThanAnHour(d) && !NumberRangeValidator.overflows(d)) {
            warning("more than an hour of simulated time: a unit slip? (ns, us, ms, sec)", d, null, IssueCodes.LONG_DURATION);
        }
    }

    @Check
    public void checkCost(CostOverride c) {
        if (c.getName() == null || COSTS.contains(c.getName())) return;
        String best = Suggest.closest(c.getName(), COSTS);
        error("no cost '" + c.getName() + "' in the cost model" + Suggest.didYouMean(best) + " (costs: " + String.join(", ", COSTS) + ")",
                c, Literals.COST_OVERRIDE__NAME, IssueCodes.UNKNOWN_COST, best == null ? new String[0] : new String[] {best});
    }

    @Check
    public void checkBenchmarkDmaBits(Benchmark b) {
        String problem = DeviceValidator.maskProblem(b.getDmaBits());
        if (problem != null && Numbers.written(b, Literals.BENCHMARK__DMA_BITS)) {
            error(problem, b, Literals.BENCHMARK__DMA_BITS, IssueCodes.DMA_MASK_RANGE, b.getDmaBits() < 12 ? "12" : "64");
        }
    }
}
