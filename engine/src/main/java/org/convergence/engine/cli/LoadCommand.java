package org.convergence.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.convergence.engine.app.Loading;
import org.convergence.engine.app.UsageException;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.csv.TwoModeCsvParser;
import org.convergence.loader.neo4j.GraphWriter;
import org.convergence.loader.seed.SeedMatrixParser;
import org.convergence.loader.taxonomy.Labels;
import org.convergence.loader.taxonomy.Taxonomy;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code convergence load}: loads the seed matrix, another matrix (text, workbook or ;-CSV) or a two-mode CSV into a data set. */
@Command(name = "load", sortOptions = false,
        description = {"Load two-mode data into a data set: the built-in 2002 matrix (--seed), a matrix in the seed's"
                + " layout (--matrix FILE.xlsx, a ;-separated FILE.csv, or any other name for the seed's text format)"
                + " or a long CSV (header process,theme[,relation][,weight]).",
                "The file is parsed and checked completely before anything is written; a load writes all or nothing."})
final class LoadCommand extends ConnectedCommand {

    static final class Source {
        @Option(names = "--seed", required = true, description = "The built-in 2002 convergence matrix.")
        boolean seed;

        @Option(names = "--matrix", required = true, paramLabel = "FILE",
                description = "A convergence matrix laid out as the seed: FILE.xlsx (workbook), FILE.csv (;-separated,"
                        + " UTF-8 with BOM or Windows-1252), or a text document in the seed's format (any other name).")
        Path matrix;

        @Parameters(paramLabel = "FILE.csv", arity = "1", description = "Edges: process,theme[,relation][,weight].")
        Path csv;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Data set to load into (default: `seed` for the seed, else the file name).")
    String dataset;

    @Option(names = "--replace", description = "Delete the data set (and its analysis results) first.")
    boolean replace;

    @Option(names = "--processes", paramLabel = "FILE", description = "Process attributes: id,name,... (CSV only).")
    Path processes;

    @Option(names = "--themes", paramLabel = "FILE", description = "Theme attributes: id,... (CSV only).")
    Path themes;

    @Option(names = "--taxonomy", paramLabel = "FILE", description = "Taxonomy YAML (default: the built-in one).")
    Path taxonomy;

    @Option(names = "--no-taxonomy", description = "Do not normalise theme labels; each label is its own theme.")
    boolean noTaxonomy;

    @Option(names = "--keep-columns", paramLabel = "COLUMN[,COLUMN...]", description = "Extra columns of a long CSV"
            + " (a source, a year, a note) to keep as properties of each relationship, named as the column; `all` keeps"
            + " every one. Without it an extra column is refused.")
    String keepColumns;

    @Option(names = "--match", paramLabel = "HOW", defaultValue = "curated", description = "curated: labels match"
            + " curated taxonomy entries only (default); suggested: also the proposals of `themes suggest` above"
            + " --threshold, accepted without review for a first look (the summary, report and Browser guide say"
            + " which labels matched so).")
    String match;

    @Option(names = "--threshold", paramLabel = "SCORE", defaultValue = "0.45", description = "With --match"
            + " suggested: the score a proposal needs, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double threshold;


    /** Sources from this size on are parsed while Neo4j starts. */
    static final long LARGE_SOURCE_BYTES = 4L << 20;

    /** @return whether the source is a file large enough to parse while Neo4j starts */
    private boolean large() {
        Path file = source.csv != null ? source.csv : source.matrix;
        try {
            return file != null && java.nio.file.Files.size(file) >= LARGE_SOURCE_BYTES;
        } catch (java.io.IOException e) {
            return false; // the parser says what is wrong with the file
        }
    }

    /**
     * @return the lock file a spreadsheet program keeps beside a file it has open: Excel's
     *     {@code ~$NAME}, LibreOffice's {@code .~lock.NAME#}
     */
    static java.util.Optional<Path> openElsewhere(Path file) {
        if (file == null || file.getFileName() == null) {
            return java.util.Optional.empty();
        }
        String name = file.getFileName().toString();
        // Excel shortens long names: the lock of "matriz-2002.xlsx" is "~$triz-2002.xlsx"
        for (String lock : new String[] {"~$" + name, "~$" + (name.length() > 2 ? name.substring(2) : name),
                ".~lock." + name + "#"}) {
            Path candidate = file.resolveSibling(lock);
            if (java.nio.file.Files.exists(candidate)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public Integer call() {
        PrintWriter out = out();
        if (keepColumns != null && source.csv == null) {
            throw new UsageException("--keep-columns goes with a CSV file of edges, not --seed or --matrix");
        }
        if ((processes != null || themes != null) && source.csv == null) {
            throw new UsageException("--processes and --themes go with a CSV file, not --seed or --matrix");
        }
        if (taxonomy != null && noTaxonomy) {
            throw new UsageException("--taxonomy and --no-taxonomy exclude each other");
        }
        Loading.Match how = Loading.Match.parse("--match", match);
        if (how == Loading.Match.SUGGESTED && noTaxonomy) {
            throw new UsageException("--match suggested and --no-taxonomy exclude each other (suggestions need a"
                    + " taxonomy to match against)");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new UsageException("Value for `--threshold` was `" + threshold + "`, but must be within the range (0, 1]");
        }
        Taxonomy tax = noTaxonomy ? Taxonomy.none() : taxonomy == null ? Taxonomy.builtIn() : Taxonomy.load(taxonomy);
        // A large source takes seconds to parse: Neo4j starts meanwhile, on the other core, and removes
        // what interrupted writes left (invisible to readers either way). The load itself writes nothing
        // until the source has parsed and checked.
        java.util.concurrent.CompletableFuture<Neo4jConnection> opening = large()
                ? java.util.concurrent.CompletableFuture.supplyAsync(this::openForWriting) : null;
        LoadPlan plan;
        String name;
        try {
            if (source.csv != null) {
                TwoModeCsvParser.KeepColumns keep = TwoModeCsvParser.KeepColumns.parse(keepColumns);
                plan = Loading.matched(t -> Loading.csvPlan(source.csv, processes, themes, t, keep), tax, how,
                        threshold, err());
                String base = source.csv.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                name = dataset != null ? dataset : Labels.slug(base);
            } else {
                plan = Loading.matched(t -> Loading.matrixPlan(source.matrix, t), tax, how, threshold, err());
                name = dataset != null ? dataset
                        : source.seed ? SeedMatrixParser.SEED_DATASET : plan.source().documentId();
            }
            if (dataset != null) {
                try {
                    GraphWriter.requireValidName(name);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage().replace("`dataset`", "`--dataset`"), e);
                }
            } else if (!GraphWriter.isValidName(name)) {
                throw new UsageException("The data set name `" + name + "` made from the file name "
                        + (source.csv != null ? source.csv.getFileName() : source.matrix.getFileName())
                        + " is not one (1 to 64 letters, digits, `_`, `.` or `-`, starting with a letter or digit);"
                        + " give one with --dataset NAME");
            }
        } catch (RuntimeException e) {
            if (opening != null) {
                // the input is bad: close the store untouched once it is up (a start cannot be abandoned)
                opening.handle((neo4j, failure) -> {
                    if (neo4j != null) {
                        neo4j.close();
                    }
                    return null;
                }).join();
            }
            throw e;
        }
        for (Path file : new Path[] {source.csv, source.matrix, processes, themes}) {
            openElsewhere(file).ifPresent(lock -> {
                err().println("warning: " + file + " seems to be open in a spreadsheet program (" + lock.getFileName()
                        + " is beside it): what is loaded is the file as last saved; save it first if you have"
                        + " edited it since");
                err().flush();
            });
        }
        Neo4jConnection connection;
        try {
            connection = opening == null ? openForWriting() : opening.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        try (Neo4jConnection neo4j = connection) {
            out.println("Writing to " + neo4j.description());
            Loading.write(neo4j, name, plan, replace ? GraphWriter.Mode.REPLACE : GraphWriter.Mode.MERGE, out, err());
        }
        return 0;
    }
}
