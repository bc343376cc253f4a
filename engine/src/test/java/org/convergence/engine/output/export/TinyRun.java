package org.convergence.engine.output.export;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.convergence.engine.analysis.Centrality;
import org.convergence.engine.analysis.ClusterKind;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis.PairField;
import org.convergence.engine.analysis.Side;
import org.convergence.engine.dataset.GraphEdge;
import org.convergence.engine.dataset.GraphMember;

/**
 * A run small enough to check by hand, as the reader of a stored run gives it: processes A, B and C
 * (C shares nothing with A), themes x and y; A addresses x in two rows (parallel edges).
 *
 * <pre>
 *   A: x (ACTION_PLAN, weight 2), x (CONVERGENCE_AREA), y        B: x, y        C: y
 *   pairs: A-B shared x, y (Jaccard 2/2), B-C shared y (1/2)
 *   clusters: co {A, B | x} {C | y}, process {B, C} {A}, theme {x, y}
 * </pre>
 *
 * Names hold what files must escape: a comma, a semicolon, quotes, markup and an ampersand.
 */
final class TinyRun {

    static final GraphMember A = new GraphMember(Side.PROCESS, "A", "Alpha, \"first\"; & <b>bold</b>", Optional.empty(),
            Optional.empty());
    static final GraphMember B = new GraphMember(Side.PROCESS, "B", "Beta", Optional.empty(), Optional.empty());
    static final GraphMember C = new GraphMember(Side.PROCESS, "C", "Gamma", Optional.empty(), Optional.empty());
    static final GraphMember X = new GraphMember(Side.THEME, "x", "Ex", Optional.of("Equis"), Optional.of("Ex"));
    static final GraphMember Y = new GraphMember(Side.THEME, "y", "Why", Optional.empty(), Optional.empty());

    static final List<GraphEdge> WEIGHTED_EDGES = List.of(
            new GraphEdge("A", "x", "ACTION_PLAN", Optional.of("Plan de acción"), OptionalDouble.of(2)),
            new GraphEdge("A", "x", "CONVERGENCE_AREA", Optional.of("Áreas de convergencia"), OptionalDouble.of(1)),
            new GraphEdge("A", "y", "CONVERGENCE_AREA", Optional.of("Áreas de convergencia"), OptionalDouble.of(0.5)),
            new GraphEdge("B", "x", "LISTED", Optional.empty(), OptionalDouble.of(3)),
            new GraphEdge("B", "y", "LISTED", Optional.empty(), OptionalDouble.empty()),
            new GraphEdge("C", "y", "LISTED", Optional.empty(), OptionalDouble.of(1)));

    private TinyRun() {
    }

    /** The tiny run's result with these pairs. */
    static ConvergenceAnalysis.Result result(boolean weighted, OverlapAnalysis.Pairs pairs) {
        ConvergenceAnalysis.Provenance provenance = new ConvergenceAnalysis.Provenance("tiny", "run-t",
                "{\"relations\":\"all\"}", "test", "fingerprint", ZonedDateTime.parse("2026-12-01T10:00:00Z"), List.of(),
                3, 2, 5, 6, weighted);
        List<ConvergenceAnalysis.ClusterSet> clusters = List.of(
                new ConvergenceAnalysis.ClusterSet(ClusterKind.CO, List.of(
                        new ConvergenceAnalysis.Cluster(0, List.of("A", "B"), List.of("x")),
                        new ConvergenceAnalysis.Cluster(1, List.of("C"), List.of("y"))), 0.25),
                new ConvergenceAnalysis.ClusterSet(ClusterKind.PROCESS, List.of(
                        new ConvergenceAnalysis.Cluster(0, List.of("B", "C"), List.of()),
                        new ConvergenceAnalysis.Cluster(1, List.of("A"), List.of())), 0.1),
                new ConvergenceAnalysis.ClusterSet(ClusterKind.THEME, List.of(
                        new ConvergenceAnalysis.Cluster(0, List.of(), List.of("x", "y"))), 0.0));
        Centrality.Result centrality = new Centrality.Result(
                List.of(new Centrality.Score(Side.THEME, "y", "Why", 0.75, 4, 3, 2),
                        new Centrality.Score(Side.THEME, "x", "Ex", 0.125, 1, 2, 0)),
                List.of(new Centrality.Score(Side.PROCESS, "B", "Beta", 0.5, 3, 2, 1),
                        new Centrality.Score(Side.PROCESS, "A", A.name(), 0.25, 1.5, 2, 0),
                        new Centrality.Score(Side.PROCESS, "C", "Gamma", 0, 0, 1, 0)), 5, 5);
        return new ConvergenceAnalysis.Result(provenance, pairs, clusters, List.of(), centrality, Map.of(),
                Map.of("x", "Ex", "y", "Why"), List.of(), Map.of());
    }

    /** Pairs handed over by {@code body}, counted as {@code count}. */
    static OverlapAnalysis.Pairs pairs(boolean weighted, long count, Consumer<OverlapAnalysis.PairSink> body) {
        return new OverlapAnalysis.Pairs() {
            @Override
            public long count() {
                return count;
            }

            @Override
            public long hypotheses() {
                return 3;
            }

            @Override
            public List<PairField> fields() {
                return PairField.of(weighted);
            }

            @Override
            public void forEach(OverlapAnalysis.PairSink sink) {
                body.accept(sink);
            }

            @Override
            public void strongest(long n, OverlapAnalysis.PairSink sink) {
                body.accept(sink);
            }
        };
    }

    /** The tiny run's two pairs. */
    static OverlapAnalysis.Pairs pairs(boolean weighted) {
        List<PairField> fields = PairField.of(weighted);
        return pairs(weighted, 2, sink -> {
            pair(sink, fields, "A", "B", 2, new String[] {"x", "y"}, 1.0, 0.625);
            pair(sink, fields, "B", "C", 1, new String[] {"y"}, 0.5, 2d / 3);
        });
    }

    /** The tiny run, weighted (edges with weights, pairs with weightedJaccard) or not. */
    static ExportSource source(boolean weighted) {
        return source(weighted, pairs(weighted));
    }

    /** The tiny run's members and edges with these pairs. */
    static ExportSource source(boolean weighted, OverlapAnalysis.Pairs pairs) {
        List<GraphEdge> edges = weighted ? WEIGHTED_EDGES : WEIGHTED_EDGES.stream().map(e -> new GraphEdge(e.process(),
                e.theme(), e.relation(), e.row(), OptionalDouble.empty())).toList();
        return ExportSource.of(result(weighted, pairs), () -> List.of(A, B, C, X, Y), sink -> {
            edges.forEach(sink);
            return edges.size();
        });
    }

    /** Hands one pair over as the reader does; the scores other than Jaccard are derived from it for variety. */
    private static void pair(OverlapAnalysis.PairSink sink, List<PairField> fields, String a, String b, long shared,
            String[] themes, double jaccard, double weightedJaccard) {
        sink.beginPair(a, b);
        for (PairField f : fields) {
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
