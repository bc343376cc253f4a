package org.convergence.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A command's process ends even when the JVM's own shutdown would wait for ever. */
class ExitWatchdogIT {

    /** A process whose shutdown never completes: a non-daemon thread and a shutdown hook that never return. */
    public static final class StuckShutdown {
        public static void main(String[] args) throws InterruptedException {
            Thread worker = new Thread(() -> sleepForEver(), "stuck-worker");
            worker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> sleepForEver(), "stuck-hook"));
            ConvergenceCli.exit(Integer.parseInt(args[0]), 1_000);
        }

        private static void sleepForEver() {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Process start(int code) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                StuckShutdown.class.getName(), Integer.toString(code))).redirectErrorStream(true).start();
    }

    @Test
    void aShutdownThatHangsIsHaltedWithTheCommandsCodeAndSaysSo() throws IOException, InterruptedException {
        for (int code : new int[] {0, 3}) {
            Process p = start(code);
            boolean ended = p.waitFor(30, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(ended).as("ended within 30 s; output:%n%s", output).isTrue();
            // a command that succeeded but could not stop cleanly is not reported as a success
            assertThat(p.exitValue()).as(output).isEqualTo(code == 0 ? 1 : code);
            assertThat(output).contains("error: the JVM did not stop within 1 s of the command's end; halted");
        }
    }
}
