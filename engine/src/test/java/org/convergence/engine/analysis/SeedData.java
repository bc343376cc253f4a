package org.convergence.engine.analysis;

import java.util.List;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.NodeKind;
import org.convergence.loader.RelKind;
import org.convergence.loader.seed.SeedMatrixParser;
import org.convergence.loader.taxonomy.Organisations;
import org.convergence.loader.taxonomy.Taxonomy;

/** The seed matrix as analysis input, straight from the parser (no database); for tests of every package. */
public final class SeedData {

    private SeedData() {
    }

    public static TwoModeData load() {
        LoadPlan plan = new SeedMatrixParser(Taxonomy.builtIn(), Organisations.builtIn())
                .parse(SeedMatrixParser.builtInSource());
        List<TwoModeData.Row> rows = plan.relationships().get(RelKind.ADDRESSES).stream()
                .map(r -> new TwoModeData.Row(r.from(), (String) plan.node(NodeKind.PROCESS, r.from()).orElseThrow()
                        .props().get("name"), r.to(), (String) plan.node(NodeKind.THEME, r.to()).orElseThrow().props()
                        .get("nameEn"), (String) r.props().get("relation"), null)).toList();
        return TwoModeData.of(rows);
    }
}
