package org.dmaworkbench.runtime.program;

import java.util.List;

/**
 * One step of a scenario: a kernel call, a device DMA ({@code dma}), a CPU access ({@code cpu}),
 * {@code probe}/{@code unbind}, {@code advance}, a counter {@code check}, or a bounded
 * {@code repeat} with a body. {@code bind} names the handle the result is stored in.
 *
 * @param line   source line (1-based) for reports
 * @param text   the source text of the step, for reports
 * @param op     the operation: a kernel function name or one of the keywords above
 * @param bind   handle name the result is bound to, or null
 * @param bindType the declared handle type ("pasid", "buffer", "dma_addr", "domain", ...) or null
 * @param args   arguments
 * @param expect expectation or null
 * @param body   steps of a {@code repeat}, else empty
 */
public record Step(int line, String text, String op, String bind, String bindType, List<Arg> args, Expectation expect,
                   List<Step> body) {
    public static Step call(int line, String op, Arg... args) {
        return new Step(line, op, op, null, null, List.of(args), null, List.of());
    }

    public Step bind(String type, String name) {
        return new Step(line, text, op, name, type, args, expect, body);
    }

    public Step expect(Expectation e) {
        return new Step(line, text, op, bind, bindType, args, e, body);
    }

    public Step text(String t) {
        return new Step(line, t, op, bind, bindType, args, expect, body);
    }
}
