package org.convergence.engine.output.export;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.convergence.engine.analysis.Centrality;
import org.convergence.engine.analysis.ClusterKind;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.Side;
import org.convergence.engine.dataset.GraphMember;

/**
 * A node of the exported graphs: a process or theme of the run's graph with its names (from the data set) and
 * its clusters and centrality (from the run's result).
 *
 * @param member the process or theme and its names
 * @param clusters its cluster index in each clustering of the run that covers it
 * @param scores its centrality, if the run computed centrality
 */
record Member(GraphMember member, Map<ClusterKind, Integer> clusters, Optional<Centrality.Score> scores) {

    Member {
        clusters = clusters.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(clusters));
    }

    /** @return process or theme */
    Side side() {
        return member.side();
    }

    /** @return its id */
    String id() {
        return member.id();
    }

    /** @return its name */
    String name() {
        return member.name();
    }

    /** @return its cluster index in the clustering of that kind, if it has one */
    OptionalInt cluster(ClusterKind clustering) {
        Integer index = clusters.get(clustering);
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /**
     * @param members the run's graph's processes and themes, as the data set stores them
     * @param result the run's result
     * @return each with its clusters and scores, in the members' order
     */
    static List<Member> of(List<GraphMember> members, ConvergenceAnalysis.Result result) {
        Map<String, Map<ClusterKind, Integer>> clusters = new HashMap<>();
        for (ConvergenceAnalysis.ClusterSet set : result.clusterSets()) {
            for (ConvergenceAnalysis.Cluster c : set.clusters()) {
                c.processes().forEach(p -> clusters.computeIfAbsent(key(Side.PROCESS, p), k -> new EnumMap<>(
                        ClusterKind.class)).put(set.kind(), c.id()));
                c.themes().forEach(t -> clusters.computeIfAbsent(key(Side.THEME, t), k -> new EnumMap<>(
                        ClusterKind.class)).put(set.kind(), c.id()));
            }
        }
        Map<String, Centrality.Score> scores = new HashMap<>();
        if (result.centrality() != null) {
            result.centrality().processes().forEach(s -> scores.put(key(s.side(), s.id()), s));
            result.centrality().themes().forEach(s -> scores.put(key(s.side(), s.id()), s));
        }
        return members.stream().map(m -> new Member(m, clusters.getOrDefault(key(m.side(), m.id()), Map.of()),
                Optional.ofNullable(scores.get(key(m.side(), m.id()))))).toList();
    }

    private static String key(Side side, String id) {
        return side.key() + ":" + id;
    }
}
