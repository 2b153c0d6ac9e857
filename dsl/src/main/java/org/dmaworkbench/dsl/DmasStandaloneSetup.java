package org.dmaworkbench.dsl;

/** Creates the language's injector outside Eclipse (CLI, Maven plugin, tests) and registers it with EMF. */
public class DmasStandaloneSetup extends DmasStandaloneSetupGenerated {
    public static void doSetup() {
        new DmasStandaloneSetup().createInjectorAndDoEMFRegistration();
    }
}
