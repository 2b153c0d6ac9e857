package org.dmaworkbench.runtime.program;

import java.util.List;

/** Everything one source file lowers to: its scenarios and benchmarks, in source order. */
public record CompiledFile(String file, List<ScenarioProgram> scenarios, List<BenchmarkSpec> benchmarks) { }
