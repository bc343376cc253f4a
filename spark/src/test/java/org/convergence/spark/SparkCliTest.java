package org.convergence.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code convergence spark analyze} as a user types it, in local mode on the seed's edges. */
class SparkCliTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SparkCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + e.getMessage());
            return e instanceof IllegalArgumentException ? 3 : 1;
        });
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void theSeedAsOneCsvFileWithOneHeaderLineSortedByPair() throws Exception {
        Path seed = Path.of(SparkCliTest.class.getResource("/seed-edges.csv").toURI());
        Path out = dir.resolve("pairs");
        Run r = run("analyze", "--input", seed.toString(), "--out", out.toString(), "--out-format", "csv", "--master",
                "local[2]", "--partitions", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("5 pairs of 4 processes over 23 themes").contains("shuffled:");
        List<String> lines = Files.readAllLines(out.resolve("pairs.csv"));
        assertThat(lines.get(0)).isEqualTo("a,b,shared,jaccard,overlap,cosine,dice,adamicAdar,resourceAllocation,"
                + "associationStrength,p,q");
        assertThat(lines).hasSize(6);
        assertThat(lines.subList(1, 6)).extracting(l -> l.split(",")[0] + "-" + l.split(",")[1])
                .containsExactly("CRM-CSM", "CRM-PPP", "CRM-SOA", "CSM-SOA", "PPP-SOA");
        assertThat(lines.get(3)).startsWith("CRM,SOA,8,0.5714285714285714,");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("pairs.csv");
        }
        // the folder holds files now: refused unless --overwrite
        Run again = run("analyze", "--input", seed.toString(), "--out", out.toString(), "--out-format", "csv");
        assertThat(again.exit()).isEqualTo(3);
        assertThat(again.err()).contains("--out").contains("--overwrite");
    }

    @Test
    void badOptionsAreRefusedNamingThem() throws Exception {
        Path seed = Path.of(SparkCliTest.class.getResource("/seed-edges.csv").toURI());
        Run metric = run("analyze", "--input", seed.toString(), "--out", dir.resolve("x").toString(), "--metric", "nope");
        assertThat(metric.exit()).isEqualTo(3);
        assertThat(metric.err()).contains("--metric").contains("nope");
        Run k = run("analyze", "--input", seed.toString(), "--out", dir.resolve("x").toString(), "--top-k", "-1");
        assertThat(k.exit()).isEqualTo(3);
        assertThat(k.err()).contains("`--top-k` was `-1`");
        Run format = run("analyze", "--input", seed.toString(), "--out", dir.resolve("x").toString(), "--out-format",
                "xml");
        assertThat(format.exit()).isEqualTo(3);
        assertThat(format.err()).contains("`--out-format` was `xml`, but must be one of parquet, csv");
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    @Test
    void inputsAndOutputsThatDoNotFitAreUsageErrorsBeforeSparkStarts() {
        Run none = run("analyze", "--out", dir.resolve("x").toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("Missing input: give --input PATH").contains("--dataset NAME");
        Run noDataset = run("analyze", "--input", "edges.csv", "--neo4j");
        assertThat(noDataset.exit()).isEqualTo(2);
        assertThat(noDataset.err()).contains("--neo4j stores the pairs as a run of a data set: name it with --dataset");
        Run noOutput = run("analyze", "--input", "edges.csv");
        assertThat(noOutput.exit()).isEqualTo(2);
        assertThat(noOutput.err()).contains("Missing output: give --out FOLDER, --neo4j, or both");
        Run twoInputs = run("analyze", "--input", "edges.csv", "--dataset", "seed", "--out", "x");
        assertThat(twoInputs.exit()).isEqualTo(2);
        assertThat(twoInputs.err()).contains("--input and --dataset are two inputs");
        if (System.getenv("NEO4J_URI") == null) {
            Run noServer = run("analyze", "--dataset", "seed", "--out", dir.resolve("x").toString());
            assertThat(noServer.exit()).isEqualTo(2);
            assertThat(noServer.err()).contains("--dataset and --neo4j need a Neo4j server: give --uri URI or set"
                    + " NEO4J_URI");
        }
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }
}
