package org.convergence.engine.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.convergence.engine.ServerImage;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * {@link AbstractLoadIT} against a real Neo4j 5.26 server in a container ({@link ServerImage}). Runs where
 * Docker and the image are, and is skipped (not failed) elsewhere, saying why in the build's output; the
 * same load tests run against the embedded Neo4j ({@link LoadIT}) everywhere.
 */
@Testcontainers
@EnabledIf(value = "serverImageAvailable", disabledReason = "no Docker or no server image here")
class LoadContainerIT extends AbstractLoadIT {

    static boolean serverImageAvailable() {
        return ServerImage.available(LoadContainerIT.class);
    }

    @Container
    static final Neo4jContainer NEO4J = ServerImage.container().withoutAuthentication();

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
