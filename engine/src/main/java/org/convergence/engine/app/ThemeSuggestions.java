package org.convergence.engine.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.convergence.engine.output.AtomicFile;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.csv.TwoModeCsvParser;
import org.convergence.loader.suggest.Embedder;
import org.convergence.loader.suggest.SuggestionsFile;
import org.convergence.loader.suggest.ThemeSuggester;
import org.convergence.loader.taxonomy.Taxonomy;

/**
 * The use case of {@code convergence themes suggest}: for the labels of a source that match no taxonomy
 * entry, the themes they most likely mean and the groups that mean one new theme, written as a taxonomy
 * file to review. Needs no database.
 *
 * @param file a long CSV, or with {@code matrix} a convergence matrix
 * @param matrix whether {@code file} is a matrix
 * @param taxonomy the taxonomy to match against and extend, or null for the built-in one
 * @param out the taxonomy file to write, {@code .yaml} or {@code .yml}
 * @param threshold the score a label needs to be proposed, in (0, 1]
 * @param model a sentence-embedding model folder, or null for the built-in one
 * @throws UsageException naming the option and what it must be
 */
public record ThemeSuggestions(Path file, boolean matrix, Path taxonomy, Path out, double threshold, Path model) {

    public ThemeSuggestions {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            throw new UsageException("Value for `--out` was `" + out + "`, but must end in .yaml or .yml (it is a"
                    + " taxonomy file for --taxonomy)");
        }
        OutputFolder.require(out.toAbsolutePath().getParent(), out, "`--out`", false);
        try {
            new ThemeSuggester.Parameters(threshold, 10, 3_000);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("`threshold`", "`--threshold`"), e);
        }
    }

    /** Reads the source, proposes themes, writes the file and prints what was proposed. */
    public void run(PrintWriter stdout, PrintWriter err) {
        Taxonomy base = taxonomy == null ? Taxonomy.builtIn() : Taxonomy.load(taxonomy);
        long start = System.nanoTime();
        // only the labels count: extra columns of a CSV are read past
        List<LoadPlan> plans = matrix ? List.of(Loading.matrixPlan(file, base))
                : Loading.csvSnapshots(file, null, null, base, TwoModeCsvParser.KeepColumns.ALL).plans();
        // a long CSV with a period column: the labels of every period, each once
        List<String> labels = plans.stream().flatMap(p -> p.unmapped().stream()).map(LoadPlan.UnmappedLabel::label)
                .distinct().toList();
        err.printf(Locale.ROOT, "%,d label(s) of %s match no entry of taxonomy %s; reading the embedding model%n",
                labels.size(), file, base.version());
        err.flush();
        Embedder embedder = model == null ? Embedder.builtIn() : Embedder.fromFolder(model);
        ThemeSuggester suggester = new ThemeSuggester(base, embedder, new ThemeSuggester.Parameters(threshold, 10, 3_000));
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
    }
}
