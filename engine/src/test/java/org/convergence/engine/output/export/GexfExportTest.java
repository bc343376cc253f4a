package org.convergence.engine.output.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GEXF export of the tiny run, read back with the JDK's DOM parser. */
class GexfExportTest {

    @TempDir
    Path dir;

    @Test
    void bipartiteGraphHasEveryMemberAndRelationshipWithItsAttributes() throws Exception {
        List<WrittenFile> written = ExportFormat.GEXF.write(TinyRun.source(true), dir.resolve("tiny"));
        assertThat(written).extracting(f -> f.path().getFileName().toString())
                .containsExactly("tiny-bipartite.gexf", "tiny-pairs.gexf");
        assertThat(written).extracting(WrittenFile::summary).containsExactly("5 nodes, 6 edges", "3 nodes, 2 edges");
        XmlGraph g = XmlGraph.gexf(dir.resolve("tiny-bipartite.gexf"));
        assertThat(g.directed()).isTrue();
        assertThat(g.nodes().keySet()).containsExactly("process:A", "process:B", "process:C", "theme:x", "theme:y");
        assertThat(g.nodes().get("process:A")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "label", TinyRun.A.name(), "kind", "process", "name", TinyRun.A.name(), "cluster_co", "0",
                "cluster_process", "1", "betweenness", "0.25", "rawBetweenness", "1.5", "degree", "2",
                "disconnectedProcessPairs", "0", "bridge", "false"));
        assertThat(g.nodes().get("theme:x")).containsEntry("label", "Ex").containsEntry("nameEs", "Equis")
                .containsEntry("cluster_theme", "0");
        assertThat(g.types()).containsEntry("node.cluster_co", "integer").containsEntry("node.degree", "long")
                .containsEntry("node.bridge", "boolean").containsEntry("edge.row", "string");
        // GEXF writes every weight, 1 included
        assertThat(g.edges()).extracting(e -> e.source() + ">" + e.target() + " " + e.attributes().get("weight"))
                .containsExactly("process:A>theme:x 2.0", "process:A>theme:x 1.0", "process:A>theme:y 0.5",
                        "process:B>theme:x 3.0", "process:B>theme:y 1.0", "process:C>theme:y 1.0");
        assertThat(g.edges().get(0).attributes()).containsEntry("relation", "ACTION_PLAN")
                .containsEntry("row", "Plan de acción");
        assertThat(g.edges().get(3).attributes()).doesNotContainKey("row");
        assertThat(g.edges()).extracting(XmlGraph.Edge::id).doesNotHaveDuplicates();
    }

    @Test
    void pairGraphHasEveryProcessAndEveryPairWeightedByJaccard() throws Exception {
        ExportFormat.GEXF.write(TinyRun.source(true), dir.resolve("tiny"));
        XmlGraph g = XmlGraph.gexf(dir.resolve("tiny-pairs.gexf"));
        assertThat(g.directed()).isFalse();
        assertThat(g.nodes().keySet()).containsExactly("process:A", "process:B", "process:C");
        assertThat(g.nodes().get("process:B")).containsEntry("label", "Beta").containsEntry("bridge", "true");
        assertThat(g.edges()).extracting(e -> e.source() + "-" + e.target() + " " + e.attributes().get("weight"))
                .containsExactly("process:A-process:B 1.0", "process:B-process:C 0.5");
        assertThat(g.edges().get(0).attributes()).containsEntry("shared", "2").containsEntry("sharedThemes", "x|y")
                .containsEntry("weightedJaccard", "0.625").containsEntry("pValue", "2.0E-5").hasSize(13);
        assertThat(g.types()).containsEntry("edge.shared", "long").containsEntry("edge.jaccard", "double")
                .containsEntry("node.cluster_co", "integer");
    }

    @Test
    void unweightedDataHasNoEdgeWeightsInTheBipartiteGraph() throws Exception {
        ExportFormat.GEXF.write(TinyRun.source(false), dir.resolve("tiny"));
        assertThat(XmlGraph.gexf(dir.resolve("tiny-bipartite.gexf")).edges())
                .allSatisfy(e -> assertThat(e.attributes()).doesNotContainKey("weight"));
        assertThat(XmlGraph.gexf(dir.resolve("tiny-pairs.gexf")).types()).doesNotContainKey("edge.weightedJaccard");
    }
}
