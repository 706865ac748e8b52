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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprg.InvalidInputException;
import org.deeprg.io.OutputPaths;
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
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private ResultWriter() {
    }

    /** Estimated size of a result directory (JSON, CSV, SVG and PNG figures), asked of the file system up front. */
    public static final long DEFAULT_SIZE_ESTIMATE = 16L << 20;

    private static final String OWNER_FILE = ".deeprg-owner";
    private static final java.util.regex.Pattern PARTIAL = java.util.regex.Pattern.compile("^\\.(.+)\\.partial-[0-9a-zA-Z]+$");
    private static final java.util.regex.Pattern OLD = java.util.regex.Pattern.compile("^\\.(.+)\\.old-[0-9a-zA-Z]+$");
    private static final java.util.regex.Pattern LOCK = java.util.regex.Pattern.compile("^\\.(.+)\\.lock$");
    private static final java.util.Map<Path, TargetClaim> ACTIVE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * Refuses, before anything is computed, a target that could not receive the result: see
     * {@link #checkTarget(Path, long)} with {@link #DEFAULT_SIZE_ESTIMATE}.
     */
    public static void checkTarget(Path target) {
        checkTarget(target, DEFAULT_SIZE_ESTIMATE);
    }

    /**
     * Refuses, before anything is computed, a target that could not receive the result: it exists and is a file or
     * a directory that is neither empty nor an earlier deeprg result; another running deeprg holds it; or it cannot be
     * created and written (see {@link OutputPaths#checkCreatable}: parents that are files, /proc or /sys, over-long
     * names, read-only or full file systems).
     *
     * @param bytesNeeded estimated size of the result (free-space check)
     * @throws InvalidInputException naming {@code --out}
     */
    public static void checkTarget(Path target, long bytesNeeded) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new InvalidInputException("out", target, "exists and is a file; give a new directory or an earlier deeprg result directory");
            }
            if (!isDeeprgResult(abs) && !isEmptyDirectory(abs)) {
                throw new InvalidInputException("out", target, "exists and is not a deeprg result directory (no deeprg provenance.json); give a new directory");
            }
        }
        OutputPaths.checkCreatable("out", abs, bytesNeeded);
        TargetClaim mine = ACTIVE.get(abs);
        if (mine == null && abs.getParent() != null) {
            Path lock = lockFile(abs);
            java.util.Optional<OwnerLock> owner = OwnerLock.read(lock);
            if (owner.isPresent() && owner.get().alive()) {
                throw new InvalidInputException("out", target, "another deeprg run (" + owner.get().describe()
                        + ") is writing this directory; wait for it or choose another --out");
            }
        }
    }

    /** Whether {@code dir} holds a provenance.json written by deeprg. */
    public static boolean isDeeprgResult(Path dir) {
        Path p = dir.resolve("provenance.json");
        try {
            if (!Files.isRegularFile(p) || Files.size(p) > (64L << 20)) {
                return false;
            }
            return Json.mapper().readTree(p.toFile()).path("tool").asText("").equals("deeprg");
        } catch (IOException | RuntimeException e) {
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

    /**
     * A fresh name {@code <root>/<name>-<UTC yyyyMMdd-HHmmss-SSS>-<4 random hex digits>} that does not exist yet. Two
     * runs started in the same millisecond still get different names; {@link #claimDefault} makes the choice atomic.
     */
    public static Path defaultTarget(Path resultsRoot, String name, java.time.Instant now) {
        String stem = name.replaceAll("[^A-Za-z0-9-]+", "-") + "-" + STAMP.format(now);
        while (true) {
            Path p = resultsRoot.resolve(stem + "-" + String.format("%04x", RANDOM.nextInt(1 << 16)));
            if (!Files.exists(p) && !Files.exists(lockFile(p.toAbsolutePath().normalize()))) {
                return p;
            }
        }
    }

    /** Claims a fresh default target atomically (see {@link #defaultTarget} and {@link #claim}). */
    public static TargetClaim claimDefault(Path resultsRoot, String name, java.time.Instant now) {
        for (int attempt = 0; ; attempt++) {
            Path p = defaultTarget(resultsRoot, name, now);
            checkTarget(p);
            try {
                return claim(p);
            } catch (InvalidInputException e) {
                if (attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    /**
     * Claims {@code target} for this process, before computing: creates the missing parent directories, removes
     * stale leftovers of killed runs in the parent (see {@link #cleanStale}), and creates the lock file
     * {@code .NAME.lock} (pid, process start time, host) with an atomic create-new. A target locked by a running
     * deeprg is refused; a stale lock is taken over. Release the claim with {@link TargetClaim#close()}.
     *
     * @throws InvalidInputException naming {@code --out} when the target is held by another run or cannot be created
     */
    public static TargetClaim claim(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        TargetClaim existing = ACTIVE.get(abs);
        if (existing != null) {
            throw new InvalidInputException("out", target, "another command of this process is writing this directory; "
                    + "choose another --out");
        }
        Path parent = abs.getParent();
        List<Path> created = new ArrayList<>();
        try {
            Path missing = parent;
            List<Path> chain = new ArrayList<>();
            while (missing != null && !Files.exists(missing)) {
                chain.add(0, missing);
                missing = missing.getParent();
            }
            for (Path d : chain) {
                try {
                    Files.createDirectory(d);
                    created.add(0, d);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // created concurrently by another run: fine
                }
            }
            cleanStale(parent);
            Path lock = lockFile(abs);
            OwnerLock me = OwnerLock.current();
            for (int attempt = 0; ; attempt++) {
                try {
                    me.createNew(lock);
                    break;
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    java.util.Optional<OwnerLock> owner = OwnerLock.read(lock);
                    if (owner.isPresent() && owner.get().alive() || attempt >= 3) {
                        throw new InvalidInputException("out", target, "another deeprg run ("
                                + owner.map(OwnerLock::describe).orElse("starting up") + ") is writing this directory; "
                                + "wait for it or choose another --out");
                    }
                    if (OwnerLock.stale(lock)) {
                        Files.deleteIfExists(lock);
                    }
                }
            }
            if (Files.exists(abs) && !Files.isDirectory(abs)) {
                Files.deleteIfExists(lock);
                throw new InvalidInputException("out", target, "exists and is a file");
            }
            TargetClaim c = new TargetClaim(target, abs, lock, created);
            ACTIVE.put(abs, c);
            return c;
        } catch (IOException e) {
            removeEmpty(created);
            throw new InvalidInputException("out", target, "cannot be created (" + String.valueOf(e.getMessage()).replaceAll("\\s+", " ") + ")");
        } catch (RuntimeException e) {
            removeEmpty(created);
            throw e;
        }
    }

    /**
     * Removes what killed runs left in {@code parent}, and only that: partial directories {@code .NAME.partial-*}
     * whose owner process is gone (or that have no owner file and are over a minute old), lock files {@code .NAME.lock}
     * of dead owners, and {@code .NAME.old-*} directories (an earlier result being replaced when the run was killed):
     * moved back to {@code NAME} if that no longer exists, else deleted. Entries of live runs are never touched.
     */
    public static void cleanStale(Path parent) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, ".*")) {
            s.forEach(entries::add);
        } catch (IOException e) {
            return;
        }
        for (Path p : entries) {
            String n = p.getFileName().toString();
            try {
                java.util.regex.Matcher m;
                if ((m = PARTIAL.matcher(n)).matches() && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    if (!ACTIVE.containsKey(parent.resolve(m.group(1))) && ownerGone(p)) {
                        deleteTree(p);
                    }
                } else if ((m = LOCK.matcher(n)).matches() && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    if (!ACTIVE.containsKey(parent.resolve(m.group(1))) && OwnerLock.stale(p)) {
                        Files.deleteIfExists(p);
                    }
                } else if ((m = OLD.matcher(n)).matches() && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Path name = parent.resolve(m.group(1));
                    java.util.Optional<OwnerLock> owner = OwnerLock.read(lockFile(name));
                    if (!ACTIVE.containsKey(name) && !(owner.isPresent() && owner.get().alive())) {
                        if (!Files.exists(name)) {
                            Files.move(p, name, StandardCopyOption.ATOMIC_MOVE);
                        } else {
                            deleteTree(p);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // another run may be cleaning the same entry; leftovers are retried next time
            }
        }
    }

    private static boolean ownerGone(Path partial) {
        Path owner = partial.resolve(OWNER_FILE);
        if (Files.exists(owner)) {
            return OwnerLock.stale(owner);
        }
        try {
            // no owner file: a run of an older deeprg, or killed between creating the directory and the file
            return Files.getLastModifiedTime(partial).toMillis() < System.currentTimeMillis() - 60_000;
        } catch (IOException e) {
            return false;
        }
    }

    static Path lockFile(Path abs) {
        return abs.resolveSibling("." + abs.getFileName() + ".lock");
    }

    private static void removeEmpty(List<Path> dirs) {
        for (Path d : dirs) { // deepest first
            try {
                Files.deleteIfExists(d);
            } catch (IOException e) {
                return; // not empty (someone else wrote there) or not ours to remove
            }
        }
    }

    /**
     * Releases the claims of this process: deletes partial directories being written and lock files, and the parent
     * directories a claim created if they are still empty. For the shutdown hook of an interrupted run.
     */
    public static void releaseAll() {
        for (TargetClaim c : List.copyOf(ACTIVE.values())) {
            c.abort();
        }
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

    /**
     * Fills a hidden temporary sibling of {@code target} and renames it to {@code target}. Uses this process's claim on
     * the target if it holds one (see {@link #claim}), else claims it for the duration of the write.
     */
    public static Path atomically(Path target, DirectoryFiller filler) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        TargetClaim held = ACTIVE.get(abs);
        if (held != null) {
            return held.atomically(filler);
        }
        checkTarget(target, 0);
        try (TargetClaim c = claim(target)) {
            return c.atomically(filler);
        }
    }

    /**
     * This process's claim on a result directory: the lock {@code .NAME.lock} in the parent, held from before the
     * computation until the result is in place. {@link #close()} releases it (and removes the parent directories the
     * claim created if nothing was written).
     */
    public static final class TargetClaim implements AutoCloseable {
        private final Path target;
        private final Path abs;
        private final Path lock;
        private final List<Path> createdParents;
        private volatile Path partial;
        private volatile boolean written;
        private volatile boolean released;
        private volatile boolean aborted;
        /** Held while the finished partial directory is renamed into place, so an abort never races the rename. */
        private final java.util.concurrent.locks.ReentrantLock renaming = new java.util.concurrent.locks.ReentrantLock();

        private TargetClaim(Path target, Path abs, Path lock, List<Path> createdParents) {
            this.target = target;
            this.abs = abs;
            this.lock = lock;
            this.createdParents = createdParents;
        }

        /** The target as given. */
        public Path target() {
            return target;
        }

        /** Writes {@code result} atomically into the claimed target; returns its absolute path. */
        public Path write(Result result, Provenance provenance) throws IOException {
            return atomically(tmp -> writeContents(tmp, result, provenance, ""));
        }

        /** Fills a hidden partial sibling and renames it to the target. */
        public synchronized Path atomically(DirectoryFiller filler) throws IOException {
            if (released) {
                throw new IllegalStateException("claim on " + abs + " was released");
            }
            Path parent = abs.getParent();
            Files.createDirectories(parent);
            Path tmp = null;
            for (int attempt = 0; tmp == null; attempt++) {
                Path candidate = parent.resolve("." + abs.getFileName() + ".partial-" + String.format("%08x", RANDOM.nextInt()));
                try {
                    Files.createDirectory(candidate);
                    tmp = candidate;
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (attempt > 100) {
                        throw e;
                    }
                }
            }
            partial = tmp;
            try {
                OwnerLock.current().createNew(tmp.resolve(OWNER_FILE));
                filler.fill(tmp);
                Path old = null;
                renaming.lock();
                try {
                    if (aborted) {
                        throw new IOException("interrupted before the result was in place");
                    }
                    Files.deleteIfExists(tmp.resolve(OWNER_FILE));
                    if (Files.exists(abs)) {
                        if (!isDeeprgResult(abs) && !isEmptyDirectory(abs)) {
                            throw new InvalidInputException("out", target, "was replaced by a directory that is not a deeprg result while this run computed");
                        }
                        old = parent.resolve("." + abs.getFileName() + ".old-" + String.format("%08x", RANDOM.nextInt()));
                        Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
                    }
                    try {
                        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(tmp, abs);
                    }
                    partial = null;
                    written = true;
                } finally {
                    renaming.unlock();
                }
                if (old != null) {
                    deleteTree(old);
                }
                return abs;
            } catch (IOException | RuntimeException e) {
                deleteTree(tmp);
                partial = null;
                throw e;
            }
        }

        /** Whether the result is in place. */
        public boolean written() {
            return written;
        }

        /** Releases the lock; removes the parent directories this claim created if nothing was written there. */
        @Override
        public synchronized void close() {
            if (released) {
                return;
            }
            released = true;
            ACTIVE.remove(abs, this);
            try {
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                // a stale lock is recognised by its dead owner and cleaned by the next run
            }
            if (!written) {
                removeEmpty(createdParents);
            }
        }

        /** From the shutdown hook: delete a partial directory being written, then release. */
        void abort() {
            boolean locked = false;
            try {
                locked = renaming.tryLock(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            aborted = true;
            if (locked) {
                renaming.unlock();
            }
            Path p = written ? null : partial;
            if (p != null) {
                try {
                    deleteTree(p);
                } catch (RuntimeException e) {
                    // the writer thread may still be adding files; the next run removes what remains
                }
            }
            released = true;
            ACTIVE.remove(abs, this);
            try {
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                // cleaned by the next run
            }
            if (!written) {
                removeEmpty(createdParents);
            }
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
