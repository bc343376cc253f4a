package org.convergence.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.convergence.engine.analysis.BipartiteGraph;
import org.convergence.engine.analysis.Clusters;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.convergence.engine.analysis.OverlapKernel;
import org.convergence.engine.analysis.OverlapPairs;
import org.convergence.engine.analysis.ShortestLinks;
import org.convergence.engine.analysis.SimilarityMetric;
import org.convergence.engine.analysis.TopKOverlap;
import org.convergence.engine.analysis.TwoModeData;

/**
 * A reproducible benchmark on seeded Zipf two-mode data. Times the
 * overlap stage as {@code analyze} runs it (every overlapping pair with its shared count, in compressed
 * rows; Jaccard, overlap, cosine and Dice exact on access) and, for comparison, with the four scores
 * stored as columns; then significance, top-k on a denser corpus, clusters and paths, with heap use.
 * Runs scipy's sparse {@code B·Bᵀ} on the same edge list in the same run as the reference, and checks
 * that both give the same pairs and, summed over all pairs, the same shared counts and scores.
 */
public final class Benchmark {

    /**
     * What to generate, how often to time it and against what; the options of {@code convergence benchmark}.
     *
     * @param threads worker threads, or null for one per core
     * @param python the Python with SciPy, or null to find one
     * @param json where to write the figures as JSON, or null
     * @param writeCsv where to write only the corpus as a long CSV, or null to run the benchmark
     * @param perturbed with {@code writeCsv}, where to write a perturbed copy of the corpus too (a later
     *     snapshot for {@code compare}), or null
     * @param perturbation how the copy differs
     */
    public record Parameters(int processes, int themes, int edges, double zipf, long seed, int repeat, Integer threads,
            int denseThemes, double denseZipf, int topK, String python, boolean noScipy, boolean noDense, Path json,
            Path writeCsv, Path perturbed, TwoModeGenerator.Perturbation perturbation) {
        public Parameters {
            if (perturbed != null && writeCsv == null) {
                throw new IllegalArgumentException("--perturbed FILE goes with --write-csv FILE: it writes a later"
                        + " snapshot of the corpus written there");
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final int processes;
    private final int themes;
    private final int edges;
    private final double zipf;
    private final long seed;
    private final int repeat;
    private final Integer threads;
    private final int denseThemes;
    private final double denseZipf;
    private final int topK;
    private final String python;
    private final boolean noScipy;
    private final boolean noDense;
    private final Path json;
    private final Path writeCsv;
    private final Path perturbed;
    private final TwoModeGenerator.Perturbation perturbation;

    public Benchmark(Parameters p) {
        this.processes = p.processes();
        this.themes = p.themes();
        this.edges = p.edges();
        this.zipf = p.zipf();
        this.seed = p.seed();
        this.repeat = p.repeat();
        this.threads = p.threads();
        this.denseThemes = p.denseThemes();
        this.denseZipf = p.denseZipf();
        this.topK = p.topK();
        this.python = p.python();
        this.noScipy = p.noScipy();
        this.noDense = p.noDense();
        this.json = p.json();
        this.writeCsv = p.writeCsv();
        this.perturbed = p.perturbed();
        this.perturbation = p.perturbation();
    }

    private record Timed<T>(T value, long bestMillis, long peakHeapMiB) {
    }

    /**
     * Runs the benchmark, printing figures as it goes.
     *
     * @return 0
     */
    public int run(PrintWriter out) throws IOException, InterruptedException {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        ObjectNode figures = JSON.createObjectNode();
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("threads", t);
        figures.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        figures.put("java", System.getProperty("java.version"));
        String gc = String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
        figures.put("gc", gc);
        out.printf(Locale.ROOT, "Benchmark on %d cores, %d threads, max heap %,d MiB, Java %s, collectors %s%n",
                Runtime.getRuntime().availableProcessors(), t, Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), gc);

        long g0 = System.nanoTime();
        BipartiteGraph g = TwoModeGenerator.generate(new TwoModeGenerator.Parameters(processes, themes, edges, zipf, seed));
        out.printf(Locale.ROOT, "Corpus: %,d processes x %,d themes, %,d edges, Zipf %.2f, seed %d (generated in %d ms)%n",
                processes, themes, g.edgeCount(), zipf, seed, (System.nanoTime() - g0) / 1_000_000);
        ObjectNode corpus = figures.putObject("corpus");
        corpus.put("processes", processes);
        corpus.put("themes", themes);
        corpus.put("edges", g.edgeCount());
        corpus.put("zipf", zipf);
        corpus.put("seed", seed);
        if (writeCsv != null) {
            writeCsv(g, writeCsv);
            if (perturbed != null) {
                long p0 = System.nanoTime();
                TwoModeGenerator.Perturbed later = TwoModeGenerator.perturb(g, new TwoModeGenerator.Parameters(processes,
                        themes, edges, zipf, seed), perturbation);
                writeCsv(later, g, perturbed);
                out.printf(Locale.ROOT, "Perturbed copy written to %s: %,d edges, %,d of the corpus' edges given another"
                        + " theme, %,d processes removed and %,d added (moved %.2f, churn %.2f, seed %d; %d ms)%n"
                        + "  compare them with: ./convergence load --no-taxonomy --dataset bench-later %s%n"
                        + "                     ./convergence compare bench bench-later --top-k 10%n", perturbed,
                        later.edgeProcess().length, later.moved(), later.removed(), later.added(),
                        perturbation.movedEdges(), perturbation.processChurn(), perturbation.seed(),
                        (System.nanoTime() - p0) / 1_000_000, perturbed);
            }
            out.printf(Locale.ROOT, "Corpus written to %s; reproduce the end-to-end figures with%n"
                    + "  ./convergence load --no-taxonomy --dataset bench %s%n"
                    + "  ./convergence analyze --dataset bench --format json > pairs.json%n", writeCsv, writeCsv);
            out.flush();
            return 0;
        }

        // the variant with stored score columns first, so that its 240 MB are gone before the rest is measured
        Timed<double[][]> materialisedRun = timed(() -> ScoreColumns.of(OverlapKernel.compute(g, new OverlapKernel.Parameters(1, t))));
        double[] stored = columnSums(materialisedRun.value());
        Timed<Void> materialised = new Timed<>(null, materialisedRun.bestMillis(), materialisedRun.peakHeapMiB());
        materialisedRun = null;
        OverlapAnalysis.Parameters allPairs = new OverlapAnalysis.Parameters(1, 0, SimilarityMetric.JACCARD, t);
        Timed<OverlapAnalysis.Result> stage = timed(() -> OverlapAnalysis.run(g, allPairs));
        out.printf(Locale.ROOT, "Overlap stage as analyze runs it (timingsMs.overlap: every overlapping pair with all its"
                + " scores, p and q, ranked): %,d pairs in %,d ms best of %d, peak heap %,d MiB%n", stage.value().size(),
                stage.bestMillis(), repeat, stage.peakHeapMiB());
        stage = new Timed<>(null, stage.bestMillis(), stage.peakHeapMiB());
        Timed<OverlapPairs> overlap = timed(() -> OverlapKernel.compute(g, new OverlapKernel.Parameters(1, t)));
        OverlapPairs kernelPairs = overlap.value();
        int pairs = kernelPairs.size();
        out.printf(Locale.ROOT, "  of which the kernel alone (shared counts in compressed rows, no significance, no"
                + " ranking): %,d ms best of %d, peak heap %,d MiB%n", overlap.bestMillis(), repeat, overlap.peakHeapMiB());
        out.printf(Locale.ROOT, "  the kernel with four scores stored as double columns (+%,d MiB): %,d ms best of %d, peak"
                + " heap %,d MiB%n", (32L * pairs) >> 20, materialised.bestMillis(), repeat, materialised.peakHeapMiB());
        double[] sums = scoreSums(kernelPairs);
        for (int m = 1; m < SCORES.length; m++) {
            if (!close(sums[m], stored[m - 1])) {
                throw new IllegalStateException("The stored " + SCORES[m] + " column sums to " + stored[m - 1]
                        + ", the pairs' scores to " + sums[m]);
            }
        }
        ObjectNode o = figures.putObject("overlap");
        o.put("pairs", pairs);
        o.put("stageMs", stage.bestMillis());
        o.put("stagePeakHeapMiB", stage.peakHeapMiB());
        o.put("kernelMs", overlap.bestMillis());
        o.put("kernelPeakHeapMiB", overlap.peakHeapMiB());
        o.put("materialisedMs", materialised.bestMillis());
        o.put("materialisedPeakHeapMiB", materialised.peakHeapMiB());
        ObjectNode sumNode = o.putObject("scoreSums");
        for (int m = 0; m < SCORES.length; m++) {
            sumNode.put(SCORES[m], sums[m]);
        }


        if (!noScipy) {
            JsonNode scipy = scipy(g, out);
            if (scipy != null) {
                figures.set("scipy", scipy);
                double pipelineMs = scipy.get("pipelineSeconds").asDouble() * 1000;
                double ms = scipy.get("seconds").asDouble() * 1000;
                double stageRatio = pipelineMs / stage.bestMillis();
                double ratio = ms / overlap.bestMillis();
                out.printf(Locale.ROOT, "scipy %s on the same edges, best of %d: build B, B·Bt, upper triangle and Jaccard"
                        + " of every pair %,.0f ms (first run %,.0f ms): the overlap stage is %s%n",
                        scipy.get("scipy").asText(), repeat, pipelineMs,
                        scipy.get("pipelineFirstSeconds").asDouble() * 1000, speedup(stageRatio));
                out.printf(Locale.ROOT, "  B·Bt alone %,.0f ms (%,d pairs): the kernel alone is %s (%s with stored score"
                        + " columns)%n", ms, scipy.get("pairs").asLong(), speedup(ratio),
                        speedup(ms / materialised.bestMillis()));
                figures.put("stageSpeedupVsScipyPipeline", stageRatio);
                figures.put("kernelSpeedupVsScipyProduct", ratio);
                if (scipy.get("pairs").asLong() != pairs) {
                    throw new IllegalStateException("scipy counts " + scipy.get("pairs") + " overlapping pairs, the"
                            + " engine " + pairs + ": the two disagree");
                }
                for (int m = 0; m < SCORES.length; m++) {
                    double reference = scipy.get("sums").get(SCORES[m]).asDouble();
                    if (!close(sums[m], reference)) {
                        throw new IllegalStateException("Over all pairs the engine's " + SCORES[m] + " sums to " + sums[m]
                                + ", scipy's to " + reference + ": the two disagree");
                    }
                }
                out.printf(Locale.ROOT, "  scores agree with scipy's: over all pairs, shared sums to %,.0f, Jaccard to %.6f,"
                        + " overlap to %.6f, cosine to %.6f, Dice to %.6f in both%n", sums[0], sums[1], sums[2], sums[3],
                        sums[4]);
            }
        }

        TwoModeData data = TwoModeData.generated(g);
        kernelPairs = null;
        ConvergenceAnalysis.Parameters defaults = ConvergenceAnalysis.Parameters.defaults();
        ConvergenceAnalysis.Parameters analyzeParameters = new ConvergenceAnalysis.Parameters(allPairs,
                defaults.clusters(), defaults.themeClusters(), List.of(), defaults.centrality(),
                defaults.betweennessBudget(), defaults.recommendNeighbours(), defaults.recommendLimit());
        ConvergenceAnalysis.Result report = ConvergenceAnalysis.run(data, analyzeParameters, line -> { });
        out.printf(Locale.ROOT, "The analyses as analyze runs them with its defaults (all pairs; no database), timingsMs: %s%n",
                report.timingsMs());
        report.notes().forEach(n -> out.println("  note: " + n));
        ObjectNode cl = figures.putObject("analyze");
        report.timingsMs().forEach(cl::put);
        report.clusterSets().forEach(set -> cl.put(set.kind().key() + "Clusters", set.clusters().size()));
        report = null;

        long p0 = System.nanoTime();
        ShortestLinks links = new ShortestLinks(data);
        long buildMs = (System.nanoTime() - p0) / 1_000_000;
        SplittableRandom random = new SplittableRandom(seed);
        long bfsTotal = 0;
        long yenTotal = 0;
        int found = 0;
        int samples = 10;
        for (int i = 0; i < samples; i++) {
            String a = g.process(random.nextInt(processes));
            String b = g.process(random.nextInt(processes));
            if (a.equals(b)) {
                continue;
            }
            long q0 = System.nanoTime();
            found += links.shortest(a, b, 1).isEmpty() ? 0 : 1;
            long q1 = System.nanoTime();
            links.shortest(a, b, 3);
            long q2 = System.nanoTime();
            bfsTotal += q1 - q0;
            yenTotal += q2 - q1;
        }
        out.printf(Locale.ROOT, "Paths: JGraphT graph built in %,d ms; shortest link (BFS) %.1f ms and 3 shortest (Yen)"
                + " %.1f ms on average over %d random pairs (%d connected)%n", buildMs, bfsTotal / 1e6 / samples,
                yenTotal / 1e6 / samples, samples, found);
        ObjectNode pa = figures.putObject("paths");
        pa.put("graphBuildMs", buildMs);
        pa.put("bfsMeanMs", bfsTotal / 1e6 / samples);
        pa.put("yen3MeanMs", yenTotal / 1e6 / samples);

        if (!noDense) {
            BipartiteGraph dense = TwoModeGenerator.generate(new TwoModeGenerator.Parameters(processes, denseThemes,
                    edges, denseZipf, seed));
            Timed<OverlapPairs> top = timed(() -> TopKOverlap.compute(dense, topK, SimilarityMetric.JACCARD, 1, t));
            long count0 = System.nanoTime();
            long densePairs = OverlapKernel.countPairs(dense, t);
            long countMs = (System.nanoTime() - count0) / 1_000_000;
            out.printf(Locale.ROOT, "Dense corpus %,d x %,d, Zipf %.2f, %,d edges: %,d overlapping pairs (counted in %,d ms,"
                    + " not stored); top-%d: %,d pairs in %,d ms best of %d, peak heap %,d MiB%n", processes, denseThemes,
                    denseZipf, dense.edgeCount(), densePairs, countMs, topK, top.value().size(), top.bestMillis(), repeat,
                    top.peakHeapMiB());
            ObjectNode d = figures.putObject("denseTopK");
            d.put("themes", denseThemes);
            d.put("zipf", denseZipf);
            d.put("edges", dense.edgeCount());
            d.put("overlappingPairs", densePairs);
            d.put("countMs", countMs);
            d.put("k", topK);
            d.put("pairsKept", top.value().size());
            d.put("ms", top.bestMillis());
            d.put("peakHeapMiB", top.peakHeapMiB());
        }
        if (json != null) {
            Files.writeString(json, figures.toPrettyString());
            out.println("Figures written to " + json);
        }
        out.flush();
        return 0;
    }

    /** The scores checked against scipy, in the order of {@link #scoreSums}. */
    private static final String[] SCORES = {"shared", "jaccard", "overlap", "cosine", "dice"};

    /** Sums of the shared count and the four scores over all pairs, through {@link OverlapPairs#pair(int, int)}. */
    static double[] scoreSums(OverlapPairs pairs) {
        double[] sums = new double[SCORES.length];
        for (int a = 0; a < pairs.graph().processCount(); a++) {
            for (int i = pairs.rowStart(a); i < pairs.rowEnd(a); i++) {
                OverlapPairs.Pair p = pairs.pair(a, i);
                sums[0] += p.shared();
                sums[1] += p.jaccard();
                sums[2] += p.overlap();
                sums[3] += p.cosine();
                sums[4] += p.dice();
            }
        }
        return sums;
    }

    private static double[] columnSums(double[][] columns) {
        double[] sums = new double[columns.length];
        for (int m = 0; m < columns.length; m++) {
            for (double v : columns[m]) {
                sums[m] += v;
            }
        }
        return sums;
    }

    /** Equal up to the rounding of summing millions of terms in a different order. */
    private static boolean close(double x, double y) {
        return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
    }

    private static String speedup(double ratio) {
        return String.format(Locale.ROOT, "%.2fx %s", ratio >= 1 ? ratio : 1 / ratio, ratio >= 1 ? "faster" : "slower");
    }

    private static void writeCsv(TwoModeGenerator.Perturbed later, BipartiteGraph g, Path file) throws IOException {
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("process,theme\n");
            for (int i = 0; i < later.edgeProcess().length; i++) {
                w.write(later.processIds()[later.edgeProcess()[i]]);
                w.write(',');
                w.write(g.theme(later.edgeTheme()[i]));
                w.write('\n');
            }
        }
    }

    private static void writeCsv(BipartiteGraph g, Path file) throws IOException {
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("process,theme\n");
            for (int a = 0; a < g.processCount(); a++) {
                for (int theme : g.themesOf(a)) {
                    w.write(g.process(a));
                    w.write(',');
                    w.write(g.theme(theme));
                    w.write('\n');
                }
            }
        }
    }

    private <T> Timed<T> timed(Supplier<T> stage) {
        long best = Long.MAX_VALUE;
        long peak = 0;
        T value = null;
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap.add(pool);
            }
        }
        for (int r = 0; r < Math.max(1, repeat); r++) {
            value = null;
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            value = stage.get();
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
            peak = Math.max(peak, heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20);
        }
        return new Timed<>(value, best, peak);
    }

    private JsonNode scipy(BipartiteGraph g, PrintWriter out) throws IOException, InterruptedException {
        String interpreter = python != null ? python : findPython();
        if (interpreter == null) {
            out.println("scipy reference skipped: no python3 with scipy found (apt-get install python3-scipy,"
                    + " or --python PATH)");
            return null;
        }
        Path dir = Files.createTempDirectory("convergence-bench-");
        try {
            Path script = dir.resolve("scipy_bbt.py");
            try (InputStream in = Benchmark.class.getResourceAsStream("scipy_bbt.py")) {
                Files.write(script, in.readAllBytes());
            }
            int[][] e = TwoModeGenerator.edgeArrays(g);
            ByteBuffer buffer = ByteBuffer.allocate(e[0].length * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < e[0].length; i++) {
                buffer.putInt(e[0][i]).putInt(e[1][i]);
            }
            Path edgesFile = dir.resolve("edges.i32");
            Files.write(edgesFile, buffer.array());
            Process p = new ProcessBuilder(interpreter, script.toString(), edgesFile.toString(),
                    String.valueOf(g.processCount()), String.valueOf(g.themeCount()), String.valueOf(Math.max(1, repeat)))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("scipy reference failed: " + output);
            }
            String last = output.substring(output.lastIndexOf('\n') + 1);
            ObjectNode node = (ObjectNode) JSON.readTree(last);
            node.put("python", interpreter);
            return node;
        } finally {
            deleteTree(dir);
        }
    }

    private static String findPython() throws InterruptedException {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import scipy").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not installed: try the next one
            }
        }
        return null;
    }

    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
