package org.convergence.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.convergence.engine.analysis.Setting;
import org.convergence.engine.analysis.SimilarityMetric;
import org.convergence.engine.app.ExternalRuns;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code convergence spark analyze}: the overlap analysis as a Spark job ({@link OverlapJob}). Run through
 * {@code ./convergence spark ...} it starts Spark in local mode on this machine; through {@code spark-submit}
 * it runs on the cluster the submit names (then {@code --master} is the cluster's, not this option's).
 */
@Command(name = "spark", mixinStandardHelpOptions = true, versionProvider = SparkCli.Version.class,
        description = "The overlap analysis as an Apache Spark job.", subcommands = {SparkCli.Analyze.class})
public final class SparkCli implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** The version of the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SparkCli.class.getPackage().getImplementationVersion();
            return new String[] {"convergence-spark " + (v == null ? "(development build)" : v) + " on Spark "
                    + org.apache.spark.package$.MODULE$.SPARK_VERSION()};
        }
    }

    /** {@code spark analyze}. */
    @Command(name = "analyze", sortOptions = false, mixinStandardHelpOptions = true, description = {"Every converging"
            + " pair of processes of an edge table, with analyze's scores, p and q, as Parquet (default) or CSV.",
            "Exact: the same pairs and values as `convergence analyze`."})
    static final class Analyze implements Callable<Integer> {

        @Option(names = "--input", paramLabel = "PATH", description = "Edges: Parquet (file or folder) or .csv with a"
                + " header; columns process, theme, optional relation and weight. Without it, --dataset is read from"
                + " Neo4j.")
        String input;

        @Option(names = "--dataset", paramLabel = "NAME", description = "A data set in Neo4j: read in partitions (each"
                + " task its page of processes) when there is no --input; with --neo4j, the data set the run is of"
                + " (then an --input must hold its edges).")
        String dataset;

        @Option(names = "--neo4j", description = "Also store the pairs in Neo4j as a run of --dataset, as analyze"
                + " stores its runs (invisible until complete), for report, export and Neo4j Browser.")
        boolean neo4j;

        @Option(names = "--uri", paramLabel = "URI", description = "Neo4j server or cluster for --dataset and --neo4j"
                + " (env NEO4J_URI). ./convergence spark starts the embedded store when neither is given.")
        String uri;

        @Option(names = "--user", paramLabel = "USER", description = "User for --uri (env NEO4J_USERNAME; default"
                + " neo4j).")
        String user;

        @Option(names = "--password", paramLabel = "PASSWORD", description = "Password for --uri (env NEO4J_PASSWORD).")
        String password;

        @Option(names = "--input-format", paramLabel = "parquet|csv", description = "The input's format (default: what"
                + " its name says).")
        String inputFormat;

        @Option(names = "--out", paramLabel = "FOLDER", description = "Where the pairs go (a folder); may be left out"
                + " with --neo4j.")
        String out;

        @Option(names = "--out-format", paramLabel = "parquet|csv", defaultValue = "parquet", description = "parquet"
                + " (default) or csv: one file, FOLDER/pairs.csv, one header line a,b,shared,jaccard,...,p,q.")
        String outFormat;

        @Option(names = "--overwrite", description = "Replace what --out holds.")
        boolean overwrite;

        @Option(names = "--min-shared", paramLabel = "N", defaultValue = "1", description = "Smallest shared count"
                + " listed (default: ${DEFAULT-VALUE}).")
        int minShared;

        @Option(names = "--top-k", paramLabel = "K", defaultValue = "0", description = "Keep each process's K most"
                + " similar (0, the default: every pair).")
        int topK;

        @Option(names = "--metric", paramLabel = "NAME", defaultValue = "jaccard", description = "What ranks top-k"
                + " neighbours: jaccard, overlap, cosine, dice or shared (default: ${DEFAULT-VALUE}).")
        String metric;

        @Option(names = "--relations", split = ",", paramLabel = "KIND", description = "Only these relation kinds"
                + " (needs a relation column).")
        List<String> relations = new ArrayList<>();

        @Option(names = "--block-size", paramLabel = "N", defaultValue = "" + OverlapJob.Parameters.DEFAULT_BLOCK_SIZE,
                description = "Processes of one theme per block of the self-join: a theme addressed by more is split"
                        + " (default: ${DEFAULT-VALUE}).")
        int blockSize;

        @Option(names = "--master", paramLabel = "URL", description = "Spark master when not set by spark-submit"
                + " (default: local[*], every core of this machine).")
        String master;

        @Option(names = "--partitions", paramLabel = "N", description = "Shuffle partitions (default: Spark's, 200;"
                + " local mode: 4 per core).")
        Integer partitions;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** Runs after each batch written to Neo4j is committed (tests stop a write half-way here). */
        Runnable betweenBatches = () -> { };

        @Override
        public Integer call() throws Exception {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter stderr = spec.commandLine().getErr();
            SimilarityMetric m = SimilarityMetric.parse("--metric", metric);
            OverlapJob.Parameters parameters = new OverlapJob.Parameters(minShared, topK, m, blockSize, relations, neo4j);
            EdgeInput.Format in = inputFormat == null ? null : format(inputFormat, "--input-format");
            EdgeInput.Format outAs = format(outFormat, "--out-format");
            Neo4jStore store = checkOptions();
            if (out != null && !overwrite && (Files.exists(Path.of(out)) && !isEmptyFolder(Path.of(out)))) {
                throw new IllegalArgumentException("Value for `--out` was `" + out + "`, which holds files already;"
                        + " give --overwrite to replace them, or another folder");
            }
            // no such data set: said before Spark starts
            org.convergence.engine.store.EdgePages.Size size = store == null ? null : store.size(dataset);
            long t0 = System.nanoTime();
            try (SparkSession spark = session()) {
                ShuffleMeter meter = new ShuffleMeter();
                spark.sparkContext().addSparkListener(meter);
                Neo4jStore.Read stored = null;
                boolean storedWeighted = false;
                if (store != null) {
                    stored = store.read(spark, dataset, size, relations, 0);
                    stderr.printf(Locale.ROOT, "reading data set `%s` from %s in %,d partitions%n", dataset, uri(),
                            stored.pages());
                    stderr.flush();
                    stored = new Neo4jStore.Read(stored.rows().persist(StorageLevel.MEMORY_AND_DISK()),
                            stored.generation(), stored.processes(), stored.pages());
                    storedWeighted = !stored.rows().where(col("weight").isNotNull()).isEmpty();
                }
                EdgeInput.Edges edges;
                if (input != null) {
                    stderr.println("reading and checking " + input);
                    stderr.flush();
                    edges = EdgeInput.read(spark, input, in);
                    if (neo4j) {
                        // the edges the analysis reads, of the relation kinds asked for, as the data set's were read
                        Neo4jStore.requireSameEdges(edges, OverlapJob.selected(edges, relations), stored.rows(),
                                storedWeighted, dataset);
                    }
                } else {
                    edges = new EdgeInput.Edges(stored.rows().withColumn("weight", storedWeighted ? col("weight")
                            : lit(1.0)), "data set `" + dataset + "` at " + uri(), storedWeighted, true);
                }
                OverlapJob.Result result = OverlapJob.run(spark, edges, parameters);
                Dataset<Row> pairs = result.pairs();
                long written = -1;
                if (neo4j && out != null) {
                    pairs = pairs.persist(StorageLevel.MEMORY_AND_DISK()); // computed once for both
                }
                if (out != null) {
                    stderr.println("computing and writing the pairs to " + out);
                    stderr.flush();
                    write(spark, neo4j ? pairs.drop("sharedThemes") : pairs, outAs);
                    written = spark.read().format(outAs == EdgeInput.Format.CSV ? "csv" : "parquet")
                            .option("header", true).load(out).count();
                }
                Stored run = null;
                if (neo4j) {
                    run = storeRun(store, stored.rows(), stored.generation(), result, pairs, spark,
                            line -> {
                                stderr.println(line);
                                stderr.flush();
                            }, betweenBatches);
                    written = run.pairs();
                }
                stdout.printf(Locale.ROOT, "%,d pairs of %,d processes over %,d themes (%s, q over %,d pairs) written to"
                        + " %s in %.1f s (Spark %s, %s)%n", written, result.processes(), result.themes(),
                        topK > 0 ? "top " + topK + " by " + m.name().toLowerCase(Locale.ROOT) : "min shared " + minShared,
                        result.family(), out == null ? "Neo4j" : out + " as " + outAs.name().toLowerCase(Locale.ROOT)
                                + (neo4j ? " and Neo4j" : ""), (System.nanoTime() - t0) / 1e9, spark.version(),
                        spark.sparkContext().master());
                if (run != null) {
                    stdout.printf(Locale.ROOT, "stored in Neo4j as %s of data set `%s`: `convergence report --dataset %s"
                            + " --run %s` and `convergence export` read it%n", run.run(), dataset, dataset, run.run());
                }
                stdout.printf(Locale.ROOT, "shuffled: %,d records, %.1f MB written by %,d tasks (the figures a cluster"
                        + " run scales from)%n", meter.records.sum(), meter.bytes.sum() / 1e6, meter.tasks.sum());
                stdout.flush();
            }
            return 0;
        }

        /** @return the Neo4j server the options name, or null when none is needed; refuses what does not fit */
        private Neo4jStore checkOptions() {
            if (input == null && dataset == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Missing input: give --input PATH (edges"
                        + " as Parquet or CSV) or --dataset NAME (a data set in Neo4j)");
            }
            if (neo4j && dataset == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--neo4j stores the pairs as a run of a"
                        + " data set: name it with --dataset NAME");
            }
            if (out == null && !neo4j) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Missing output: give --out FOLDER,"
                        + " --neo4j, or both");
            }
            if (input != null && dataset != null && !neo4j) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--input and --dataset are two inputs:"
                        + " give one (or add --neo4j to store the pairs of --input as a run of --dataset)");
            }
            if (dataset == null) {
                return null;
            }
            if (uri() == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--dataset and --neo4j need a Neo4j"
                        + " server: give --uri URI or set NEO4J_URI (`./convergence spark` starts the embedded store"
                        + " when neither is given)");
            }
            return new Neo4jStore(uri(), user != null ? user : System.getenv("NEO4J_USERNAME"),
                    password != null ? password : System.getenv("NEO4J_PASSWORD"));
        }

        private String uri() {
            return uri != null ? uri : System.getenv("NEO4J_URI");
        }

        /**
         * Stores the pairs as a run of the data set through the engine's write-back, in bounded batches.
         *
         * @param rows the data set's relationships as read, of the relation kinds asked for (for the fingerprint
         *     and counts)
         * @param generation the data set's generation when it was read
         * @param betweenBatches runs after each committed batch (tests stop a write here)
         */
        Stored storeRun(Neo4jStore store, Dataset<Row> rows, String generation, OverlapJob.Result result,
                Dataset<Row> pairs, SparkSession spark, java.util.function.Consumer<String> progress,
                Runnable betweenBatches) {
            progress.accept("fingerprinting the data set's edges as the engine does");
            String fingerprint = Neo4jStore.fingerprint(rows);
            long relationships = rows.count();
            long edgeCount = Neo4jStore.distinctEdges(rows, result.weighted()).count();
            long count = pairs.count();
            java.util.Map<String, Object> described = new java.util.LinkedHashMap<>();
            described.put(Setting.RELATIONS.runKey(), relations.isEmpty() ? "all" : relations);
            described.put(Setting.MIN_SHARED.runKey(), minShared);
            described.put(Setting.TOP_K.runKey(), topK);
            described.put(Setting.METRIC.runKey(), metric.toLowerCase(Locale.ROOT));
            described.put(ExternalRuns.COMPUTED_BY, "spark");
            ExternalRuns.Input input = new ExternalRuns.Input(dataset, generation, described, relations, fingerprint,
                    (int) result.processes(), (int) result.themes(), (int) edgeCount, relationships, result.weighted(),
                    List.of("Pairs computed by the Spark job (Spark " + spark.version() + "): this run holds the"
                            + " converging pairs only; run `convergence analyze` for clusters, links, centrality and"
                            + " recommendations"));
            progress.accept(String.format(Locale.ROOT, "writing %,d pairs to Neo4j", count));
            try (var neo4jConnection = store.open()) {
                return new Stored(ExternalRuns.write(neo4jConnection, input, new SparkPairs(pairs, count,
                        result.family(), result.weighted()), progress, betweenBatches).run(), count);
            }
        }

        /** A run stored: its id and how many pairs it holds. */
        record Stored(String run, long pairs) {
        }

        /**
         * Parquet: the job's parts. CSV: one file, {@code pairs.csv}, one header line, the pairs by a then b:
         * sorted and written in parallel as parts without header (a range partitioning, so the parts follow
         * one another in order), then concatenated in part order through Hadoop's file system (local or a
         * cluster's). A {@code coalesce(1)} would have run the whole last stage as one task.
         */
        private void write(SparkSession spark, Dataset<Row> pairs, EdgeInput.Format as) throws java.io.IOException {
            if (as == EdgeInput.Format.PARQUET) {
                pairs.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(out);
                return;
            }
            org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(out);
            org.apache.hadoop.fs.FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (overwrite) {
                fs.delete(folder, true);
            }
            org.apache.hadoop.fs.Path parts = new org.apache.hadoop.fs.Path(folder, "_parts");
            pairs.orderBy("a", "b").write().option("header", false).csv(parts.toString());
            org.apache.hadoop.fs.FileStatus[] files = fs.listStatus(parts, p -> p.getName().startsWith("part-"));
            java.util.Arrays.sort(files, java.util.Comparator.comparing(f -> f.getPath().getName()));
            fs.setWriteChecksum(false); // the local file system would add a hidden .pairs.csv.crc beside it
            try (var o = fs.create(new org.apache.hadoop.fs.Path(folder, "pairs.csv"), true)) {
                o.write((String.join(",", pairs.columns()) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (org.apache.hadoop.fs.FileStatus f : files) {
                    try (var in = fs.open(f.getPath())) {
                        in.transferTo(o);
                    }
                }
            }
            fs.delete(parts, true);
        }

        private SparkSession session() {
            SparkSession.Builder b = SparkSession.builder().appName("convergence overlap");
            org.apache.spark.SparkConf conf = new org.apache.spark.SparkConf();
            if (!conf.contains("spark.master")) {
                b.master(master != null ? master : "local[*]").config("spark.ui.enabled", false);
                if (partitions == null) {
                    b.config("spark.sql.shuffle.partitions", 4 * Runtime.getRuntime().availableProcessors());
                }
            }
            if (partitions != null) {
                b.config("spark.sql.shuffle.partitions", partitions);
            }
            return b.getOrCreate();
        }

        private static EdgeInput.Format format(String value, String option) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "parquet" -> EdgeInput.Format.PARQUET;
                case "csv" -> EdgeInput.Format.CSV;
                default -> throw new IllegalArgumentException("Value for `" + option + "` was `" + value + "`, but must"
                        + " be one of parquet, csv");
            };
        }

        private static boolean isEmptyFolder(Path p) throws java.io.IOException {
            if (!Files.isDirectory(p)) {
                return false;
            }
            try (var s = Files.list(p)) {
                return s.findAny().isEmpty();
            }
        }
    }

    /** Sums what the job's tasks wrote to shuffle files, as Spark's UI would show it. */
    static final class ShuffleMeter extends org.apache.spark.scheduler.SparkListener {
        final java.util.concurrent.atomic.LongAdder records = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder bytes = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder tasks = new java.util.concurrent.atomic.LongAdder();

        @Override
        public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
            if (end.taskMetrics() != null) {
                records.add(end.taskMetrics().shuffleWriteMetrics().recordsWritten());
                bytes.add(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
                tasks.increment();
            }
        }
    }

    /** Runs a command line, errors as one line naming what is wrong (exit 2 for usage, 3 for bad input). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new SparkCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            commandLine.getErr().flush();
            return e instanceof IllegalArgumentException ? 3 : 1;
        });
        return cli.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
