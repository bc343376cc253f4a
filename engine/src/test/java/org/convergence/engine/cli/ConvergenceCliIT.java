package org.convergence.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands end to end through picocli, each on the embedded Neo4j over a temporary store. */
class ConvergenceCliIT {

    @TempDir
    Path store;

    private record Outcome(int exit, String out, String err) {
    }

    private Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ConvergenceCli.newCommandLine(Map.of("CONVERGENCE_DATA_DIR", store.toString()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    @Test
    void runLoadsTheSeedAndPrintsASummaryAndIsRepeatable() {
        Outcome first = run("run");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("Loaded data set `seed`")
                .contains("4 processes, 26 themes (0 unmapped), 39 process-theme relations")
                .contains("CRM    Conferencia Regional sobre Migración")
                .contains("CSM    Conferencia Sudamericana de Migración")
                .contains("Every theme label matched the taxonomy.");
        Outcome second = run("run");
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("Loaded data set `seed`").contains("56 nodes and 89 relationships");
        assertThat(first.out()).contains("56 nodes and 89 relationships");
    }

    @Test
    void loadCsvBesideTheSeedThenReplace(@TempDir Path files) throws IOException {
        Path csv = Files.writeString(files.resolve("events.csv"),
                "process,theme,weight\nann,Remesas,2\nbob,Remesas,1\nbob,Music,1\n");
        Outcome loaded = run("load", csv.toString());
        assertThat(loaded.exit()).as(loaded.err()).isZero();
        assertThat(loaded.out()).contains("data set `events`").contains("2 processes, 2 themes (1 unmapped)")
                .contains("line 4: \"Music\"");
        Files.writeString(csv, "process,theme\ncid,Turismo\n");
        Outcome conflict = run("load", csv.toString());
        assertThat(conflict.exit()).isEqualTo(ConvergenceCli.EXIT_CONFLICT);
        assertThat(conflict.err()).contains("--replace");
        Outcome replaced = run("load", "--replace", csv.toString());
        assertThat(replaced.exit()).isZero();
        assertThat(replaced.out()).contains("Reloaded data set `events`").contains("1 processes");
        assertThat(run("load", "--seed").exit()).isZero();
        Outcome list = run("datasets");
        assertThat(list.out()).contains("events").contains("seed");
    }

    @Test
    void malformedCsvNamesFileAndLineAndWritesNothing(@TempDir Path files) throws IOException {
        Path csv = Files.writeString(files.resolve("bad.csv"), "process,theme\nA,x\nB,\n");
        Outcome bad = run("load", csv.toString());
        assertThat(bad.exit()).isEqualTo(ConvergenceCli.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains(csv + ":3: empty `theme`");
        assertThat(run("datasets").out()).contains("No data sets");
    }
}
