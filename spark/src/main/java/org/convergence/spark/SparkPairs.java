package org.convergence.spark;

import static org.apache.spark.sql.functions.col;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.convergence.engine.analysis.OverlapAnalysis;

/**
 * The job's pairs as the engine's {@link OverlapAnalysis.Pairs}, what the engine's write-back, exports and
 * outputs read: handed over one at a time, sorted by Spark and streamed into this JVM one partition at a time
 * ({@code toLocalIterator}), so memory stays bounded however many pairs there are. The pairs must have been
 * computed with {@link OverlapJob.Parameters#sharedThemes()}.
 */
final class SparkPairs implements OverlapAnalysis.Pairs {

    private final Dataset<Row> pairs;
    private final long count;
    private final long hypotheses;
    private final List<OverlapAnalysis.PairField> fields;
    private final String[] columns;

    /**
     * @param pairs the job's pairs, with {@code sharedThemes}
     * @param count how many
     * @param hypotheses how many hypotheses the q-values are adjusted over
     * @param weighted whether the edges carried weights
     */
    SparkPairs(Dataset<Row> pairs, long count, long hypotheses, boolean weighted) {
        this.pairs = pairs;
        this.count = count;
        this.hypotheses = hypotheses;
        this.fields = OverlapAnalysis.PairField.of(weighted);
        this.columns = fields.stream().map(SparkPairs::column).toArray(String[]::new);
        if (!List.of(pairs.columns()).contains("sharedThemes")) {
            throw new IllegalArgumentException("the pairs do not list their shared themes");
        }
    }

    /** @return the job's column of a field: the engine's name, but {@code p} and {@code q} */
    static String column(OverlapAnalysis.PairField field) {
        return switch (field) {
            case P_VALUE -> "p";
            case Q_VALUE -> "q";
            default -> field.key();
        };
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public long hypotheses() {
        return hypotheses;
    }

    @Override
    public List<OverlapAnalysis.PairField> fields() {
        return fields;
    }

    @Override
    public void forEach(OverlapAnalysis.PairSink sink) {
        hand(pairs.orderBy("a", "b").toLocalIterator(), sink);
    }

    @Override
    public void strongest(long n, OverlapAnalysis.PairSink sink) {
        hand(pairs.orderBy(col("jaccard").desc(), col("a"), col("b")).limit((int) Math.min(n, Integer.MAX_VALUE))
                .toLocalIterator(), sink);
    }

    private void hand(Iterator<Row> rows, OverlapAnalysis.PairSink sink) {
        String[] ids = new String[0];
        int[] index = null;
        int a = -1;
        int b = -1;
        while (rows.hasNext()) {
            Row r = rows.next();
            if (index == null) { // the columns' positions, from the first row's schema
                index = new int[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    index[i] = r.fieldIndex(columns[i]);
                }
                a = r.fieldIndex("a");
                b = r.fieldIndex("b");
            }
            sink.beginPair(r.getString(a), r.getString(b));
            for (int i = 0; i < columns.length; i++) {
                OverlapAnalysis.PairField f = fields.get(i);
                int c = index[i];
                switch (f.kind()) {
                    case INTEGER -> sink.field(f.key(), ((Number) r.get(c)).longValue());
                    case REAL -> sink.field(f.key(), r.getDouble(c));
                    case IDS -> {
                        List<String> themes = r.getList(c);
                        if (ids.length < themes.size()) {
                            ids = new String[themes.size()];
                        }
                        ids = themes.toArray(ids);
                        sink.field(f.key(), ids, themes.size());
                    }
                    default -> throw new IllegalStateException("field kind " + f.kind());
                }
            }
            sink.endPair();
        }
    }
}
