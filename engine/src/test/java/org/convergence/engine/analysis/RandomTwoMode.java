package org.convergence.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random two-mode data for property tests. */
final class RandomTwoMode {

    private RandomTwoMode() {
    }

    /** Each process-theme cell is an edge with probability {@code density}, drawn from {@code seed}. */
    static TwoModeData of(long seed, int processes, int themes, double density) {
        Random random = new Random(seed);
        List<TwoModeData.Row> rows = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            for (int t = 0; t < themes; t++) {
                if (random.nextDouble() < density) {
                    rows.add(new TwoModeData.Row("p" + p, "p" + p, "t" + t, "t" + t, "LISTED", null));
                }
            }
        }
        return TwoModeData.of(rows);
    }
}
