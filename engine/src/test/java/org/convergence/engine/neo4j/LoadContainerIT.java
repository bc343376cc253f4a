package org.convergence.engine.neo4j;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * {@link AbstractLoadIT} against a real Neo4j 5.26 server in a container. Runs where Docker is
 * available and is skipped (not failed) where it is not, as on the project's CI machines, saying so
 * in the build's output and not only in its reports.
 */
@Testcontainers
@EnabledIf(value = "dockerAvailable", disabledReason = "no Docker here")
class LoadContainerIT extends AbstractLoadIT {

    static boolean dockerAvailable() {
        boolean available = DockerClientFactory.instance().isDockerAvailable();
        if (!available) {
            System.err.println("LoadContainerIT: skipped, no Docker here; the same load tests ran against the"
                    + " embedded Neo4j (LoadIT)");
        }
        return available;
    }

    @Container
    static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:5.26-community").withoutAuthentication();

    private static Driver driver;

    @Override
    synchronized Driver driver() {
        if (driver == null) {
            driver = GraphDatabase.driver(NEO4J.getBoltUrl(), AuthTokens.none());
        }
        return driver;
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.close();
        }
    }
}
