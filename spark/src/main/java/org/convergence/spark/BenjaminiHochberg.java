package org.convergence.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Benjamini–Hochberg q-values over a family of {@code m} hypotheses of which the rows are the listed ones
 * (the unlisted have p = 1), as the engine's {@code Significance.benjaminiHochberg}:
 * {@code q_(i) = min(1, min_{j ≥ i} p_(j)·m/j)} for the rows ranked by ascending p.
 *
 * <p>Without pulling the rows into one partition: they are sorted by descending p (a range partitioning),
 * numbered ({@code zipWithIndex}: row {@code k} of {@code n} has ascending rank {@code n − k}), and the
 * step-up minimum, a suffix minimum in ascending order, is a running minimum in this one. One pass finds
 * each partition's minimum of {@code p·m/rank}; the second carries the minimum of all earlier partitions
 * into each and streams its rows. Tied p-values get the same q, as in the engine (the minimum reaches the
 * last of the tie). The arithmetic is the engine's: {@code p · m / rank} in doubles, in that order.
 */
final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /**
     * @param rows the listed hypotheses
     * @param p the column of their p-values
     * @param q the name of the column added
     * @param family m, at least the number of rows
     * @return the rows with {@code q} appended
     */
    static Dataset<Row> adjust(SparkSession spark, Dataset<Row> rows, String p, String q, long family) {
        StructType schema = rows.schema();
        int pAt = schema.fieldIndex(p);
        JavaRDD<Row> sorted = rows.orderBy(rows.col(p).desc()).javaRDD();
        JavaPairRDD<Row, Long> numbered = sorted.zipWithIndex().persist(StorageLevel.MEMORY_AND_DISK());
        long n = numbered.count();
        long m = Math.max(family, n);
        // per partition, the smallest p·m/rank (NaN-free: p in [0, 1]); empty partitions give +∞
        List<Double> minima = numbered.mapPartitions(it -> {
            double min = Double.POSITIVE_INFINITY;
            while (it.hasNext()) {
                Tuple2<Row, Long> t = it.next();
                min = Math.min(min, t._1().getDouble(pAt) * m / (n - t._2()));
            }
            return List.of(min).iterator();
        }).collect();
        double[] before = new double[minima.size()];
        double running = Double.POSITIVE_INFINITY;
        for (int i = 0; i < before.length; i++) {
            before[i] = running;
            running = Math.min(running, minima.get(i));
        }
        JavaRDD<Row> adjusted = numbered.mapPartitionsWithIndex((index, it) -> new Iterator<Row>() {
            private double min = before[index];

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Row next() {
                Tuple2<Row, Long> t = it.next();
                min = Math.min(min, t._1().getDouble(pAt) * m / (n - t._2()));
                List<Object> values = new ArrayList<>(t._1().size() + 1);
                for (int i = 0; i < t._1().size(); i++) {
                    values.add(t._1().get(i));
                }
                values.add(Math.min(1.0, min));
                return RowFactory.create(values.toArray());
            }
        }, true);
        return spark.createDataFrame(adjusted, schema.add(q, DataTypes.DoubleType, false));
    }
}
