package org.convergence.engine.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file written under a temporary name beside its target and moved into place by {@link #commit()}:
 * an export that fails half-way leaves its earlier files as they were and no half-written one.
 */
final class PendingFile implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private boolean committed;

    private PendingFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /**
     * @return a pending file for {@code file}; its temporary file is created now (with the permissions the
     *     umask gives, as the target would have)
     */
    static PendingFile of(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".part");
        Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW).close();
        return new PendingFile(target, temporary);
    }

    /** @return the file this becomes */
    Path target() {
        return target;
    }

    /** @return a UTF-8 writer of the temporary file; the caller closes it */
    BufferedWriter writer() throws IOException {
        return Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
    }

    /** Moves the written file into place, replacing a file of that name. */
    void commit() throws IOException {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
