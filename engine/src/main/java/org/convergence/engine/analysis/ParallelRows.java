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

    /**
     * The chunks of rows the workers take in turn. A worker that takes them in its own loop
     * ({@link #runLoops}) keeps running in one method, so that once the JIT compiles that loop (on-stack
     * replacement) the compiled code serves every later chunk, not only the chunk it was compiled in.
     */
    static final class Chunks {
        private final AtomicInteger next = new AtomicInteger();
        private final int[] bounds;

        /** Chunks with given bounds: chunk c is rows {@code bounds[c]} to {@code bounds[c + 1] - 1}. */
        private Chunks(int[] bounds) {
            this.bounds = bounds;
        }

        /** Chunks of {@code chunk} rows (the last one shorter) over rows 0..n−1. */
        private static Chunks of(int n, int chunk) {
            int[] bounds = new int[(n + chunk - 1) / chunk + 1];
            for (int c = 1; c < bounds.length; c++) {
                bounds[c] = Math.min(n, c * chunk);
            }
            return new Chunks(bounds);
        }

        /** @return the number of the next chunk, or -1 when every chunk is taken */
        int take() {
            int c = next.getAndIncrement();
            return c < bounds.length - 1 ? c : -1;
        }

        /** @return the first row of chunk {@code c} */
        int start(int c) {
            return bounds[c];
        }

        /** @return one past the last row of chunk {@code c} */
        int end(int c) {
            return bounds[c + 1];
        }
    }

    private ParallelRows() {
    }

    /** Runs tasks over all rows in chunks of {@value #CHUNK} rows. */
    static void run(int n, int threads, Supplier<Task> perThread) {
        run(n, threads, CHUNK, perThread);
    }

    /** Runs tasks over all rows in chunks of {@code chunk} rows. */
    static void run(int n, int threads, int chunk, Supplier<Task> perThread) {
        runLoops(n, threads, chunk, () -> {
            Task task = perThread.get();
            return chunks -> {
                for (int c = chunks.take(); c >= 0; c = chunks.take()) {
                    task.rows(chunks.start(c), chunks.end(c));
                }
            };
        });
    }

    /** Runs loops that take chunks of {@code chunk} rows themselves, one loop per worker. */
    static void runLoops(int n, int threads, int chunk, Supplier<java.util.function.Consumer<Chunks>> perThread) {
        runLoops(Chunks.of(n, chunk), threads, perThread);
    }

    /**
     * Runs loops that take chunks themselves, one loop per worker; chunk c is rows {@code bounds[c]} to
     * {@code bounds[c + 1] - 1}.
     */
    static void runLoops(int[] bounds, int threads, Supplier<java.util.function.Consumer<Chunks>> perThread) {
        runLoops(new Chunks(bounds), threads, perThread);
    }

    private static void runLoops(Chunks all, int threads, Supplier<java.util.function.Consumer<Chunks>> perThread) {
        int workers = Math.max(1, Math.min(threads, all.bounds.length - 1));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "convergence-rows");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> perThread.get().accept(all)));
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
