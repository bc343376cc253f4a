package org.convergence.engine.output.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.convergence.engine.analysis.OverlapAnalysis.PairField;
import org.convergence.engine.analysis.OverlapAnalysis;

/**
 * A pair sink for file writers: each pair's fields as text, in {@link PairField} order, in one array
 * reused from pair to pair (and the numeric fields as numbers beside them), handed to
 * {@link #pair(String, String, String[], double[])} once the pair is complete. No object is kept per
 * pair. Shared theme ids are joined by {@code |}.
 */
abstract class TextPairSink implements OverlapAnalysis.PairSink {

    /** Separates the ids of a list field (sharedThemes) in every export. */
    static final String LIST_SEPARATOR = "|";

    private final List<PairField> fields;
    private final String[] text;
    private final double[] numbers;
    private String a;
    private String b;
    private int next;
    private long pairs;

    TextPairSink(List<PairField> fields) {
        this.fields = List.copyOf(fields);
        this.text = new String[fields.size()];
        this.numbers = new double[fields.size()];
    }

    /**
     * Streams a run's pairs into a sink, turning a write failure inside the sink back into the checked
     * exception it was.
     *
     * @return the number of pairs
     */
    static long stream(ExportSource source, TextPairSink sink) throws IOException {
        try {
            source.result().pairs().forEach(sink);
            return sink.pairs();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** @return the fields every pair has, in order */
    final List<PairField> fields() {
        return fields;
    }

    /** @return the number of pairs written so far */
    final long pairs() {
        return pairs;
    }

    /** @return the position of a field in the arrays handed to {@link #pair}, or -1 */
    final int position(PairField field) {
        return fields.indexOf(field);
    }

    /**
     * Writes one complete pair.
     *
     * @param a first process id
     * @param b second process id
     * @param text each field as text, in {@link #fields()} order
     * @param numbers each integer or real field as a number (NaN for lists), same order
     */
    abstract void pair(String a, String b, String[] text, double[] numbers) throws IOException;

    @Override
    public final void beginPair(String a, String b) {
        this.a = a;
        this.b = b;
        next = 0;
    }

    @Override
    public final void field(String name, long value) {
        put(name, Long.toString(value), value);
    }

    @Override
    public final void field(String name, double value) {
        put(name, Double.toString(value), value);
    }

    @Override
    public final void field(String name, String[] ids, int count) {
        put(name, String.join(LIST_SEPARATOR, Arrays.asList(ids).subList(0, count)), Double.NaN);
    }

    @Override
    public final void endPair() {
        if (next != fields.size()) {
            throw new IllegalStateException("Pair " + a + "-" + b + " ended after " + next + " of its "
                    + fields.size() + " fields");
        }
        try {
            pair(a, b, text, numbers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pairs++;
    }

    private void put(String name, String value, double number) {
        if (next >= fields.size() || !fields.get(next).key().equals(name)) {
            throw new IllegalStateException("Pair " + a + "-" + b + ": field `" + name + "` arrived where "
                    + (next < fields.size() ? "`" + fields.get(next).key() + "`" : "no field") + " was expected");
        }
        text[next] = value;
        numbers[next] = number;
        next++;
    }
}
