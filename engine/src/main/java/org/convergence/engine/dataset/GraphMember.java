package org.convergence.engine.dataset;

import java.util.Optional;
import org.convergence.engine.analysis.Side;

/**
 * A process or theme of the graph an analysis ran on (the data set's edges of the run's relation kinds), with
 * its names as the data set stores them.
 *
 * @param side process or theme
 * @param id its id in the data set
 * @param name its name ({@code name}, else the id)
 * @param nameEs its Spanish name (taxonomy themes), if stored
 * @param nameEn its English name (taxonomy themes), if stored
 */
public record GraphMember(Side side, String id, String name, Optional<String> nameEs, Optional<String> nameEn) {
}
