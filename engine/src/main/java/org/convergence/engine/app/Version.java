package org.convergence.engine.app;

/** The engine's version, as the jar's manifest states it (stored with every run). */
public final class Version {

    private Version() {
    }

    /** @return the implementation version of the engine's jar, or the development version when run from classes */
    public static String of() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
