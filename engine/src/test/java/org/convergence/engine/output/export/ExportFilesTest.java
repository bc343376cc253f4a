package org.convergence.engine.output.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The names of an export's files from what a user typed as {@code --out}. */
class ExportFilesTest {

    private static final Path DIR = Path.of("/data/out");

    @Test
    void aNameEndingAsTheOneFileOfItsFormatIsThatFile() {
        assertThat(ExportFormat.CSV.files(DIR.resolve("mine-pairs.csv")).file("pairs.csv"))
                .isEqualTo(DIR.resolve("mine-pairs.csv"));
        assertThat(ExportFormat.CSV.files(DIR.resolve("mine.csv")).file("pairs.csv")).isEqualTo(DIR.resolve("mine.csv"));
        assertThat(ExportFormat.CSV.files(DIR.resolve("MINE.CSV")).file("pairs.csv")).isEqualTo(DIR.resolve("MINE.CSV"));
        assertThat(ExportFormat.CSV.files(DIR.resolve("mine")).file("pairs.csv")).isEqualTo(DIR.resolve("mine-pairs.csv"));
    }

    @Test
    void aFormatOfSeveralFilesTakesTheNameBeforeItsPartOrExtension() {
        ExportFiles files = ExportFormat.GRAPHML.files(DIR.resolve("mine.graphml"));
        assertThat(files.file("bipartite.graphml")).isEqualTo(DIR.resolve("mine-bipartite.graphml"));
        assertThat(files.file("pairs.graphml")).isEqualTo(DIR.resolve("mine-pairs.graphml"));
        assertThat(ExportFormat.GRAPHML.files(DIR.resolve("mine-pairs.graphml")).file("bipartite.graphml"))
                .isEqualTo(DIR.resolve("mine-bipartite.graphml"));
        assertThat(ExportFormat.VOSVIEWER.files(DIR.resolve("mine-vosviewer-map.txt")).file("vosviewer-network.txt"))
                .isEqualTo(DIR.resolve("mine-vosviewer-network.txt"));
        // another format's extension is part of the prefix
        assertThat(ExportFormat.GEXF.files(DIR.resolve("mine.csv")).file("pairs.gexf"))
                .isEqualTo(DIR.resolve("mine.csv-pairs.gexf"));
    }
}
