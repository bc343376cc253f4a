package org.convergence.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a computation over rows 0..n−1 on worker threads: the rows are cut into chunks that the workers
 * take in turn, and each worker builds its own task (its scratch arrays) once. Where results must not
 * depend on the thread count, tasks write to places fixed by the row alone.
 */
final class ParallelRows {

    /** Rows per chunk by default: small enough to balance uneven rows, large enough to amortise taking one. */
    static final int CHUNK = 64;

    /** A task over a range of rows. */
    interface Task {
        void rows(int from, int to);
    }

    private ParallelRows() {
    }

    /** Runs tasks over all rows in chunks of {@value #CHUNK} rows. */
    static void run(int n, int threads, Supplier<Task> perThread) {
        run(n, threads, CHUNK, perThread);
    }

    /** Runs tasks over all rows in chunks of {@code chunk} rows. */
    static void run(int n, int threads, int chunk, Supplier<Task> perThread) {
        int chunks = (n + chunk - 1) / chunk;
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, Math.min(threads, chunks));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "convergence-rows");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    Task task = perThread.get();
                    for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                        task.rows(c * chunk, Math.min(n, (c + 1) * chunk));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Parallel computation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Parallel computation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
