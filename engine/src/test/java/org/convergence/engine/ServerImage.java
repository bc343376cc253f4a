package org.convergence.engine;

import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Neo4j 5.26 server image the container tests run against: built offline by
 * {@code .ci/neo4j-image/build.sh} (a Debian base from Debian's packages, the community server from the
 * Maven jars of the version the project embeds, started through its own entry point), tagged
 * {@code convergence/neo4j:VERSION} and taken by Testcontainers as a substitute for {@code neo4j}. The
 * tests run where Docker runs and the image is there, and are skipped, with one line saying why,
 * elsewhere. Testcontainers' Ryuk is off (its image is on no registry this machine reaches); the tests
 * stop their containers themselves.
 */
public final class ServerImage {

    /** The Neo4j version the project embeds, which the image must run (the build passes it in). */
    public static final String VERSION = System.getProperty("neo4j.version", "5.26.30");
    /** The image's name. */
    public static final String IMAGE = "convergence/neo4j:" + VERSION;

    private ServerImage() {
    }

    /** @return why the container tests cannot run here, if they cannot */
    public static Optional<String> unavailable() {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.of("no Docker here (as root on Debian, .ci/run installs and starts it)");
            }
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("Docker does not answer as Testcontainers needs: " + e);
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
        } catch (RuntimeException e) {
            return Optional.of("image " + IMAGE + " is not built (bash .ci/neo4j-image/build.sh builds it offline)");
        }
        return Optional.empty();
    }

    /**
     * Whether the container tests can run; says on stderr, once per class, why not.
     *
     * @param test the test class, named in the line
     */
    public static boolean available(Class<?> test) {
        Optional<String> why = unavailable();
        why.ifPresent(w -> System.err.println(test.getSimpleName() + ": skipped, " + w));
        return why.isEmpty();
    }

    /** @return a container of the image, not started */
    @SuppressWarnings("resource")
    public static Neo4jContainer container() {
        return new Neo4jContainer(DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("neo4j"));
    }
}
