package org.dmaworkbench.dsl.ide.docs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import org.dmaworkbench.runtime.run.CallSignature;
import org.dmaworkbench.runtime.run.CallTable;
import org.dmaworkbench.runtime.run.ValueType;

/**
 * What the editor says about a kernel call, read from the runtime's {@link CallTable}: the one
 * place that knows which kernel function a call models and what it can return. Content assist
 * shows {@link #signature} as the detail, hover and completion documentation {@link #markdown}.
 */
public final class KernelCallDocs {
    private KernelCallDocs() { }

    public static Collection<CallSignature> all() {
        return CallTable.standard().signatures();
    }

    /** The signature of a call by name, or null when the runtime has no such call. */
    public static CallSignature find(String name) {
        return name == null ? null : CallTable.standard().signature(name);
    }

    /** {@code dma_map_single(dev: device, buffer: buffer, size: int, dir: DMA_BIDIRECTIONAL|...) → dma_addr}. */
    public static String signature(CallSignature s) {
        StringJoiner params = new StringJoiner(", ", s.name() + "(", ")");
        parameterLabels(s).forEach(params::add);
        return params + (s.returns() == ValueType.VOID ? "" : " → " + s.returns().dslName());
    }

    /** Each parameter as {@link #signature} writes it: {@code dev: device}, {@code [attrs: int]} when optional. */
    public static List<String> parameterLabels(CallSignature s) {
        List<String> labels = new ArrayList<>();
        for (CallSignature.Param p : s.params()) {
            String type = p.type() == ValueType.SYMBOL && !p.symbols().isEmpty() ? String.join("|", p.symbols()) : p.type().dslName();
            labels.add(p.optional() ? "[" + p.name() + ": " + type + "]" : p.name() + ": " + type);
        }
        return labels;
    }

    /** Markdown: the signature, the kernel function it models and its possible outcomes. */
    public static String markdown(CallSignature s) {
        return "```\n" + signature(s) + "\n```\n\n"
                + "**Models** `" + s.models() + "`\n\n"
                + "**Outcomes:** " + s.outcomes();
    }

    /** Markdown for a name the runtime does not know. */
    public static String unknown(String name) {
        return "`" + name + "`: not a kernel call the simulator knows. See content assist for the calls it models.";
    }
}
