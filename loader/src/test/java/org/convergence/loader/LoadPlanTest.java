package org.convergence.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadPlanTest {

    @Test
    void processCaptionIsCodeAndShortName() {
        assertThat(LoadPlan.processCaption("CRM", Map.of("code", "CRM", "name", "Conferencia Regional sobre Migración")))
                .isEqualTo("CRM · Conferencia Regional…");
        assertThat(LoadPlan.processCaption("SOA", Map.of("code", "SOA", "name", "Cumbre de las Américas")))
                .isEqualTo("SOA · Cumbre de las Américas");
        // a CSV process whose name is its id, and one without a name
        assertThat(LoadPlan.processCaption("p1", Map.of("name", "p1"))).isEqualTo("p1");
        assertThat(LoadPlan.processCaption("p2", Map.of())).isEqualTo("p2");
        // cut on code points, never inside a surrogate pair
        String name = "😀".repeat(30);
        assertThat(LoadPlan.processCaption("x", Map.of("name", name))).isEqualTo("x · " + "😀".repeat(24) + "…");
    }

    @Test
    void everyProcessOfAPlanGetsItsCaption() {
        LoadPlan plan = new LoadPlan.Builder().node(NodeKind.PROCESS, "PPP", Map.of("code", "PPP",
                "name", "Plan Puebla – Panamá")).build(new LoadPlan.Source("csv", "t.csv", "0", "t", "none", "none"));
        assertThat(plan.node(NodeKind.PROCESS, "PPP").orElseThrow().props())
                .containsEntry("caption", "PPP · Plan Puebla – Panamá");
    }
}
