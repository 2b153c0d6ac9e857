package org.dmaworkbench.runtime.exec;

import java.util.List;
import org.dmaworkbench.runtime.bench.BenchmarkTable;
import org.dmaworkbench.runtime.bench.MapBenchmarkParams;
import org.dmaworkbench.runtime.program.BenchmarkSpec;

/**
 * One benchmark: its parameters (null when they could not be formed), one row per policy (a
 * policy the platform refuses is a row with its error), and the error that stopped the whole
 * benchmark (invalid parameters, unknown device), or null.
 */
public record BenchmarkRun(BenchmarkSpec spec, MapBenchmarkParams params, BenchmarkTable table, String error, long wallNs) {
    public boolean passed() { return error == null; }
    public String platform() { return spec.platform() == null ? null : spec.platform().name(); }
    public List<BenchmarkTable.Row> rows() { return table == null ? List.of() : table.rows(); }
    public long refused() { return rows().stream().filter(r -> !r.ok()).count(); }
}
