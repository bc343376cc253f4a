package org.convergence.engine.neo4j;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convergence.cypher.Cypher;
import org.convergence.engine.analysis.BipartiteGraph;
import org.convergence.engine.analysis.Centrality;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;

/**
 * Writes analysis results back into Neo4j, all through the driver in batches and in one transaction:
 * an {@code AnalysisRun} node (parameters, time, engine version, input fingerprint) linked to its data
 * set; one {@code CONVERGES_WITH} relationship per converging pair carrying the scores; {@code Cluster}
 * nodes with {@code IN_CLUSTER} memberships; {@code SCORED} relationships from the run to every theme and
 * process with betweenness, degree and bridge scores. A run is identified by data set and parameters:
 * writing it again replaces it, runs with other parameters stay beside it.
 */
public final class ResultWriter {

    private static final int BATCH = 10_000;

    private final Driver driver;

    public ResultWriter(Driver driver) {
        this.driver = driver;
    }

    /**
     * @param dataset data set name
     * @param run run id (from data set and parameters)
     * @param parametersJson the parameters, as canonical JSON
     * @param engineVersion engine version
     * @param report what to write
     * @return the number of relationships and nodes written
     */
    public long write(String dataset, String run, String parametersJson, String engineVersion,
            ConvergenceAnalysis.Report report) {
        BipartiteGraph g = report.data().graph();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("parameters", parametersJson);
        props.put("engineVersion", engineVersion);
        props.put("inputFingerprint", report.data().fingerprint());
        props.put("finishedAt", ZonedDateTime.now());
        props.put("processes", g.processCount());
        props.put("themes", g.themeCount());
        props.put("edges", g.edgeCount());
        props.put("pairs", report.overlap().pairs().size());
        report.clusters("co").ifPresent(c -> props.put("modularity", c.modularity()));
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                for (String statement : Cypher.statements("write/delete-run")) {
                    tx.run(statement, Map.of("dataset", dataset, "run", run)).consume();
                }
                tx.run(Cypher.statement("write/merge-run"), Map.of("dataset", dataset, "run", run, "props", props))
                        .consume();
                long written = 1;
                written += batches(tx, "write/converges-with", dataset, run, pairRows(report));
                List<Map<String, Object>> clusters = new ArrayList<>();
                List<Map<String, Object>> processMembers = new ArrayList<>();
                List<Map<String, Object>> themeMembers = new ArrayList<>();
                for (ConvergenceAnalysis.ClusterSet set : report.clusterSets()) {
                    for (ConvergenceAnalysis.Cluster c : set.clusters()) {
                        String id = run + ":" + set.kind() + ":" + c.id();
                        Map<String, Object> cp = new LinkedHashMap<>();
                        cp.put("run", run);
                        cp.put("kind", set.kind());
                        cp.put("index", c.id());
                        cp.put("processes", c.processes().size());
                        cp.put("themes", c.themes().size());
                        cp.put("modularity", set.modularity());
                        clusters.add(Map.of("id", id, "props", cp));
                        c.processes().forEach(p -> processMembers.add(Map.of("member", p, "cluster", id)));
                        c.themes().forEach(t -> themeMembers.add(Map.of("member", t, "cluster", id)));
                    }
                }
                written += batches(tx, "write/cluster-nodes", dataset, run, clusters);
                written += batches(tx, "write/cluster-process-members", dataset, run, processMembers);
                written += batches(tx, "write/cluster-theme-members", dataset, run, themeMembers);
                if (report.centrality() != null) {
                    written += batches(tx, "write/theme-scores", dataset, run, scoreRows(report.centrality().themes()));
                    written += batches(tx, "write/process-scores", dataset, run,
                            scoreRows(report.centrality().processes()));
                }
                return written;
            });
        }
    }

    private static List<Map<String, Object>> pairRows(ConvergenceAnalysis.Report report) {
        BipartiteGraph g = report.data().graph();
        List<Map<String, Object>> rows = new ArrayList<>(report.overlap().pairs().size());
        for (OverlapAnalysis.ScoredPair sp : report.overlap().pairs()) {
            rows.add(Map.of("a", g.process(sp.scores().a()), "b", g.process(sp.scores().b()), "props", sp.properties(g)));
        }
        return rows;
    }

    private static List<Map<String, Object>> scoreRows(List<Centrality.Score> scores) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Centrality.Score s : scores) {
            rows.add(Map.of("id", s.id(), "props", Map.of("betweenness", s.betweenness(), "rawBetweenness",
                    s.rawBetweenness(), "degree", s.degree(), "disconnectedProcessPairs", s.disconnectedProcessPairs(),
                    "bridge", s.disconnectedProcessPairs() > 0)));
        }
        return rows;
    }

    private static long batches(TransactionContext tx, String statement, String dataset, String run,
            List<Map<String, Object>> rows) {
        String cypher = Cypher.statement(statement);
        for (int from = 0; from < rows.size(); from += BATCH) {
            tx.run(cypher, Map.of("dataset", dataset, "run", run, "rows",
                    rows.subList(from, Math.min(rows.size(), from + BATCH)))).consume();
        }
        return rows.size();
    }
}
