package org.convergence.loader.neo4j;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Commits batches on a few threads at once, each batch in its own transaction of its own session,
 * while the caller builds the next: the server writes that many transactions in parallel. At most
 * {@code 2 · writers} batches wait or run at a time (the caller runs one itself when all are busy), so
 * memory stays at a few batches however many there are. The first failure stops the rest and is
 * rethrown by {@link #finish()}; deadlocks between concurrent batches are retried by the driver's
 * managed transactions.
 */
public final class ParallelBatches implements AutoCloseable {

    private final Driver driver;
    private final ThreadPoolExecutor pool;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    /**
     * @param driver an open driver
     * @param writers batches committed at once, in [1, 16]
     */
    public ParallelBatches(Driver driver, int writers) {
        if (writers < 1 || writers > 16) {
            throw new IllegalArgumentException("Value for `writers` was `" + writers
                    + "`, but must be within the range [1, 16]");
        }
        this.driver = Objects.requireNonNull(driver, "driver");
        this.pool = new ThreadPoolExecutor(writers, writers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(writers),
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** @return whether a batch has failed (then further batches are skipped) */
    public boolean failed() {
        return failure.get() != null;
    }

    /**
     * Commits one batch: {@code batch} gets a session of its own and runs its transaction in it.
     *
     * @param batch the work, typically one {@code executeWrite}
     */
    public void submit(Consumer<Session> batch) {
        pool.execute(() -> {
            if (failure.get() != null) {
                return;
            }
            try (Session session = driver.session()) {
                batch.accept(session);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        });
    }

    /** Waits for every batch and rethrows the first failure. */
    public void finish() {
        pool.shutdown();
        try {
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for batches to commit", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
