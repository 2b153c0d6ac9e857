package org.dmaworkbench.dsl.batch;

import org.dmaworkbench.runtime.state.DomainState;
import org.dmaworkbench.runtime.state.Hex;
import org.dmaworkbench.runtime.state.IommuState;
import org.dmaworkbench.runtime.state.IovaBar;
import org.dmaworkbench.runtime.state.StateDiff;
import org.dmaworkbench.runtime.state.StateText;

/**
 * The HTML report's IOMMU state under a step: a collapsible {@code <details>} with, per domain that has
 * an IOVA space, the bar of mapped, allocated-not-mapped, stale-in-IOTLB and free ranges as inline SVG
 * ({@link IovaBar}), then the state's text ({@link StateText}) and what changed since the previous state.
 */
final class StateHtml {
    static final String CSS = """
            details.state { margin: 0.3em 0; }
            details.state pre { background: #fafafa; border: 1px solid #eee; padding: 0.5em; overflow-x: auto; }
            .iovabar { margin: 0.3em 0; }
            .iovabar .label { font-size: 0.85em; }
            .legend span { display: inline-block; width: 0.9em; height: 0.9em; margin: 0 0.2em 0 0.8em; vertical-align: middle; }
            """;
    static final String MAPPED = "#66bb6a", ALLOCATED = "#ffb74d", STALE = "#e53935", FREE = "#e0e0e0";
    private static final int WIDTH = 800, HEIGHT = 18;

    private StateHtml() { }

    static void details(StringBuilder h, IommuState s, StateDiff sincePrevious) {
        h.append("<details class=\"state\"><summary>IOMMU state after line ").append(s.line()).append("</summary>\n");
        for (DomainState d : s.domains()) {
            IovaBar bar = IovaBar.of(d);
            if (bar != null) svg(h, d, bar);
        }
        h.append("<pre>").append(Text.html(StateText.render(s, ""))).append("</pre>\n");
        if (sincePrevious != null) h.append("<pre class=\"diff\">").append(Text.html(StateText.render(sincePrevious, ""))).append("</pre>\n");
        h.append("</details>");
    }

    /** One domain's bar: free background, then allocated, mapped and stale ranges, each at least a pixel wide. */
    static void svg(StringBuilder h, DomainState d, IovaBar bar) {
        double span = (double) (bar.to() - bar.from());
        h.append("<div class=\"iovabar\"><div class=\"label\">").append(Text.html(d.describe())).append(": IOVA ")
                .append(Hex.of(bar.from())).append(" &#8211; ").append(Hex.of(bar.to() - 1)).append("</div>\n");
        h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"IOVA space of ").append(Text.html(d.describe())).append("\">");
        h.append("<rect class=\"free\" x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" fill=\"")
                .append(FREE).append("\"/>");
        for (IovaBar.Segment g : bar.segments()) {
            double x = (g.iova() - bar.from()) / span * WIDTH;
            double w = Math.max(1, g.size() / span * WIDTH);
            String kind = g.kind().name().toLowerCase(java.util.Locale.ROOT);
            String fill = switch (g.kind()) {
                case MAPPED -> MAPPED;
                case ALLOCATED -> ALLOCATED;
                case STALE -> STALE;
            };
            boolean stale = g.kind() == IovaBar.Kind.STALE;
            h.append(String.format(java.util.Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">", kind, x,
                    stale ? 0 : 3, w, stale ? HEIGHT : HEIGHT - 6, fill));
            h.append("<title>").append(kind).append(' ').append(Hex.of(g.iova())).append(" +").append(StateText.size(g.size())).append("</title></rect>");
        }
        h.append("</svg>\n<div class=\"legend muted\"><span style=\"background:").append(MAPPED).append("\"></span>mapped<span style=\"background:")
                .append(ALLOCATED).append("\"></span>allocated, not mapped (awaiting the flush queue)<span style=\"background:").append(STALE)
                .append("\"></span>stale in the IOTLB<span style=\"background:").append(FREE).append("\"></span>free</div></div>\n");
    }
}
