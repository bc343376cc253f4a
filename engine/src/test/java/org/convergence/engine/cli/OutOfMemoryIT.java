package org.convergence.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A heap too small for the work ends the command promptly, with a message and its own exit code. */
class OutOfMemoryIT {

    @Test
    void anExhaustedHeapEndsTheProcessWithAMessageInsteadOfHanging() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // 6 million overlapping pairs need far more than 64 MiB
        Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseParallelGC", "-cp",
                System.getProperty("java.class.path"), ConvergenceCli.class.getName(), "benchmark", "--repeat", "1",
                "--no-scipy", "--no-dense")).redirectErrorStream(true).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ended).as("the process ended within 120 s; output:%n%s", output).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(ConvergenceCli.EXIT_OUT_OF_MEMORY);
        assertThat(output).contains("error: out of memory").contains("Java heap of")
                .contains("CONVERGENCE_JAVA_OPTS=-Xmx").contains("--top-k");
    }
}
