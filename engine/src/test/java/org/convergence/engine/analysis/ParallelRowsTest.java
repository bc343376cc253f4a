package org.convergence.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rows cut into chunks and taken by workers: each row exactly once, at most {@code threads} workers. */
class ParallelRowsTest {

    @ParameterizedTest
    @CsvSource({"0,1,64", "1,4,64", "1000,1,64", "1000,3,7", "1000,8,1000", "65,2,64"})
    void everyRowOnceAndNoMoreWorkersThanAskedOrChunks(int n, int threads, int chunk) {
        AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(1, n));
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        AtomicInteger tasks = new AtomicInteger();
        ParallelRows.run(n, threads, chunk, () -> {
            tasks.incrementAndGet();
            return (from, to) -> {
                assertThat(to - from).isBetween(1, chunk);
                workers.add(Thread.currentThread());
                for (int row = from; row < to; row++) {
                    seen.incrementAndGet(row);
                }
            };
        });
        for (int row = 0; row < n; row++) {
            assertThat(seen.get(row)).as("row %d", row).isEqualTo(1);
        }
        int chunks = (n + chunk - 1) / chunk;
        // one task (its scratch arrays) per worker, never more workers than threads or chunks
        assertThat(tasks.get()).isEqualTo(Math.max(1, Math.min(threads, chunks)));
        assertThat(workers.size()).isLessThanOrEqualTo(Math.min(threads, Math.max(1, chunks)));
    }

    @Test
    void givenBoundsAreTheChunks() {
        int[] bounds = {0, 5, 6, 20};
        Set<String> ranges = ConcurrentHashMap.newKeySet();
        ParallelRows.runLoops(bounds, 2, () -> chunks -> {
            for (int c = chunks.take(); c >= 0; c = chunks.take()) {
                ranges.add(chunks.start(c) + ".." + chunks.end(c));
            }
        });
        assertThat(ranges).containsExactlyInAnyOrder("0..5", "5..6", "6..20");
    }

    @Test
    void aFailingTaskFailsTheRunWithItsCause() {
        assertThatThrownBy(() -> ParallelRows.run(100, 2, 10, () -> (from, to) -> {
            if (from == 50) {
                throw new ArithmeticException("row 50");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("row 50")
                .hasCauseInstanceOf(ArithmeticException.class);
    }
}
