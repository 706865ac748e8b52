package org.deeprg.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Supplier;
import org.deeprg.InvalidInputException;

/**
 * The one place where deeprg decides whether a path may be read: every reader opens its input through
 * {@link #open(Path)} or checks it with {@link #requireRegularFile(Path)} first.
 *
 * <p>An input must be an existing, readable <em>regular</em> file (symbolic links are followed). Directories,
 * FIFOs (a named pipe without a writer blocks {@code open} forever), character devices ({@code /dev/zero},
 * {@code /dev/random}: endless), block devices and sockets are refused <em>before opening</em>, from the file's
 * attributes alone, with one line naming the file. Errors are {@link InvalidInputException}s (exit code 2).
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * Requires {@code file} to be an existing, readable regular file; returns its size in bytes.
     *
     * @throws InvalidInputException naming the file otherwise
     */
    public static long requireRegularFile(Path file) {
        if (file == null) {
            throw new InvalidInputException(null, null, "no input file given");
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.file(file, "not found (no such file)");
        } catch (IOException | SecurityException e) {
            throw InvalidInputException.file(file, "cannot be read (" + oneLine(e) + ")");
        }
        if (a.isDirectory()) {
            throw InvalidInputException.file(file, "is a directory, expected a regular file");
        }
        if (!a.isRegularFile()) {
            throw InvalidInputException.file(file, "is not a regular file (a pipe, device or socket can block or never "
                    + "end; copy the data into a file)");
        }
        if (!Files.isReadable(file)) {
            throw InvalidInputException.file(file, "is not readable (permission denied)");
        }
        return a.size();
    }

    /**
     * Requires {@code dir} to be an existing directory.
     *
     * @param parameter the option naming it (camelCase), or null to name the directory as a file
     */
    public static Path requireDirectory(String parameter, Path dir) {
        if (!Files.isDirectory(dir)) {
            String why = Files.exists(dir) ? "is not a directory" : "no such directory";
            if (parameter != null) {
                throw new InvalidInputException(parameter, dir, why + ": give an existing directory");
            }
            throw InvalidInputException.file(dir, why);
        }
        return dir;
    }

    /** Opens a regular file for reading after {@link #requireRegularFile(Path)}. */
    public static InputStream open(Path file) {
        requireRegularFile(file);
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw ioError(file, e);
        }
    }

    /** An I/O failure (not a format error) as one clear line naming the file. */
    public static InvalidInputException ioError(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return InvalidInputException.file(file, "not found (no such file)");
        }
        return InvalidInputException.file(file, "cannot be read (" + oneLine(e) + ")");
    }

    /**
     * Runs an analysis of a file's content and reports its bad-input errors as errors <em>about the file</em>
     * rather than about an internal parameter: {@code InputFiles.content(path, () -> PowerLaw.analyse(values, ...))}
     * turns "option --data: value ..." into "file path: ...".
     */
    public static <T> T content(Path file, Supplier<T> analysis) {
        try {
            return analysis.get();
        } catch (InvalidInputException e) {
            if (e.parameter() == null) {
                throw e;
            }
            String msg = e.allowed();
            throw InvalidInputException.file(file, msg);
        }
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
