package org.deeprg.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprg.InvalidInputException;
import org.deeprg.json.Json;
import org.deeprg.result.Claim;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Table;

/**
 * Writes a {@link Result} as a result directory: {@code result.json} (the numbers), {@code provenance.json},
 * {@code claims.json} (if the result checks paper claims), one CSV per table, SVG and PNG per figure, and
 * {@code index.html} showing them.
 *
 * <p>Atomic: everything is written into a hidden temporary sibling directory which is renamed to the target
 * at the end, so an interrupted run never leaves a directory that looks complete. An existing target is
 * replaced only if it is itself a deeprg result (it has a provenance.json written by deeprg) or empty.
 */
public final class ResultWriter {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private ResultWriter() {
    }

    /**
     * Refuses a target that exists and is not a deeprg result or an empty directory, or whose parent cannot be
     * created. Call before computing, so bad input costs nothing.
     *
     * @throws InvalidInputException naming {@code --out}
     */
    public static void checkTarget(Path target) {
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new InvalidInputException("out", target, "exists and is a file; give a new directory or an earlier deeprg result directory");
            }
            if (!isDeeprgResult(target) && !isEmptyDirectory(target)) {
                throw new InvalidInputException("out", target, "exists and is not a deeprg result directory (no deeprg provenance.json); give a new directory");
            }
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isWritable(parent)) {
            throw new InvalidInputException("out", target, "its parent directory is not writable");
        }
    }

    /** Whether {@code dir} holds a provenance.json written by deeprg. */
    public static boolean isDeeprgResult(Path dir) {
        Path p = dir.resolve("provenance.json");
        if (!Files.isRegularFile(p)) {
            return false;
        }
        try {
            return Json.mapper().readTree(p.toFile()).path("tool").asText("").equals("deeprg");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** A fresh directory name {@code results/<name>-<UTC stamp>[-k]} that does not exist yet. */
    public static Path defaultTarget(Path resultsRoot, String name, java.time.Instant now) {
        String stem = name.replaceAll("[^A-Za-z0-9-]+", "-") + "-" + STAMP.format(now);
        Path p = resultsRoot.resolve(stem);
        int k = 2;
        while (Files.exists(p)) {
            p = resultsRoot.resolve(stem + "-" + k++);
        }
        return p;
    }

    /** Writes {@code result} to {@code target} atomically; returns the target. */
    public static Path write(Path target, Result result, Provenance provenance) throws IOException {
        return atomically(target, tmp -> writeContents(tmp, result, provenance, ""));
    }

    /** Something that fills a temporary directory. */
    @FunctionalInterface
    public interface DirectoryFiller {
        void fill(Path tmp) throws IOException;
    }

    /** Fills a temporary sibling of {@code target} and renames it to {@code target}. */
    public static Path atomically(Path target, DirectoryFiller filler) throws IOException {
        checkTarget(target);
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".partial-");
        try {
            filler.fill(tmp);
            Path old = null;
            if (Files.exists(abs)) {
                old = Files.createTempDirectory(parent, "." + abs.getFileName() + ".old-");
                Files.delete(old);
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs);
            }
            if (old != null) {
                deleteTree(old);
            }
            return abs;
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    /** Writes all files of one result into the existing directory {@code dir} (a stand-alone result page). */
    public static void writeContents(Path dir, Result result, Provenance provenance, String heading) throws IOException {
        writeContents(dir, result, provenance, ResultPage.Context.STANDALONE);
    }

    /**
     * Writes all files of one result into the existing directory {@code dir}: result.json, provenance.json (if given),
     * claims.json (if there are claims), a CSV per table, the result's attachments (e.g. weight files), per figure its PNG and SVG (unless degenerate) and its data
     * as {@code NAME.plot.csv}, and index.html ({@link ResultPage}). Returns what became of each figure.
     */
    public static Map<String, PlotRenderer.Rendering> writeContents(Path dir, Result result, Provenance provenance,
                                                                    ResultPage.Context context) throws IOException {
        Files.writeString(dir.resolve("result.json"), Json.write(result.data()) + "\n", StandardCharsets.UTF_8);
        if (provenance != null) {
            Files.writeString(dir.resolve("provenance.json"), Json.write(provenance) + "\n", StandardCharsets.UTF_8);
        }
        List<Claim> claims = context.claims(result);
        if (!claims.isEmpty()) {
            Files.writeString(dir.resolve("claims.json"), Json.write(claims) + "\n", StandardCharsets.UTF_8);
        }
        for (Table t : result.tables()) {
            Csv.write(t, dir.resolve(t.name() + ".csv"));
        }
        for (Result.Attachment a : result.attachments()) {
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve(a.fileName())), 1 << 16)) {
                a.content().write(out);
            }
        }
        Map<String, PlotRenderer.Rendering> renderings = new LinkedHashMap<>();
        for (Figure f : result.figures()) {
            Csv.write(f, dir.resolve(f.name() + ".plot.csv"));
            renderings.put(f.name(), PlotRenderer.render(f, dir));
        }
        Files.writeString(dir.resolve("index.html"), ResultPage.html(result, claims, provenance, renderings, context),
                StandardCharsets.UTF_8);
        return renderings;
    }

    /** Deletes a directory tree (best effort). */
    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
