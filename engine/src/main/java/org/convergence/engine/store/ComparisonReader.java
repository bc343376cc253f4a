package org.convergence.engine.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convergence.cypher.Cypher;
import org.convergence.engine.analysis.SnapshotComparison;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * Reads what a stored comparison ({@link ComparisonWriter}) was made of: the two complete runs it compared,
 * its significance level and its process map. With the two runs read back by {@link RunReader#result}, that
 * is enough to draw the same comparison again without analysing anything.
 */
public final class ComparisonReader {

    private final Driver driver;

    public ComparisonReader(Driver driver) {
        this.driver = driver;
    }

    /**
     * A complete comparison as stored.
     *
     * @param id its id
     * @param earlierRun the earlier data set's run it compared
     * @param laterRun the later data set's run
     * @param parameters its parameters
     * @param mappings its process map
     */
    public record Stored(String id, String earlierRun, String laterRun, SnapshotComparison.Parameters parameters,
            List<SnapshotComparison.Mapping> mappings) {
        public Stored {
            mappings = List.copyOf(mappings);
        }
    }

    /**
     * @param earlier the earlier data set
     * @param later the later data set
     * @return the latest complete comparison of the two whose runs are both still complete, or empty
     * @throws IllegalStateException for a comparison with a process map written before the map was stored
     *     in columns
     */
    public Optional<Stored> latest(String earlier, String later) {
        try (Session session = driver.session()) {
            List<Record> rows = session.executeRead(tx -> tx.run(Cypher.statement("read/stored-comparison"),
                    Map.of("earlier", earlier, "later", later)).list());
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Record r = rows.get(0);
            List<String> from = r.get("mapEarlier").asList(v -> v.asString());
            List<String> to = r.get("mapLater").asList(v -> v.asString());
            List<String> notes = r.get("mapNote").asList(v -> v.asString());
            if (from.size() != r.get("mapped").asInt() || to.size() != from.size() || notes.size() != from.size()) {
                throw new IllegalStateException("Comparison " + r.get("id").asString() + " of `" + earlier + "` and `"
                        + later + "` was stored without its process map in columns; run `convergence compare "
                        + earlier + " " + later + "` again");
            }
            List<SnapshotComparison.Mapping> mappings = new ArrayList<>();
            for (int i = 0; i < from.size(); i++) {
                mappings.add(new SnapshotComparison.Mapping(from.get(i), to.get(i), notes.get(i)));
            }
            return Optional.of(new Stored(r.get("id").asString(), r.get("earlierRun").asString(),
                    r.get("laterRun").asString(), new SnapshotComparison.Parameters(r.get("alpha").asDouble()),
                    mappings));
        }
    }
}
