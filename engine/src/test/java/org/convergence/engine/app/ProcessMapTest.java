package org.convergence.engine.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.convergence.engine.analysis.SnapshotComparison;
import org.convergence.loader.LoadException;
import org.junit.jupiter.api.Test;

class ProcessMapTest {

    @Test
    void linesCommentsAndNotesWithCommas() {
        ProcessMap map = ProcessMap.parse("map.csv", "\uFEFF# earlier,later,note\n\nPPP,PM,succeeded by Proyecto"
                + " Mesoamérica in 2008, with Colombia\r\nOLD , NEW\n");
        assertThat(map.list()).containsExactly(
                new SnapshotComparison.Mapping("PPP", "PM", "succeeded by Proyecto Mesoamérica in 2008, with Colombia"),
                new SnapshotComparison.Mapping("OLD", "NEW", ""));
        assertThat(map.mappings().get(0).line()).isEqualTo(3);
        assertThat(map.inverse().list().get(0)).isEqualTo(new SnapshotComparison.Mapping("PM", "PPP",
                "succeeded by Proyecto Mesoamérica in 2008, with Colombia"));
    }

    @Test
    void badLinesNameTheFileAndLine() {
        assertThatThrownBy(() -> ProcessMap.parse("map.csv", "PPP PM\n")).isInstanceOf(LoadException.class)
                .hasMessageContaining("map.csv:1:").hasMessageContaining("comma");
        assertThatThrownBy(() -> ProcessMap.parse("map.csv", "A,B\nA,C\n")).hasMessageContaining("map.csv:2:")
                .hasMessageContaining("`A` is mapped twice (also on line 1)");
        assertThatThrownBy(() -> ProcessMap.parse("map.csv", "A,B\nC,B\n")).hasMessageContaining("map.csv:2:")
                .hasMessageContaining("`B`");
        assertThatThrownBy(() -> ProcessMap.parse("map.csv", "A,A\n")).hasMessageContaining("itself");
        assertThatThrownBy(() -> ProcessMap.parse("map.csv", ",B\n")).hasMessageContaining("empty process");
    }

    @Test
    void processesTheSnapshotsDoNotHoldAreNamedWithTheirLine() {
        ProcessMap map = ProcessMap.parse("map.csv", "# header\nPPP,PM\nXYZ,CSM\n");
        map.check("seed", Set.of("PPP", "XYZ"), "later", Set.of("PM", "CSM"));
        assertThatThrownBy(() -> map.check("seed", Set.of("PPP"), "later", Set.of("PM", "CSM")))
                .isInstanceOf(LoadException.class).hasMessageContaining("map.csv:3:")
                .hasMessageContaining("`XYZ` is not in data set `seed`");
        assertThatThrownBy(() -> map.check("seed", Set.of("PPP", "XYZ"), "later", Set.of("CSM")))
                .hasMessageContaining("map.csv:2:").hasMessageContaining("`PM` is not in data set `later`");
    }
}
