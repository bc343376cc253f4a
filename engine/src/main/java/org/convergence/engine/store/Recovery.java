package org.convergence.engine.store;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.convergence.loader.neo4j.GraphWriter;

/**
 * What a command does first on opening the database: finds writes that a crash or {@code kill -9}
 * left unfinished and removes their invisible leftovers. On the embedded store this process holds the
 * only lock, so every unfinished write is dead; on a shared server a write counts as abandoned only
 * after {@link #SHARED_SERVER_GRACE}, since another client may still be writing.
 */
public final class Recovery {

    /** How long an unfinished write on a shared server is presumed alive. */
    public static final Duration SHARED_SERVER_GRACE = Duration.ofHours(24);

    private Recovery() {
    }

    /**
     * @param neo4j an open connection
     * @return one line per cleaned-up leftover, to tell the user
     */
    public static List<String> run(Neo4jConnection neo4j) {
        ZonedDateTime before = neo4j.embedded().isPresent() ? ZonedDateTime.now()
                : ZonedDateTime.now().minus(SHARED_SERVER_GRACE);
        List<String> lines = new ArrayList<>(GraphWriter.cleanUp(neo4j.driver(), before));
        lines.addAll(new ResultWriter(neo4j.driver()).cleanUp(null, before));
        lines.addAll(new ComparisonWriter(neo4j.driver(), line -> { }).cleanUp(before));
        return lines;
    }
}
