package org.convergence.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code with-embedded-neo4j}, how {@code ./convergence spark ... --neo4j} reaches the embedded store: the child
 * gets {@code NEO4J_URI} of the running store, its exit code is the command's, and the store is closed after.
 */
class WithEmbeddedIT {

    @TempDir
    Path dir;

    @Test
    void theChildSeesTheStoreOverBoltAndItsExitCodeIsTheCommands() throws Exception {
        Path store = dir.resolve("store");
        Path seen = dir.resolve("seen.txt");
        CliRun r = CliRun.of(store, "with-embedded-neo4j", "--", "sh", "-c",
                "printf '%s' \"$NEO4J_URI\" > '" + seen + "'; exit 7");
        assertThat(r.exit()).as(r.err()).isEqualTo(7);
        assertThat(Files.readString(seen)).matches("bolt://(127\\.0\\.0\\.1|localhost):\\d+");
        // closed after: the next command opens the same store
        CliRun after = CliRun.of(store, "datasets");
        assertThat(after.exit()).as(after.err()).isZero();
    }

    @Test
    void aNamedServerIsAUsageError() {
        CliRun r = CliRun.withEnvironment(Map.of("NEO4J_URI", "bolt://127.0.0.1:1"), "with-embedded-neo4j", "--",
                "true");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("a server is named already");
    }
}
