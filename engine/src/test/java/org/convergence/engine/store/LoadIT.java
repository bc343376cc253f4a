package org.convergence.engine.store;

import org.convergence.engine.Neo4jServers;
import org.neo4j.driver.Driver;

/** {@link AbstractLoadIT} against the in-process Neo4j 5.26 over Bolt. */
class LoadIT extends AbstractLoadIT {

    @Override
    Driver driver() {
        return Neo4jServers.embedded().driver();
    }
}
