package org.convergence.engine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.convergence.engine.app.LoadRequest;
import org.convergence.engine.app.Loading;
import org.convergence.engine.store.Neo4jConnection;
import org.convergence.loader.neo4j.GraphWriter;
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

    @Option(names = "--series", paramLabel = "NAME", description = "The series this data set is a snapshot of, e.g."
            + " americas (with --period; the seed is period 2002 of series americas). `compare --series` compares"
            + " its snapshots in order. A long CSV with a `period` column loads one data set per period, NAME-PERIOD, in"
            + " this series (default: NAME).")
    String series;

    @Option(names = "--period", paramLabel = "PERIOD", description = "The period it describes: a year (2010), a month"
            + " (2010-10) or a day (with --series; not for a CSV with a `period` column).")
    String period;

    @Override
    public Integer call() {
        LoadRequest request = new LoadRequest(source.seed, source.matrix, source.csv, dataset, processes, themes,
                taxonomy, noTaxonomy, keepColumns, Loading.Match.parse("--match", match), threshold, series, period);
        // A large source takes seconds to parse: Neo4j starts meanwhile, on the other core, and removes
        // what interrupted writes left (invisible to readers either way). The load itself writes nothing
        // until the source has parsed and checked.
        CompletableFuture<Neo4jConnection> opening = request.large()
                ? CompletableFuture.supplyAsync(this::openForWriting) : null;
        List<LoadRequest.Prepared> prepared;
        try {
            prepared = request.prepare(err());
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
        Neo4jConnection connection;
        try {
            connection = opening == null ? openForWriting() : opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        try (Neo4jConnection neo4j = connection) {
            out().println("Writing to " + neo4j.description());
            for (LoadRequest.Prepared p : prepared) {
                Loading.write(neo4j, p.dataset(), p.plan(), replace ? GraphWriter.Mode.REPLACE : GraphWriter.Mode.MERGE,
                        out(), err());
                if (p.snapshot() != null) {
                    Loading.label(neo4j, p.dataset(), p.snapshot(), p.announce() ? out() : null);
                }
            }
        }
        return 0;
    }
}
