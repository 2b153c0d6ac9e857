package org.dmaworkbench.runtime.program;

import java.util.List;

/**
 * A compiled scenario: the platform, the devices and the ordered steps. This is what the language
 * lowers to and what the runtime executes; it serializes to JSON ({@link ProgramJson}) so the
 * runtime can run it without the language.
 */
public record ScenarioProgram(String name, String file, int line, PlatformSpec platform, List<DeviceSpec> devices,
                              List<Step> steps) { }
