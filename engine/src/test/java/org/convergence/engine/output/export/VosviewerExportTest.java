package org.convergence.engine.output.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convergence.engine.analysis.ClusterKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VOSviewer map and network files of the tiny run, against the documented columns. */
class VosviewerExportTest {

    @TempDir
    Path dir;

    @Test
    void mapHasTheDocumentedColumnsAndNetworkTheLinksByItemNumber() throws Exception {
        List<WrittenFile> written = ExportFormat.VOSVIEWER.write(TinyRun.source(true), dir.resolve("tiny"));
        assertThat(written).extracting(f -> f.path().getFileName().toString())
                .containsExactly("tiny-vosviewer-map.txt", "tiny-vosviewer-network.txt");
        assertThat(written).extracting(WrittenFile::summary).containsExactly("3 items", "2 links");
        List<String> map = Files.readAllLines(dir.resolve("tiny-vosviewer-map.txt"));
        assertThat(map).containsExactly(
                "id\tlabel\tdescription\tcluster\tweight<Links>\tweight<Total link strength>\tweight<Themes>"
                        + "\tscore<Betweenness>",
                // A is in process cluster 1, so VOSviewer cluster 2; its name quoted (comma, semicolon,
                // quotes) and its markup escaped
                "1\tA\t\"Alpha, \"\"first\"\"; &amp; &lt;b&gt;bold&lt;/b&gt;\"\t2\t1\t2\t2\t0.25",
                "2\tB\tBeta\t1\t2\t3\t2\t0.5",
                "3\tC\tGamma\t1\t1\t1\t1\t0.0");
        // A-B share 2 themes, B-C 1; no header
        assertThat(Files.readAllLines(dir.resolve("tiny-vosviewer-network.txt"))).containsExactly("1\t2\t2", "2\t3\t1");
    }

    @Test
    void withoutProcessClustersOrCentralityThoseColumnsAreLeftOut() throws Exception {
        ExportSource tiny = TinyRun.source(false);
        List<Member> plain = tiny.members().get().stream().map(m -> new Member(m.member(), Map.of(ClusterKind.CO, 0),
                Optional.empty())).toList();
        List<WrittenFile> written = ExportFormat.VOSVIEWER.write(new ExportSource(tiny.result(), () -> plain,
                tiny.edges()), dir.resolve("plain"));
        assertThat(Files.readAllLines(dir.resolve("plain-vosviewer-map.txt")).get(0))
                .isEqualTo("id\tlabel\tdescription\tweight<Links>\tweight<Total link strength>");
        assertThat(written.get(0).note()).hasValueSatisfying(n -> assertThat(n).contains("no cluster column"));
    }

    @Test
    void labelsAreOneLineAndQuotedWhenTheyHoldASeparator() {
        assertThat(VosviewerExport.text("plain label")).isEqualTo("plain label");
        assertThat(VosviewerExport.text("a;b")).isEqualTo("\"a;b\"");
        assertThat(VosviewerExport.text("tab\there\nand there")).isEqualTo("tab here and there");
    }
}
