package org.convergence.engine.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.convergence.loader.LoadException;
import org.junit.jupiter.api.Test;

/** Job files: errors in the words of the file, and no other failure on random or mutated input. */
class JobTest {

    private static final String VALID = "datasets:\n  - name: seed\n    seed: true\n    reload: if-changed\n"
            + "analyses:\n  topK: 0\n  clusters: {algorithm: leiden, seed: 42}\n  paths:\n    - {from: CSM, to: PPP, k: 3}\n"
            + "output:\n  rows: 5\n";

    private static LoadException fails(String yaml) {
        return assertThrows(LoadException.class, () -> Job.parse("job.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void errorsNameTheKeyAndLineWithoutJavaClasses() {
        assertThat(fails("datasets:\n  - name: seed\n    seed: true\n    sed: 1\n").getMessage()).isEqualTo(
                "job.yaml:4: invalid job: unknown key `datasets[0].sed`; allowed here: csv, keepColumns, match,"
                        + " matrix, name, period, processes, reload, seed, series, taxonomy, themes");
        assertThat(fails("datasets:\n  - name: seed\n    seed: maybe\n").getMessage())
                .isEqualTo("job.yaml:3: invalid job: `datasets[0].seed` was `maybe`, but must be true or false");
        assertThat(fails("datasets: [\n").getMessage()).startsWith("job.yaml:").contains("not valid YAML")
                .doesNotContain("in 'reader'");
        assertThat(Job.parse("job.yaml", VALID.getBytes(StandardCharsets.UTF_8)).datasets()).hasSize(1);
    }

    private static void parsesOrFailsCleanly(byte[] bytes) {
        try {
            Job job = Job.parse("job.yaml", bytes);
            if (job.analyses() != null && job.analyses().isObject()) {
                JobSettings.values(job.analyses(), "job.yaml");
            }
        } catch (LoadException e) {
            assertThat(e.getMessage()).startsWith("job.yaml").doesNotContain("org.convergence").doesNotContain("java.lang");
        } catch (IllegalArgumentException e) {
            // a value out of range, named as the job key
            assertThat(e.getMessage()).contains("analyses");
        }
    }

    @Property(tries = 1000, seed = "20023")
    void randomText(@ForAll @Size(max = 200) String text) {
        parsesOrFailsCleanly(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 1000, seed = "20024")
    void mutationsOfAValidJob(@ForAll("mutations") byte[] bytes) {
        parsesOrFailsCleanly(bytes);
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, valid.length - 1);
        Arbitrary<Byte> value = Arbitraries.of((byte) ':', (byte) '-', (byte) ' ', (byte) '\n', (byte) '[', (byte) '{',
                (byte) '"', (byte) 'x', (byte) '0', (byte) '#', (byte) 0xFF);
        return Arbitraries.integers().between(1, 4).flatMap(n -> position.list().ofSize(n).flatMap(positions ->
                value.list().ofSize(n).map(values -> {
                    byte[] out = valid.clone();
                    for (int i = 0; i < n; i++) {
                        out[positions.get(i)] = values.get(i);
                    }
                    return out;
                })));
    }

    @Test
    void aLongCsvWithAPeriodColumnIsOneDataSetPerPeriod(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path csv = java.nio.file.Path.of(JobTest.class.getResource("/snapshots/americas-long.csv").toURI());
        java.nio.file.Files.copy(csv, dir.resolve("americas-long.csv"));
        java.nio.file.Path job = dir.resolve("job.yaml");
        java.nio.file.Files.writeString(job, "datasets:\n  - {name: americas, csv: americas-long.csv}\n"
                + "analyses:\n  topK: 0\n");
        java.io.PrintWriter quiet = new java.io.PrintWriter(java.io.Writer.nullWriter());
        JobRun.Checked checked = JobRun.check(job, quiet);
        assertThat(checked.loads()).extracting(JobRun.Load::dataset).containsExactly("americas-2002", "americas-2022");
        assertThat(checked.loads()).extracting(l -> l.snapshot().series() + "/" + l.snapshot().period())
                .containsExactly("americas/2002", "americas/2022");
        // PPP in 2002 only, PM in 2022 only
        assertThat(checked.loads().get(0).plan().nodes().get(org.convergence.loader.NodeKind.PROCESS))
                .extracting(org.convergence.loader.LoadPlan.NodeRow::id).containsExactly("CRM", "SOA", "PPP", "CSM");
        assertThat(checked.loads().get(1).plan().nodes().get(org.convergence.loader.NodeKind.PROCESS))
                .extracting(org.convergence.loader.LoadPlan.NodeRow::id).containsExactly("CRM", "SOA", "PM", "CSM");
        // a series named in the job is theirs; one period given for a file of several is refused
        java.nio.file.Files.writeString(job, "datasets:\n  - {name: a, csv: americas-long.csv, series: americas}\n");
        assertThat(JobRun.check(job, quiet).loads()).extracting(l -> l.snapshot().series()).containsOnly("americas");
        java.nio.file.Files.writeString(job, "datasets:\n  - {name: a, csv: americas-long.csv, series: s, period: '2002'}\n");
        LoadException both = assertThrows(LoadException.class, () -> JobRun.check(job, quiet));
        assertThat(both.getMessage()).startsWith(job.toString()).contains("`period` names one period")
                .contains("americas-long.csv");
    }
}
