package org.convergence.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.convergence.engine.app.Loading;
import org.convergence.engine.app.OutputFolder;
import org.convergence.engine.app.UsageException;
import org.convergence.engine.output.AtomicFile;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.suggest.Embedder;
import org.convergence.loader.suggest.SuggestionsFile;
import org.convergence.loader.suggest.ThemeSuggester;
import org.convergence.loader.taxonomy.Taxonomy;
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
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
                throw new UsageException("Value for `--out` was `" + out + "`, but must end in .yaml or .yml (it is a"
                        + " taxonomy file for --taxonomy)");
            }
            OutputFolder.require(out.toAbsolutePath().getParent(), out, "`--out`", false);
            ThemeSuggester.Parameters parameters;
            try {
                parameters = new ThemeSuggester.Parameters(threshold, 10, 3_000);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage().replace("`threshold`", "`--threshold`"), e);
            }
            Taxonomy base = taxonomy == null ? Taxonomy.builtIn() : Taxonomy.load(taxonomy);
            long start = System.nanoTime();
            // only the labels count: extra columns of a CSV are read past
            LoadPlan plan = matrix ? Loading.matrixPlan(file, base)
                    : Loading.csvPlan(file, null, null, base, org.convergence.loader.csv.TwoModeCsvParser.KeepColumns.ALL);
            List<String> labels = plan.unmapped().stream().map(LoadPlan.UnmappedLabel::label).toList();
            err.printf(Locale.ROOT, "%,d label(s) of %s match no entry of taxonomy %s; reading the embedding model%n",
                    labels.size(), file, base.version());
            err.flush();
            Embedder embedder = model == null ? Embedder.builtIn() : Embedder.fromFolder(model);
            ThemeSuggester suggester = new ThemeSuggester(base, embedder, parameters);
            ThemeSuggester.Suggestions suggestions = suggester.suggest(labels);
            String yaml = SuggestionsFile.write(base, suggestions, file.toString(), suggester.describe());
            try {
                AtomicFile.writeText(out, w -> w.write(yaml));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + out + ": " + e.getMessage(), e);
            }
            long forThemes = suggestions.forThemes().stream().mapToLong(f -> f.labels().size()).sum();
            long inNew = suggestions.newThemes().stream().mapToLong(n -> n.labels().size()).sum();
            stdout.printf(Locale.ROOT, "%,d label(s) of %s match no taxonomy entry (%s):%n", labels.size(), file,
                    suggester.describe());
            stdout.printf(Locale.ROOT, "  %,d proposed for %,d existing theme(s)%n", forThemes,
                    suggestions.forThemes().size());
            for (ThemeSuggester.ForTheme f : suggestions.forThemes()) {
                stdout.printf("    %s (%s): %s%n", f.theme().id(), f.theme().en(), String.join("; ",
                        f.labels().stream().map(p -> "\"" + p.label() + "\"").toList()));
            }
            stdout.printf(Locale.ROOT, "  %,d in %,d proposed new theme(s)%n", inNew, suggestions.newThemes().size());
            for (ThemeSuggester.NewTheme n : suggestions.newThemes()) {
                stdout.printf("    %s: %s%n", n.id(), String.join("; ", n.labels().stream()
                        .map(p -> "\"" + p.label() + "\"").toList()));
            }
            stdout.printf(Locale.ROOT, "  %,d with no proposal (each stays a theme of its own)%n",
                    suggestions.unmatched().size());
            stdout.printf(Locale.ROOT, "Wrote %s in %,d ms. Every proposal is marked `proposed: true` with its score and"
                    + " evidence: delete what is wrong, then%n  convergence load %s --taxonomy %s%n", out,
                    (System.nanoTime() - start) / 1_000_000, matrix ? "--matrix " + file : file, out);
            stdout.flush();
            return 0;
        }
    }
}
