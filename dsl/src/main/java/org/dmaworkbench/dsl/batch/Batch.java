package org.dmaworkbench.dsl.batch;

import com.google.inject.Injector;
import org.dmaworkbench.dsl.DmasStandaloneSetup;

/** The language's batch injector and its {@link BatchService}: where the front ends get the one batch path. */
public final class Batch {
    private static Injector injector;

    private Batch() { }

    /** The language's runtime injector, created once per JVM (about a second). */
    public static synchronized Injector injector() {
        if (injector == null) injector = new DmasStandaloneSetup().createInjectorAndDoEMFRegistration();
        return injector;
    }

    /** The batch service of {@link #injector()}. */
    public static BatchService service() {
        return injector().getInstance(BatchService.class);
    }
}
