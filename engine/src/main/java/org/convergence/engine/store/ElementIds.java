package org.convergence.engine.store;

import java.util.HashMap;
import java.util.Map;
import org.convergence.cypher.Cypher;
import org.neo4j.driver.Session;

/**
 * The element ids of a data set's nodes by their own id, read once per write so that batches find nodes
 * without an index lookup per row (the run write-back and the comparison writer).
 */
final class ElementIds {

    private ElementIds() {
    }

    /**
     * @param statement a read statement taking {@code $dataset} and returning {@code id} and {@code element}
     *     ({@code read/process-element-ids}, {@code read/theme-element-ids})
     * @return element id by node id
     */
    static Map<String, String> read(Session session, String statement, String dataset) {
        Map<String, String> out = new HashMap<>();
        session.executeRead(tx -> {
            out.clear(); // a retried transaction starts again
            tx.run(Cypher.statement(statement), Map.of("dataset", dataset))
                    .forEachRemaining(r -> out.put(r.get("id").asString(), r.get("element").asString()));
            return null;
        });
        return out;
    }
}
