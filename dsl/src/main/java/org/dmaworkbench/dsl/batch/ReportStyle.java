package org.dmaworkbench.dsl.batch;

/** The look every HTML report shares (the scenario report's and the capture check's): page, summary box, tables. */
public final class ReportStyle {
    private ReportStyle() { }

    /** The shared rules; each report appends its own. */
    public static final String BASE = """
            body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 2em; color: #222; max-width: 1400px; }
            code, pre { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 0.92em; }
            .meta, .muted { color: #666; }
            .summary { border-radius: 6px; padding: 0.8em 1em; margin: 1em 0; display: flex; gap: 2em; flex-wrap: wrap; }
            .summary.pass { background: #e8f5e9; border: 1px solid #81c784; }
            .summary.fail { background: #ffebee; border: 1px solid #e57373; }
            table { border-collapse: collapse; margin: 0.5em 0; }
            th, td { border-bottom: 1px solid #e0e0e0; padding: 3px 8px; text-align: left; vertical-align: top; }
            th { background: #f5f5f5; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            summary { cursor: pointer; padding: 0.3em 0; }
            .icon { display: inline-block; width: 1.2em; text-align: center; font-weight: bold; }
            """;
}
