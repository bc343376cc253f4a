package org.convergence.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.convergence.engine.analysis.BipartiteGraph;
import org.junit.jupiter.api.Test;

/** The benchmark corpus and its perturbed copy: what they hold, counted, and the same every time. */
class TwoModeGeneratorTest {

    private static final TwoModeGenerator.Parameters CORPUS = new TwoModeGenerator.Parameters(2_000, 1_500, 40_000,
            0.3, 7);

    private static Set<String> edges(BipartiteGraph g) {
        Set<String> out = new HashSet<>();
        for (int a = 0; a < g.processCount(); a++) {
            for (int t : g.themesOf(a)) {
                out.add(g.process(a) + "," + g.theme(t));
            }
        }
        return out;
    }

    private static Set<String> edges(TwoModeGenerator.Perturbed p, BipartiteGraph g) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < p.edgeProcess().length; i++) {
            out.add(p.processIds()[p.edgeProcess()[i]] + "," + g.theme(p.edgeTheme()[i]));
        }
        return out;
    }

    @Test
    void thePerturbedCopyDiffersByWhatWasAskedAndNoMore() {
        BipartiteGraph g = TwoModeGenerator.generate(CORPUS);
        TwoModeGenerator.Perturbed later = TwoModeGenerator.perturb(g, CORPUS,
                new TwoModeGenerator.Perturbation(0.10, 0.05, 8));
        // 5 % of 2,000 processes changed: 50 removed, 50 added with new ids after the corpus' own
        assertThat(later.removed()).isEqualTo(50);
        assertThat(later.added()).isEqualTo(50);
        Set<String> before = edges(g);
        Set<String> after = edges(later, g);
        assertThat(after).hasSize(later.edgeProcess().length); // distinct
        Set<String> processesBefore = new HashSet<>();
        before.forEach(e -> processesBefore.add(e.split(",")[0]));
        Set<String> processesAfter = new HashSet<>();
        after.forEach(e -> processesAfter.add(e.split(",")[0]));
        Set<String> added = new HashSet<>(processesAfter);
        added.removeAll(processesBefore);
        Set<String> gone = new HashSet<>(processesBefore);
        gone.removeAll(processesAfter);
        assertThat(added).hasSize(50).allMatch(p -> p.compareTo("p1999") > 0 && p.length() == 5);
        assertThat(gone).hasSize(50);
        // of the surviving processes' edges, exactly the moved ones are gone, each replaced by one new edge
        long survivingBefore = before.stream().filter(e -> !gone.contains(e.split(",")[0])).count();
        assertThat(later.moved()).isEqualTo(Math.round(0.10 * survivingBefore));
        long keptEdges = after.stream().filter(before::contains).count();
        assertThat(keptEdges).isEqualTo(survivingBefore - later.moved());
        long newOfSurvivors = after.stream().filter(e -> !before.contains(e) && !added.contains(e.split(",")[0])).count();
        assertThat(newOfSurvivors).isEqualTo(later.moved());
        // each process keeps its degree: moving changes a theme, not how many
        for (int a = 0; a < 50; a++) {
            String p = g.process(a);
            if (!gone.contains(p)) {
                assertThat(after.stream().filter(e -> e.startsWith(p + ",")).count()).isEqualTo(g.processDegree(a));
            }
        }
    }

    @Test
    void theSameParametersGiveTheSameCopy() {
        BipartiteGraph g = TwoModeGenerator.generate(CORPUS);
        TwoModeGenerator.Perturbation change = new TwoModeGenerator.Perturbation(0.2, 0.1, 3);
        TwoModeGenerator.Perturbed one = TwoModeGenerator.perturb(g, CORPUS, change);
        TwoModeGenerator.Perturbed two = TwoModeGenerator.perturb(TwoModeGenerator.generate(CORPUS), CORPUS, change);
        assertThat(two.edgeProcess()).isEqualTo(one.edgeProcess());
        assertThat(two.edgeTheme()).isEqualTo(one.edgeTheme());
        TwoModeGenerator.Perturbed other = TwoModeGenerator.perturb(g, CORPUS, new TwoModeGenerator.Perturbation(0.2,
                0.1, 4));
        assertThat(edges(other, g)).isNotEqualTo(edges(one, g));
        // nothing asked, nothing changed
        TwoModeGenerator.Perturbed same = TwoModeGenerator.perturb(g, CORPUS, new TwoModeGenerator.Perturbation(0, 0, 1));
        assertThat(edges(same, g)).isEqualTo(edges(g));
    }

    @Test
    void sharesOutsideZeroToOneAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> new TwoModeGenerator.Perturbation(1.5, 0, 1)).hasMessage("Value for `movedEdges` was"
                + " `1.5`, but must be within the range [0, 1]");
        assertThatThrownBy(() -> new TwoModeGenerator.Perturbation(0, -0.1, 1)).hasMessageContaining("`processChurn`");
    }
}
