package org.convergence.engine.export;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.convergence.engine.analysis.ClusterKind;
import org.convergence.engine.analysis.OverlapAnalysis.PairField;
import org.convergence.engine.neo4j.RunReader;
import org.convergence.engine.neo4j.RunReader.Edge;
import org.convergence.engine.neo4j.RunReader.Kind;
import org.convergence.engine.neo4j.RunReader.Member;
import org.convergence.engine.neo4j.RunReader.Scores;

/**
 * A run small enough to check by hand, built as {@link RunReader} would read it: processes A, B and C
 * (C shares nothing with A), themes x and y; A addresses x in two rows (parallel edges).
 *
 * <pre>
 *   A: x (ACTION_PLAN, weight 2), x (CONVERGENCE_AREA), y        B: x, y        C: y
 *   pairs: A-B shared x, y (Jaccard 2/2), B-C shared y (1/2)
 * </pre>
 *
 * Names hold what files must escape: a comma, a semicolon, quotes, markup and an ampersand.
 */
final class TinyRun {

    static final Member A = new Member(Kind.PROCESS, "A", "Alpha, \"first\"; & <b>bold</b>", Optional.empty(),
            Optional.empty(), Map.of(ClusterKind.CO, 0, ClusterKind.PROCESS, 1),
            Optional.of(new Scores(0.25, 1.5, 2, 0, false)));
    static final Member B = new Member(Kind.PROCESS, "B", "Beta", Optional.empty(), Optional.empty(),
            Map.of(ClusterKind.CO, 0, ClusterKind.PROCESS, 0), Optional.of(new Scores(0.5, 3, 2, 1, true)));
    static final Member C = new Member(Kind.PROCESS, "C", "Gamma", Optional.empty(), Optional.empty(),
            Map.of(ClusterKind.CO, 1, ClusterKind.PROCESS, 0), Optional.of(new Scores(0, 0, 1, 0, false)));
    static final Member X = new Member(Kind.THEME, "x", "Ex", Optional.of("Equis"), Optional.of("Ex"),
            Map.of(ClusterKind.CO, 0, ClusterKind.THEME, 0), Optional.of(new Scores(0.125, 1, 2, 0, false)));
    static final Member Y = new Member(Kind.THEME, "y", "Why", Optional.empty(), Optional.empty(),
            Map.of(ClusterKind.CO, 1, ClusterKind.THEME, 0), Optional.of(new Scores(0.75, 4, 3, 2, true)));

    static final List<Edge> WEIGHTED_EDGES = List.of(
            new Edge("A", "x", "ACTION_PLAN", Optional.of("Plan de acción"), OptionalDouble.of(2)),
            new Edge("A", "x", "CONVERGENCE_AREA", Optional.of("Áreas de convergencia"), OptionalDouble.of(1)),
            new Edge("A", "y", "CONVERGENCE_AREA", Optional.of("Áreas de convergencia"), OptionalDouble.of(0.5)),
            new Edge("B", "x", "LISTED", Optional.empty(), OptionalDouble.of(3)),
            new Edge("B", "y", "LISTED", Optional.empty(), OptionalDouble.empty()),
            new Edge("C", "y", "LISTED", Optional.empty(), OptionalDouble.of(1)));

    private TinyRun() {
    }

    static RunReader.Run run(boolean weighted) {
        return new RunReader.Run("tiny", "run-t", "token", "{\"relations\":\"all\"}", "test", "fingerprint",
                ZonedDateTime.parse("2026-12-01T10:00:00Z"), 3, 2, 5, 2, OptionalDouble.of(0.25), List.of(), weighted);
    }

    /** The tiny run, weighted (edges with weights, pairs with weightedJaccard) or not. */
    static ExportSource source(boolean weighted) {
        List<Edge> edges = weighted ? WEIGHTED_EDGES : WEIGHTED_EDGES.stream().map(e -> new Edge(e.process(),
                e.theme(), e.relation(), e.row(), OptionalDouble.empty())).toList();
        RunReader.Run run = run(weighted);
        return new ExportSource(run, () -> List.of(A, B, C, X, Y), sink -> {
            edges.forEach(sink);
            return edges.size();
        }, sink -> {
            pair(sink, run, "A", "B", 2, new String[] {"x", "y"}, 1.0, 0.625);
            pair(sink, run, "B", "C", 1, new String[] {"y"}, 0.5, 2d / 3);
            return 2;
        });
    }

    /** Hands one pair over as the reader does; the scores other than Jaccard are derived from it for variety. */
    private static void pair(RunReader.PairSink sink, RunReader.Run run, String a, String b, long shared,
            String[] themes, double jaccard, double weightedJaccard) {
        sink.beginPair(a, b);
        for (PairField f : run.pairFields()) {
            switch (f) {
                case SHARED -> sink.field(f.key(), shared);
                case SHARED_THEMES -> sink.field(f.key(), themes, themes.length);
                case JACCARD -> sink.field(f.key(), jaccard);
                case WEIGHTED_JACCARD -> sink.field(f.key(), weightedJaccard);
                case P_VALUE -> sink.field(f.key(), 1e-5 * shared);
                default -> sink.field(f.key(), jaccard / (f.ordinal() + 1));
            }
        }
        sink.endPair();
    }
}
