package org.convergence.engine.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one check of where a command's output files go, before the database is opened. */
public final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * Checks that files can be written into {@code folder}: none of its ancestors is a file, it exists
     * (or, when {@code create}, can be made) and is writable.
     *
     * @param folder the folder the files go into
     * @param out the value the user gave, for the message
     * @param what the option or key the value was given for, e.g. {@code `--out`}
     * @param create whether a missing folder is made (a default or a job's folder), or refused
     * @throws UsageException naming what, the value and the problem
     */
    public static void require(Path folder, Path out, String what, boolean create) {
        Path dir = folder.toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new UsageException("Value for " + what + " was `" + out + "`, but " + p + " is a file, not a"
                        + " folder");
            }
        }
        if (!Files.isDirectory(dir)) {
            if (!create) {
                throw new UsageException("Value for " + what + " was `" + out + "`, but its folder " + dir
                        + " does not exist");
            }
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UsageException("Value for " + what + " was `" + out + "`, but its folder " + dir
                        + " cannot be created: " + e.getMessage());
            }
        }
        if (!Files.isWritable(dir)) {
            throw new UsageException("Value for " + what + " was `" + out + "`, but its folder " + dir
                    + " is not writable");
        }
    }
}
