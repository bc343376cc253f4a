package org.convergence.engine.output.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GraphML export of the tiny run, read back with the JDK's DOM parser. */
class GraphMlExportTest {

    @TempDir
    Path dir;

    private List<String> filesIn() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void bipartiteGraphHasEveryMemberAndRelationshipWithItsAttributes() throws Exception {
        List<WrittenFile> written = ExportFormat.GRAPHML.write(TinyRun.source(true), dir.resolve("tiny"));
        assertThat(filesIn()).containsExactly("tiny-bipartite.graphml", "tiny-pairs.graphml");
        assertThat(written).extracting(WrittenFile::summary).containsExactly("5 nodes, 6 edges", "3 nodes, 2 edges");
        XmlGraph g = XmlGraph.graphMl(dir.resolve("tiny-bipartite.graphml"));
        assertThat(g.directed()).isTrue();
        assertThat(g.nodes().keySet()).containsExactly("process:A", "process:B", "process:C", "theme:x", "theme:y");
        assertThat(g.nodes().get("process:A")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "label", TinyRun.A.name(), "kind", "process", "name", TinyRun.A.name(), "cluster_co", "0",
                "cluster_process", "1", "betweenness", "0.25", "rawBetweenness", "1.5", "degree", "2",
                "disconnectedProcessPairs", "0", "bridge", "false"));
        assertThat(g.nodes().get("theme:x")).containsEntry("nameEs", "Equis").containsEntry("nameEn", "Ex")
                .containsEntry("cluster_theme", "0").containsEntry("kind", "theme").doesNotContainKey("cluster_process");
        assertThat(g.nodes().get("theme:y")).containsEntry("bridge", "true").doesNotContainKey("nameEs");
        assertThat(g.types()).containsEntry("node.cluster_co", "int").containsEntry("node.betweenness", "double")
                .containsEntry("node.degree", "long").containsEntry("node.bridge", "boolean")
                .containsEntry("edge.relation", "string").containsEntry("edge.weight", "double");
        // parallel edges A → x, one per matrix row; a weight of 1 is the key's default and left out
        assertThat(g.edges()).extracting(e -> e.source() + ">" + e.target()).containsExactly("process:A>theme:x",
                "process:A>theme:x", "process:A>theme:y", "process:B>theme:x", "process:B>theme:y", "process:C>theme:y");
        assertThat(g.edges().get(0).attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("relation", "ACTION_PLAN",
                "row", "Plan de acción", "weight", "2.0"));
        assertThat(g.edges().get(1).attributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "relation", "CONVERGENCE_AREA", "row", "Áreas de convergencia"));
        assertThat(g.edges().get(3).attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("relation", "LISTED",
                "weight", "3.0"));
        assertThat(g.defaults()).containsEntry("edge.weight", "1.0");
    }

    @Test
    void pairGraphHasEveryProcessAndEveryPairWithAllScores() throws Exception {
        ExportFormat.GRAPHML.write(TinyRun.source(true), dir.resolve("tiny"));
        XmlGraph g = XmlGraph.graphMl(dir.resolve("tiny-pairs.graphml"));
        assertThat(g.directed()).isFalse();
        assertThat(g.nodes().keySet()).containsExactly("process:A", "process:B", "process:C");
        assertThat(g.nodes().get("process:A")).containsEntry("label", TinyRun.A.name())
                .containsEntry("cluster_process", "1").containsEntry("betweenness", "0.25");
        assertThat(g.edges()).hasSize(2);
        XmlGraph.Edge ab = g.edges().get(0);
        assertThat(List.of(ab.source(), ab.target())).containsExactly("process:A", "process:B");
        assertThat(ab.attributes().keySet()).containsExactly("weight", "shared", "sharedThemes", "jaccard", "overlap",
                "cosine", "dice", "weightedJaccard", "adamicAdar", "resourceAllocation", "associationStrength", "pValue",
                "qValue");
        assertThat(ab.attributes()).containsEntry("weight", "1.0").containsEntry("jaccard", "1.0")
                .containsEntry("shared", "2").containsEntry("sharedThemes", "x|y")
                .containsEntry("weightedJaccard", "0.625").containsEntry("pValue", "2.0E-5");
        assertThat(g.edges().get(1).attributes()).containsEntry("weight", "0.5").containsEntry("sharedThemes", "y");
        assertThat(g.types()).containsEntry("edge.shared", "long").containsEntry("edge.sharedThemes", "string")
                .containsEntry("edge.qValue", "double").containsEntry("node.cluster_process", "int");
    }

    @Test
    void unweightedDataHasNoWeightsAndNoWeightedJaccard() throws Exception {
        ExportFormat.GRAPHML.write(TinyRun.source(false), dir.resolve("tiny"));
        XmlGraph bipartite = XmlGraph.graphMl(dir.resolve("tiny-bipartite.graphml"));
        assertThat(bipartite.types()).doesNotContainKey("edge.weight");
        assertThat(bipartite.edges()).allSatisfy(e -> assertThat(e.attributes()).doesNotContainKey("weight"));
        XmlGraph pairs = XmlGraph.graphMl(dir.resolve("tiny-pairs.graphml"));
        assertThat(pairs.types()).doesNotContainKey("edge.weightedJaccard");
        assertThat(pairs.edges().get(0).attributes()).doesNotContainKey("weightedJaccard").containsEntry("weight", "1.0");
    }

    @Test
    void anExportThatFailsHalfWayLeavesNoFile() throws IOException {
        ExportSource failing = TinyRun.source(true, TinyRun.pairs(true, 2, sink -> {
            sink.beginPair("A", "B");
            throw new IllegalStateException("Run run-t of data set `tiny` changed while its pairs were read");
        }));
        assertThatThrownBy(() -> ExportFormat.GRAPHML.write(failing, dir.resolve("tiny")))
                .hasMessageContaining("changed while its pairs were read");
        assertThat(filesIn()).isEmpty();
    }
}
