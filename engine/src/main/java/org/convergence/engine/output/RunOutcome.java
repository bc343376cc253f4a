package org.convergence.engine.output;

import java.util.Map;
import org.convergence.engine.analysis.ConvergenceAnalysis;

/**
 * A finished run, as every output renders it.
 *
 * @param result the results, identified and, when written, finished
 * @param parameters the parameters that decide results
 * @param timingsMs read, overlap, clusters, paths, centrality, recommendations, write
 */
public record RunOutcome(ConvergenceAnalysis.Result result, Map<String, Object> parameters, Map<String, Long> timingsMs) {

    /** @return the data set's name */
    public String dataset() {
        return result.provenance().dataset();
    }

    /** @return the run's id */
    public String run() {
        return result.provenance().run();
    }
}
