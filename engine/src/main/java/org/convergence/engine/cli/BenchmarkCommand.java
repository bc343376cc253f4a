package org.convergence.engine.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.convergence.engine.app.UsageException;
import org.convergence.engine.bench.Benchmark;
import org.convergence.engine.bench.TwoModeGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code convergence benchmark}: the options of {@link Benchmark}, which does the work. */
@Command(name = "benchmark", sortOptions = false, description = {"Benchmark the analyses on seeded Zipf two-mode data,"
        + " against scipy's sparse B·Bt on the same edges in the same run.", "Needs no database. Run with a large heap,"
        + " e.g. CONVERGENCE_JAVA_OPTS=-Xmx12g."})
final class BenchmarkCommand implements Callable<Integer> {

    @Option(names = "--processes", paramLabel = "N", defaultValue = "20000", description = "Processes (default: ${DEFAULT-VALUE}).")
    int processes;

    @Option(names = "--themes", paramLabel = "N", defaultValue = "20000", description = "Themes (default: ${DEFAULT-VALUE}).")
    int themes;

    @Option(names = "--edges", paramLabel = "N", defaultValue = "450000", description = "Distinct process-theme edges (default: ${DEFAULT-VALUE}).")
    int edges;

    @Option(names = "--zipf", paramLabel = "S", defaultValue = "0.3", description = "Zipf exponent of theme popularity (default: ${DEFAULT-VALUE}).")
    double zipf;

    @Option(names = "--random-seed", paramLabel = "SEED", defaultValue = "20021",
            description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** The former name of --random-seed, still accepted, out of the help (it read like {@code load --seed}). */
    @Option(names = "--seed", paramLabel = "SEED", hidden = true)
    void formerSeed(long value) {
        seed = value;
    }

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "5", description = "Timed repetitions; the best is reported (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer threads;

    @Option(names = "--dense-themes", paramLabel = "N", defaultValue = "5000", description = "Themes of the dense top-k corpus (default: ${DEFAULT-VALUE}).")
    int denseThemes;

    @Option(names = "--dense-zipf", paramLabel = "S", defaultValue = "0.8", description = "Zipf exponent of the dense corpus (default: ${DEFAULT-VALUE}).")
    double denseZipf;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "10", description = "k of the dense top-k stage (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--python", paramLabel = "PATH", description = "Python with scipy for the reference (default: the first of python3,"
            + " /usr/bin/python3 that imports scipy).")
    String python;

    @Option(names = "--no-scipy", description = "Skip the scipy reference.")
    boolean noScipy;

    @Option(names = "--no-dense", description = "Skip the dense top-k corpus.")
    boolean noDense;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    Path json;

    @Option(names = "--write-csv", paramLabel = "FILE", description = "Only write the corpus as a long CSV"
            + " (process,theme) to FILE, for `load` and `analyze` to reproduce the end-to-end figures.")
    Path writeCsv;

    @Option(names = "--perturbed", paramLabel = "FILE", description = "With --write-csv: also write a later snapshot"
            + " of the corpus to FILE, --moved-edges of its edges given another theme and --process-churn of its"
            + " processes changed (half removed, as many added), for `compare`.")
    Path perturbed;

    @Option(names = "--moved-edges", paramLabel = "SHARE", defaultValue = "0.10", description = "With --perturbed:"
            + " share of edges given another theme, in [0, 1] (default: ${DEFAULT-VALUE}).")
    double movedEdges;

    @Option(names = "--process-churn", paramLabel = "SHARE", defaultValue = "0.05", description = "With --perturbed:"
            + " share of processes removed or added, in [0, 1] (default: ${DEFAULT-VALUE}).")
    double processChurn;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        TwoModeGenerator.Perturbation perturbation;
        Benchmark.Parameters parameters;
        try {
            perturbation = new TwoModeGenerator.Perturbation(movedEdges, processChurn, seed + 1);
            parameters = new Benchmark.Parameters(processes, themes, edges, zipf, seed, repeat, threads, denseThemes,
                    denseZipf, topK, python, noScipy, noDense, json, writeCsv, perturbed, perturbation);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("`movedEdges`", "`--moved-edges`")
                    .replace("`processChurn`", "`--process-churn`"), e);
        }
        return new Benchmark(parameters).run(spec.commandLine().getOut());
    }
}
