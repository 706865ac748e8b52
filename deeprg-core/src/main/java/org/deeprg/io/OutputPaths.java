package org.deeprg.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeprg.InvalidInputException;

/**
 * Checks, before anything is computed, that an output path (a result directory, a checkpoint file) can be created
 * and written, so that a run never does its work only to fail when writing (exit code 2 up front instead of exit 4
 * at the end).
 *
 * <p>What is checked: every existing ancestor is a directory (not a file); the nearest existing ancestor is not under
 * {@code /proc} or {@code /sys} (pseudo file systems) nor {@code /dev} other than {@code /dev/shm}; each name that
 * will be created fits the file system's limit of {@value #MAX_NAME_BYTES} bytes, leaving room for the hidden
 * siblings deeprg writes first ({@value #SIBLING_RESERVE} bytes: {@code .NAME.partial-XXXXXXXX}); the whole path fits
 * {@value #MAX_PATH_BYTES} bytes; a file can actually be created in the nearest existing ancestor (a probe file,
 * deleted at once: this catches read-only file systems and missing permissions, also for root); and the file system
 * has at least the estimated number of bytes free.
 */
public final class OutputPaths {
    /** Longest file name (bytes) on Linux file systems (NAME_MAX). */
    public static final int MAX_NAME_BYTES = 255;
    /** Longest path (bytes) accepted (PATH_MAX - 1). */
    public static final int MAX_PATH_BYTES = 4095;
    /** Bytes of a name reserved for the hidden siblings deeprg creates next to it. */
    public static final int SIBLING_RESERVE = 18;

    private OutputPaths() {
    }

    /**
     * Refuses an output {@code path} that could not be created and written.
     *
     * @param parameter  the option naming the path (camelCase, e.g. "out", "checkpoint")
     * @param path       the path to create (file or directory; it may exist)
     * @param bytesNeeded estimated bytes the output will take (0 to skip the free-space check)
     * @throws InvalidInputException naming the option, the path and what is wrong
     */
    public static void checkCreatable(String parameter, Path path, long bytesNeeded) {
        Path abs = path.toAbsolutePath().normalize();
        if (abs.toString().getBytes(StandardCharsets.UTF_8).length + SIBLING_RESERVE > MAX_PATH_BYTES) {
            throw new InvalidInputException(parameter, shorten(path), "the path is longer than "
                    + (MAX_PATH_BYTES - SIBLING_RESERVE) + " bytes");
        }
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            if (Files.isSymbolicLink(existing)) {
                throw new InvalidInputException(parameter, shorten(path), existing
                        + " is a symbolic link that leads nowhere (dangling, or a loop)");
            }
            Path name = existing.getFileName();
            if (name != null && name.toString().getBytes(StandardCharsets.UTF_8).length + SIBLING_RESERVE > MAX_NAME_BYTES) {
                throw new InvalidInputException(parameter, shorten(path), "the name '" + shorten(name)
                        + "' is longer than " + (MAX_NAME_BYTES - SIBLING_RESERVE) + " bytes");
            }
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new InvalidInputException(parameter, shorten(path), "no part of the path exists");
        }
        if (existing.equals(abs)) {
            Path name = abs.getFileName();
            if (name != null && name.toString().getBytes(StandardCharsets.UTF_8).length + SIBLING_RESERVE > MAX_NAME_BYTES) {
                throw new InvalidInputException(parameter, shorten(path), "the name is longer than "
                        + (MAX_NAME_BYTES - SIBLING_RESERVE) + " bytes");
            }
            existing = abs.getParent();
            if (existing == null) {
                throw new InvalidInputException(parameter, path, "cannot write to the root directory itself");
            }
        }
        if (!Files.isDirectory(existing)) {
            throw new InvalidInputException(parameter, shorten(path), existing + " is a file, not a directory");
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            throw new InvalidInputException(parameter, shorten(path), "cannot resolve " + existing + " (" + e.getMessage() + ")");
        }
        String r = real.toString();
        if (under(r, "/proc") || under(r, "/sys") || (under(r, "/dev") && !under(r, "/dev/shm"))) {
            throw new InvalidInputException(parameter, shorten(path), "it is under " + real
                    + ", a system pseudo file system; give a directory on a real file system");
        }
        probe(parameter, path, existing);
        if (bytesNeeded > 0) {
            long free;
            try {
                FileStore store = Files.getFileStore(existing);
                free = store.getUsableSpace();
            } catch (IOException e) {
                free = Long.MAX_VALUE; // unknown: do not refuse on a guess
            }
            if (free < bytesNeeded) {
                throw new InvalidInputException(parameter, shorten(path), "only " + Budget.human(free)
                        + " free on the file system of " + existing + ", the output needs about " + Budget.human(bytesNeeded));
            }
        }
    }

    private static boolean under(String real, String root) {
        return real.equals(root) || real.startsWith(root + "/");
    }

    /** Creates and deletes a probe file in {@code dir}: the only reliable writability test (read-only mounts, root). */
    private static void probe(String parameter, Path path, Path dir) {
        Path p = null;
        try {
            p = Files.createTempFile(dir, ".deeprg-probe-", ".tmp");
        } catch (IOException | SecurityException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof java.nio.file.AccessDeniedException) {
                why = "permission denied";
            } else if (why.contains("Read-only")) {
                why = "read-only file system";
            }
            throw new InvalidInputException(parameter, shorten(path), "cannot create files in " + dir + " ("
                    + why.replaceAll("\\s+", " ") + ")");
        } finally {
            if (p != null) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // the probe is an empty hidden file; nothing else to do
                }
            }
        }
    }

    private static String shorten(Object p) {
        String s = String.valueOf(p);
        return s.length() <= 120 ? s : s.substring(0, 60) + "..." + s.substring(s.length() - 40);
    }
}
