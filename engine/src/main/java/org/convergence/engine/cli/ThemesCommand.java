package org.convergence.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.convergence.engine.app.ThemeSuggestions;
import org.convergence.loader.suggest.Embedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code convergence themes}: work on the theme labels of a source and the taxonomy, without a database. */
@Command(name = "themes", description = "Work on a source's theme labels and the taxonomy (no database needed).",
        subcommands = {ThemesCommand.Suggest.class})
final class ThemesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /**
     * {@code convergence themes suggest FILE --out FILE.yaml}: for the labels of a source that match no
     * taxonomy entry, the themes they most likely mean and the groups that mean one new theme, with
     * scores and evidence, written as a taxonomy file to review and load with {@code --taxonomy}.
     */
    @Command(name = "suggest", sortOptions = false, description = {"Propose themes for the labels of FILE that match"
            + " no taxonomy entry: the existing theme each most likely means, and groups of labels that mean one new"
            + " theme, each with a score and the evidence to check (shared stems after English and Spanish analysis,"
            + " translations through the taxonomy's glossary, sentence-embedding similarity). Writes the base taxonomy"
            + " plus the proposals, each marked `proposed`, as a taxonomy file: delete what is wrong and load with"
            + " --taxonomy. Never merges anything by itself."})
    static final class Suggest implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A long CSV (header process,theme,...), or with --matrix a"
                + " matrix in the seed's layout (.xlsx, .csv or text).")
        Path file;

        @Option(names = "--matrix", description = "FILE is a convergence matrix, as load --matrix reads.")
        boolean matrix;

        @Option(names = "--taxonomy", paramLabel = "BASE", description = "Taxonomy to match against and extend"
                + " (default: the built-in one).")
        Path taxonomy;

        @Option(names = "--out", paramLabel = "FILE.yaml", required = true, description = "Where to write the proposed"
                + " taxonomy (.yaml or .yml); replaced if it exists.")
        Path out;

        @Option(names = "--threshold", paramLabel = "SCORE", defaultValue = "0.45", description = "Score a label needs"
                + " to be proposed for a theme, and a group's mean pair score, in (0, 1] (default: ${DEFAULT-VALUE}).")
        double threshold;

        @Option(names = "--model", paramLabel = "DIR", description = "A sentence-embedding model of your own: a folder"
                + " with model.onnx and tokenizer.json (default: the built-in " + Embedder.BUILT_IN + ").")
        Path model;

        @Override
        public Integer call() {
            new ThemeSuggestions(file, matrix, taxonomy, out, threshold, model)
                    .run(spec.commandLine().getOut(), spec.commandLine().getErr());
            return 0;
        }
    }
}
