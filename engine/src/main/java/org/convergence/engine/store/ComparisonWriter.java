package org.convergence.engine.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.convergence.cypher.Cypher;
import org.convergence.engine.analysis.SnapshotComparison;
import org.convergence.loader.SourceText;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Writes a comparison of two snapshots to Neo4j under the rule a run's write-back follows: a
 * {@code Comparison} node in state {@code writing}, its changes in batches of their own transactions, each
 * carrying the write's token, then one small transaction that makes it {@code complete}, links it to the two
 * analysis runs ({@code EARLIER}, {@code LATER}) and marks earlier writes of the same comparison
 * {@code replaced}; only then are their changes deleted, in batches. Readers see complete comparisons only.
 *
 * <p>Stored changes, between the later data set's processes (the earlier one's for a process that is gone)
 * and themes: {@code CONVERGENCE_APPEARED} and {@code CONVERGENCE_VANISHED} between the two processes of a
 * pair, with shared count, Jaccard and q before and after; {@code THEME_GAINED} and {@code THEME_LOST} from a
 * process to a theme (a lost theme is the earlier data set's node).
 */
public final class ComparisonWriter {

    private static final int BATCH = 10_000;

    private final Driver driver;
    private final Consumer<String> progress;

    public ComparisonWriter(Driver driver, Consumer<String> progress) {
        this.driver = driver;
        this.progress = progress;
    }

    /**
     * The comparison's id: the same two runs compared with the same map and level give the same id.
     *
     * @return {@code cmp-} and twelve hex digits
     */
    public static String id(SnapshotComparison.Result r, String earlierRun, String laterRun) {
        StringBuilder key = new StringBuilder(r.earlierDataset()).append('|').append(earlierRun).append('|')
                .append(r.laterDataset()).append('|').append(laterRun).append('|').append(r.parameters().alpha());
        r.mappings().forEach(m -> key.append('|').append(m.earlier()).append('>').append(m.later()));
        return "cmp-" + SourceText.sha256(key.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }

    /**
     * Writes the comparison of two runs, both written already.
     *
     * @return the comparison's id
     */
    public String write(SnapshotComparison.Result r, String earlierRun, String laterRun) {
        String id = id(r, earlierRun, laterRun);
        String write = java.util.UUID.randomUUID().toString();
        try (Session session = driver.session()) {
            deleteWrites(session, id); // what an interrupted write of it left
            session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement("write/begin-comparison"), Map.of("id", id,
                    "write", write, "earlier", r.earlierDataset(), "later", r.laterDataset())).consume());
            Map<String, String> laterProcess = ElementIds.read(session, "read/process-element-ids", r.laterDataset());
            Map<String, String> earlierProcess = ElementIds.read(session, "read/process-element-ids", r.earlierDataset());
            Map<String, String> laterTheme = ElementIds.read(session, "read/theme-element-ids", r.laterDataset());
            Map<String, String> earlierTheme = ElementIds.read(session, "read/theme-element-ids", r.earlierDataset());
            Map<String, String> toEarlier = new HashMap<>();
            r.mappings().forEach(m -> toEarlier.put(m.later(), m.earlier()));
            Map<String, Object> base = Map.of("id", id, "write", write);
            long[] counts = new long[4];
            PairColumns appeared = new PairColumns();
            PairColumns vanished = new PairColumns();
            r.forEachPairChange((a, b, status, sb, sa, jb, ja, qb, qa) -> {
                if (status == SnapshotComparison.PairStatus.KEPT) {
                    return;
                }
                PairColumns c = status == SnapshotComparison.PairStatus.APPEARED ? appeared : vanished;
                c.add(process(a, laterProcess, earlierProcess, toEarlier), process(b, laterProcess, earlierProcess,
                        toEarlier), sb, sa, jb, ja, qb, qa);
                if (c.a.size() == BATCH) {
                    int k = status == SnapshotComparison.PairStatus.APPEARED ? 0 : 1;
                    counts[k] += commit(session, k == 0 ? "write/convergence-appeared" : "write/convergence-vanished",
                            base, c.drain());
                }
            });
            counts[0] += commit(session, "write/convergence-appeared", base, appeared.drain());
            counts[1] += commit(session, "write/convergence-vanished", base, vanished.drain());
            List<String> gp = new ArrayList<>();
            List<String> gt = new ArrayList<>();
            List<String> lp = new ArrayList<>();
            List<String> lt = new ArrayList<>();
            for (SnapshotComparison.ProcessThemes p : r.processThemes()) {
                String process = laterProcess.get(p.process());
                for (String t : p.gained()) {
                    gp.add(process);
                    gt.add(laterTheme.get(t));
                }
                for (String t : p.lost()) {
                    lp.add(process);
                    lt.add(earlierTheme.get(t));
                }
            }
            counts[2] = themeBatches(session, "write/theme-gained", base, gp, gt);
            counts[3] = themeBatches(session, "write/theme-lost", base, lp, lt);
            SnapshotComparison.PairCounts pc = r.pairCounts();
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("earlierRun", earlierRun);
            props.put("laterRun", laterRun);
            props.put("alpha", r.parameters().alpha());
            props.put("processMap", r.mappings().stream().map(m -> m.earlier() + " > " + m.later()
                    + (m.note().isEmpty() ? "" : " (" + m.note() + ")")).toList());
            // the same map as three columns, for the reader that draws the comparison again (report --compare)
            props.put("processMapEarlier", r.mappings().stream().map(SnapshotComparison.Mapping::earlier).toList());
            props.put("processMapLater", r.mappings().stream().map(SnapshotComparison.Mapping::later).toList());
            props.put("processMapNote", r.mappings().stream().map(SnapshotComparison.Mapping::note).toList());
            props.put("appeared", pc.appeared());
            props.put("vanished", pc.vanished());
            props.put("kept", pc.kept());
            props.put("becameSignificant", pc.becameSignificant());
            props.put("lostSignificance", pc.lostSignificance());
            props.put("processesAdded", r.processesAdded());
            props.put("processesRemoved", r.processesRemoved());
            props.put("bridgesGained", r.bridgesGained());
            props.put("bridgesLost", r.bridgesLost());
            r.clusterFlows().ifPresent(f -> {
                props.put("adjustedRand", f.adjustedRand());
                props.put("normalisedMutualInformation", f.normalisedMutualInformation());
                props.put("movedProcesses", f.moved());
            });
            Map<String, Object> params = new HashMap<>(base);
            params.put("earlier", r.earlierDataset());
            params.put("later", r.laterDataset());
            params.put("earlierRun", earlierRun);
            params.put("laterRun", laterRun);
            params.put("props", props);
            boolean completed = session.executeWrite(tx -> tx.run(Cypher.statement("write/complete-comparison"), params)
                    .hasNext());
            if (!completed) {
                throw new IllegalStateException("Comparison " + id + " could not be completed: a run it compares is no"
                        + " longer in the database");
            }
            progress.accept(String.format(java.util.Locale.ROOT, "wrote comparison %s: %,d appeared, %,d vanished, %,d"
                    + " themes gained, %,d lost", id, counts[0], counts[1], counts[2], counts[3]));
            deleteWrites(session, id);
        }
        return id;
    }

    private static String process(String id, Map<String, String> later, Map<String, String> earlier,
            Map<String, String> toEarlier) {
        String element = later.get(id);
        if (element == null) {
            element = earlier.get(toEarlier.getOrDefault(id, id));
        }
        if (element == null) {
            throw new IllegalStateException("Process `" + id + "` is no longer in the database");
        }
        return element;
    }

    /** Deletes, in batches, every write of the comparison that is not its visible one. */
    private void deleteWrites(Session session, String id) {
        List<String> writes = session.executeRead(tx -> tx.run(Cypher.statement("read/comparison-writes"),
                Map.of("id", id)).list(rec -> rec.get("write").asString()));
        for (String old : writes) {
            deleteWrite(session, id, old);
        }
    }

    private static void deleteWrite(Session session, String id, String write) {
        long deleted;
        do {
            deleted = session.executeWrite(tx -> tx.run(Cypher.statement("write/delete-comparison-write"),
                    Map.of("id", id, "write", write)).single().get("deleted").asLong());
        } while (deleted > 0);
        session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement("write/delete-comparison-node"),
                Map.of("id", id, "write", write)).consume());
    }

    /**
     * Removes the writes of comparisons that will never be visible: replaced ones, and those begun before
     * {@code before} and not complete.
     *
     * @return one line per write removed, to tell the user
     */
    public List<String> cleanUp(java.time.ZonedDateTime before) {
        List<String> lines = new ArrayList<>();
        try (Session session = driver.session()) {
            List<String[]> writes = session.executeRead(tx -> tx.run(Cypher.statement("read/unfinished-comparisons"),
                    Map.of("before", before)).list(rec -> new String[] {rec.get("id").asString(),
                            rec.get("write").asString()}));
            for (String[] w : writes) {
                deleteWrite(session, w[0], w[1]);
                lines.add("comparison " + w[0] + ": removed what an unfinished or replaced write left");
            }
        }
        return lines;
    }

    private static long commit(Session session, String statement, Map<String, Object> base, Map<String, Object> rows) {
        if (((List<?>) rows.get("a")).isEmpty()) {
            return 0;
        }
        Map<String, Object> params = new HashMap<>(base);
        params.putAll(rows);
        session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement(statement), params).consume());
        return ((List<?>) rows.get("a")).size();
    }

    private static long themeBatches(Session session, String statement, Map<String, Object> base, List<String> p,
            List<String> t) {
        long n = 0;
        for (int from = 0; from < p.size(); from += BATCH) {
            int to = Math.min(p.size(), from + BATCH);
            Map<String, Object> params = new HashMap<>(base);
            params.put("p", p.subList(from, to));
            params.put("t", t.subList(from, to));
            session.executeWriteWithoutResult(tx -> tx.run(Cypher.statement(statement), params).consume());
            n += to - from;
        }
        return n;
    }

    /** One batch of pair changes as parallel columns. */
    private static final class PairColumns {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<Integer> sharedBefore = new ArrayList<>();
        List<Integer> sharedAfter = new ArrayList<>();
        List<Double> jaccardBefore = new ArrayList<>();
        List<Double> jaccardAfter = new ArrayList<>();
        List<Double> qBefore = new ArrayList<>();
        List<Double> qAfter = new ArrayList<>();

        void add(String x, String y, int sb, int sa, double jb, double ja, double qb, double qa) {
            a.add(x);
            b.add(y);
            sharedBefore.add(sb);
            sharedAfter.add(sa);
            jaccardBefore.add(jb);
            jaccardAfter.add(ja);
            qBefore.add(Double.isNaN(qb) ? null : qb);
            qAfter.add(Double.isNaN(qa) ? null : qa);
        }

        /** @return the columns by parameter name, and a fresh batch in their place */
        Map<String, Object> drain() {
            Map<String, Object> rows = new HashMap<>();
            rows.put("a", a);
            rows.put("b", b);
            rows.put("sharedBefore", sharedBefore);
            rows.put("sharedAfter", sharedAfter);
            rows.put("jaccardBefore", jaccardBefore);
            rows.put("jaccardAfter", jaccardAfter);
            rows.put("qBefore", qBefore);
            rows.put("qAfter", qAfter);
            a = new ArrayList<>();
            b = new ArrayList<>();
            sharedBefore = new ArrayList<>();
            sharedAfter = new ArrayList<>();
            jaccardBefore = new ArrayList<>();
            jaccardAfter = new ArrayList<>();
            qBefore = new ArrayList<>();
            qAfter = new ArrayList<>();
            return rows;
        }
    }
}
