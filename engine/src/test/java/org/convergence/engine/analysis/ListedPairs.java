package org.convergence.engine.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.convergence.engine.analysis.OverlapAnalysis.PairField;

/**
 * Pairs given by hand, for tests of what reads {@link OverlapAnalysis.Pairs}: each pair's fields by key
 * ({@code Long} or {@code Double}, or {@code String[]} for {@code sharedThemes}); a field not given is 0 (an
 * empty list for the themes). Handed over by ids, the strongest by Jaccard, then ids.
 */
public final class ListedPairs implements OverlapAnalysis.Pairs {

    /**
     * One pair.
     *
     * @param a first process id
     * @param b second process id
     * @param fields its fields by key
     */
    public record Row(String a, String b, Map<String, Object> fields) {
    }

    private final List<Row> rows;
    private final long hypotheses;
    private final boolean weighted;

    /**
     * @param rows the pairs
     * @param hypotheses the number of hypotheses the q-values were adjusted over
     * @param weighted whether the pairs have {@code weightedJaccard}
     */
    public ListedPairs(List<Row> rows, long hypotheses, boolean weighted) {
        this.rows = rows.stream().sorted(Comparator.comparing(Row::a).thenComparing(Row::b)).toList();
        this.hypotheses = hypotheses;
        this.weighted = weighted;
    }

    @Override
    public long count() {
        return rows.size();
    }

    @Override
    public long hypotheses() {
        return hypotheses;
    }

    @Override
    public List<PairField> fields() {
        return PairField.of(weighted);
    }

    @Override
    public void forEach(OverlapAnalysis.PairSink sink) {
        rows.forEach(r -> hand(r, sink));
    }

    @Override
    public void strongest(long n, OverlapAnalysis.PairSink sink) {
        List<Row> ranked = new ArrayList<>(rows);
        ranked.sort(Comparator.comparingDouble((Row r) -> -jaccard(r)).thenComparing(Row::a).thenComparing(Row::b));
        ranked.stream().limit(n).forEach(r -> hand(r, sink));
    }

    private static double jaccard(Row r) {
        Object j = r.fields().get(PairField.JACCARD.key());
        return j == null ? 0 : ((Number) j).doubleValue();
    }

    private void hand(Row r, OverlapAnalysis.PairSink sink) {
        sink.beginPair(r.a(), r.b());
        for (PairField f : fields()) {
            Object v = r.fields().get(f.key());
            switch (f.kind()) {
                case INTEGER -> sink.field(f.key(), v == null ? 0L : ((Number) v).longValue());
                case REAL -> sink.field(f.key(), v == null ? 0.0 : ((Number) v).doubleValue());
                case IDS -> {
                    String[] ids = v == null ? new String[0] : (String[]) v;
                    sink.field(f.key(), ids, ids.length);
                }
                default -> throw new IllegalStateException("Unknown field kind " + f.kind());
            }
        }
        sink.endPair();
    }
}
