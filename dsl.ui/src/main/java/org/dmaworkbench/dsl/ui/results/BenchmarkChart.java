package org.dmaworkbench.dsl.ui.results;

import java.util.List;
import java.util.Locale;
import org.dmaworkbench.runtime.bench.BenchmarkTable;
import org.dmaworkbench.runtime.bench.MapBenchmarkResult;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/** A bar chart of a benchmark's average map and unmap latency (µs) per policy. */
public class BenchmarkChart extends Canvas {
    private static final Color MAP = new Color(46, 120, 200);
    private static final Color UNMAP = new Color(220, 120, 40);
    private List<BenchmarkTable.Row> rows = List.of();

    public BenchmarkChart(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        addPaintListener(e -> paint(e.gc));
    }

    public void setRows(List<BenchmarkTable.Row> rows) {
        this.rows = rows == null ? List.of() : rows;
        redraw();
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(area);
        List<BenchmarkTable.Row> ok = rows.stream().filter(BenchmarkTable.Row::ok).toList();
        if (ok.isEmpty()) {
            gc.drawText("No benchmark selected", 10, 10, true);
            return;
        }
        double max = 0;
        for (BenchmarkTable.Row r : ok) max = Math.max(max, Math.max(r.result().avgMapUs(), r.result().avgUnmapUs()));
        if (max <= 0) max = 1;
        int textH = gc.getFontMetrics().getHeight();
        int left = 10, bottom = area.height - 2 * textH - 8, top = 2 * textH + 14;
        int slot = Math.max(40, (area.width - 2 * left) / ok.size());
        int bar = Math.max(8, slot / 3);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        gc.drawText("average latency per call (\u00b5s)   \u25a0 map   \u25a0 unmap", left, 4, true);
        gc.setBackground(MAP);
        gc.fillRectangle(left + gc.textExtent("average latency per call (\u00b5s)   ").x, 4 + textH / 4, 8, 8);
        gc.setBackground(UNMAP);
        gc.fillRectangle(left + gc.textExtent("average latency per call (\u00b5s)   \u25a0 map   ").x, 4 + textH / 4, 8, 8);
        for (int i = 0; i < ok.size(); i++) {
            MapBenchmarkResult m = ok.get(i).result();
            int x = left + i * slot;
            drawBar(gc, x, bar, bottom, top, m.avgMapUs() / max, MAP, m.avgMapUs());
            drawBar(gc, x + bar + 2, bar, bottom, top, m.avgUnmapUs() / max, UNMAP, m.avgUnmapUs());
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
            gc.drawText(String.valueOf(ok.get(i).policy()), x, bottom + 4, true);
        }
        gc.drawLine(left, bottom, area.width - left, bottom);
    }

    private void drawBar(GC gc, int x, int w, int bottom, int top, double frac, Color c, double value) {
        int h = (int) Math.round((bottom - top) * frac);
        gc.setBackground(c);
        gc.fillRectangle(x, bottom - h, w, h);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND));
        gc.drawText(String.format(Locale.ROOT, "%.1f", value), x, bottom - h - gc.getFontMetrics().getHeight(), true);
    }
}
