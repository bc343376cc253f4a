package org.convergence.engine.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The one way the engine writes a file: under a temporary name beside its target, moved into place by
 * {@link #commit()}. A write that fails half-way leaves the earlier file of that name as it was and no
 * half-written one; closing without a commit removes the temporary file. Every report, export, matrix and
 * suggestions file goes through it.
 */
public final class AtomicFile implements AutoCloseable {

    /** Writes what a writer is given; may throw {@link IOException}. */
    @FunctionalInterface
    public interface Content<T> {
        void writeTo(T sink) throws IOException;
    }

    private final Path target;
    private final Path temporary;
    private boolean committed;

    private AtomicFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /**
     * @return a pending file for {@code file}; its temporary file is created now, beside the target (with the
     *     permissions the umask gives, as the target would have) under a name no other writer uses
     */
    public static AtomicFile of(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW).close();
        return new AtomicFile(target, temporary);
    }

    /** Writes {@code file} as UTF-8 text, all or nothing. */
    public static void writeText(Path file, Content<Writer> content) throws IOException {
        try (AtomicFile f = of(file)) {
            try (BufferedWriter w = f.writer()) {
                content.writeTo(w);
            }
            f.commit();
        }
    }

    /** Writes {@code file} as bytes, all or nothing. */
    public static void writeBytes(Path file, Content<OutputStream> content) throws IOException {
        try (AtomicFile f = of(file)) {
            try (OutputStream out = f.outputStream()) {
                content.writeTo(out);
            }
            f.commit();
        }
    }

    /** @return the file this becomes */
    public Path target() {
        return target;
    }

    /** @return a UTF-8 writer of the temporary file; the caller closes it */
    public BufferedWriter writer() throws IOException {
        return Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
    }

    /** @return a stream to the temporary file; the caller closes it */
    public OutputStream outputStream() throws IOException {
        return Files.newOutputStream(temporary);
    }

    /**
     * Moves the written file into place, replacing a file of that name: atomically where the file system can,
     * else by a plain move within the same folder.
     */
    public void commit() throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Removes the temporary file unless it was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            Files.deleteIfExists(temporary);
        }
    }
}
