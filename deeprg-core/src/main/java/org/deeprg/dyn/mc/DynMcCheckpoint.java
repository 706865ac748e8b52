package org.deeprg.dyn.mc;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.deeprg.InvalidInputException;
import org.deeprg.json.Json;

/**
 * Checkpoint files of {@code dyn mc}: the {@link DynMcChainState} of every chain, with a format version, the spec's hash
 * ({@link DynMcSpec#specHash()}) and the seed, and a SHA-256 checksum. Written atomically (a temporary sibling renamed
 * over the target); read back only after complete validation, so that a damaged, crafted or stale file is refused with
 * one {@link InvalidInputException} naming the file and what is wrong, never trusted and never a crash.
 *
 * <h2>Format (version {@value #FORMAT_VERSION})</h2>
 * A JSON object {@code {"formatVersion", "specHash", "spec", "seed", "chains": [chain state...], "checksum"}} where
 * {@code spec} is the spec's text ({@link DynMcSpec#toString()}) and {@code checksum} the lower-case hexadecimal
 * SHA-256 of the same object serialised by {@link Json} with {@code "checksum": null}.
 *
 * <h2>Validation on reading</h2>
 * A regular file of a size the run could have written; valid JSON with every field present and of its type; this
 * format version; the run's spec hash, spec and seed; the checksum; as many chains as the run has; per chain
 * {@code 0 <= segmentsDone <= segments}, every array of the run's shape, every number finite, discrete configurations
 * inside their alphabets, histogram counts non-negative, block counts, proposals and swap counts equal to what
 * {@code segmentsDone} implies, and {@code 0 <= accepted <= proposed}.
 */
public final class DynMcCheckpoint {
    /** The format written and accepted. */
    public static final int FORMAT_VERSION = 2;

    private DynMcCheckpoint() {
    }

    /**
     * The file's content.
     *
     * @param formatVersion {@link #FORMAT_VERSION}
     * @param specHash      {@link DynMcSpec#specHash()} of the run
     * @param spec          {@link DynMcSpec#toString()} of the run
     * @param seed          the run's root seed
     * @param chains        the state of every chain, in chain order
     * @param checksum      SHA-256 of the content with {@code checksum = null} (see the class documentation)
     */
    @JsonPropertyOrder({"formatVersion", "specHash", "spec", "seed", "chains", "checksum"})
    public record Content(int formatVersion, String specHash, String spec, long seed, List<DynMcChainState> chains,
                          String checksum) {

        /** The content for a run, with its checksum. */
        public static Content of(DynMcSpec spec, long seed, List<DynMcChainState> chains) {
            Content unsigned = new Content(FORMAT_VERSION, spec.specHash(), spec.toString(), seed, List.copyOf(chains), null);
            return unsigned.withChecksum(checksumOf(unsigned));
        }

        /** A copy with another checksum. */
        public Content withChecksum(String c) {
            return new Content(formatVersion, specHash, spec, seed, chains, c);
        }
    }

    /** The SHA-256 (hexadecimal) of {@code c} serialised with {@code checksum = null}. */
    public static String checksumOf(Content c) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
                Json.mapper().writeValue(out, c.withChecksum(null));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the checkpoint of a run atomically (parent directories created). */
    public static void write(Path file, DynMcSpec spec, long seed, List<DynMcChainState> chains) {
        Content content = Content.of(spec, seed, chains);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".checkpoint", ".tmp");
            try {
                Json.mapper().writeValue(tmp.toFile(), content);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    /** The largest checkpoint of {@code spec} in bytes: a generous 64 bytes per stored number, plus 1 MB. */
    public static long maxBytes(DynMcSpec spec) {
        DynMcPlan plan = new DynMcPlan(spec);
        long perRung = plan.layout.dimension() + (long) DynMcAccumulator.SCALARS * plan.measurements
                + (long) plan.blocks * (plan.layout.neuronCount() + plan.distances + 1 + plan.weightBins + plan.neuronBins + 1) + 3;
        return 64L * perRung * plan.rungs * spec.chains() + (1L << 20);
    }

    /**
     * Reads and validates the checkpoint of a run of {@code spec} with {@code seed}.
     *
     * @return the chain states, validated
     * @throws InvalidInputException naming {@code file} and what is wrong with it
     */
    public static List<DynMcChainState> read(Path file, DynMcSpec spec, long seed) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
            throw refuse(file, "not a regular file");
        }
        try {
            long size = Files.size(file);
            long max = maxBytes(spec);
            if (size > max) {
                throw refuse(file, String.format(Locale.ROOT, "%d bytes, more than a checkpoint of this run can have (%d)", size, max));
            }
        } catch (IOException e) {
            throw refuse(file, "cannot be read (" + oneLine(e.getMessage()) + ")");
        }
        Content content;
        try (InputStream in = Files.newInputStream(file)) {
            content = reader().readValue(in);
        } catch (JsonMappingException e) {
            throw refuse(file, "not a valid dyn mc checkpoint (" + oneLine(e.getOriginalMessage()) + where(e) + ")");
        } catch (JsonProcessingException e) {
            throw refuse(file, "not a dyn mc checkpoint (" + oneLine(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw refuse(file, "cannot be read (" + oneLine(e.getMessage()) + ")");
        }
        return validate(file, content, spec, seed);
    }

    /**
     * A strict reader: every field of the content and of each chain state must be present and non-null (a missing
     * field is named, never defaulted to 0), no unknown fields, no trailing tokens, no floats where integers belong.
     */
    private static ObjectReader reader() {
        return Json.mapper().readerFor(Content.class)
                .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /** " at chains[0].series" from the exception's reference path, or "". */
    private static String where(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() > 0 ? "." : "").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "" : " at " + b;
    }

    /**
     * Validates parsed content against the run (see the class documentation); returns the chain states.
     *
     * @throws InvalidInputException naming {@code file} and the first thing wrong
     */
    public static List<DynMcChainState> validate(Path file, Content c, DynMcSpec spec, long seed) {
        if (c.formatVersion() != FORMAT_VERSION) {
            throw refuse(file, "format version " + c.formatVersion() + ", this deeprg reads version " + FORMAT_VERSION
                    + "; rerun without --resume");
        }
        if (!spec.specHash().equals(c.specHash()) || !spec.toString().equals(c.spec()) || seed != c.seed()) {
            throw refuse(file, "the checkpoint was written by a run with another spec or seed (spec hash " + c.specHash() + ", seed "
                    + c.seed() + "; this run: " + spec.specHash() + ", seed " + seed + "); rerun with the same options or without --resume");
        }
        if (c.checksum() == null || !c.checksum().equals(checksumOf(c))) {
            throw refuse(file, "checksum mismatch: the file is damaged or was edited; rerun without --resume");
        }
        if (c.chains() == null || c.chains().size() != spec.chains()) {
            throw refuse(file, "has " + (c.chains() == null ? 0 : c.chains().size()) + " chains, the run has " + spec.chains());
        }
        DynMcPlan plan = new DynMcPlan(spec);
        for (int i = 0; i < c.chains().size(); i++) {
            String problem = problem(plan, c.chains().get(i));
            if (problem != null) {
                throw refuse(file, "chain " + i + ": " + problem);
            }
        }
        return c.chains();
    }

    /** What is wrong with a chain state for this plan, or null. */
    static String problem(DynMcPlan plan, DynMcChainState s) {
        if (s == null) {
            return "missing";
        }
        int k = plan.rungs;
        if (s.segmentsDone() < 0 || s.segmentsDone() > plan.segments) {
            return "segmentsDone = " + s.segmentsDone() + " is outside [0, " + plan.segments + "]";
        }
        if (s.states() == null || s.series() == null || s.site() == null || s.pair() == null || s.weightHistogram() == null
                || s.neuronHistogram() == null || s.blockCount() == null || s.accepted() == null || s.proposed() == null
                || s.swapAccepted() == null) {
            return "a field is missing";
        }
        if (s.states().length != k || s.series().length != k || s.site().length != k || s.pair().length != k
                || s.weightHistogram().length != k || s.neuronHistogram().length != k || s.blockCount().length != k
                || s.accepted().length != k || s.proposed().length != k) {
            return "the arrays must have one entry per betaV rung (" + k + ")";
        }
        if (s.swapAccepted().length != Math.max(0, k - 1)) {
            return "swapAccepted must have " + Math.max(0, k - 1) + " entries";
        }
        long sweeps = plan.sweepsAfter(s.segmentsDone());
        int measured = plan.measurementsAfter(sweeps);
        double[] expectedCount = new double[plan.blocks];
        for (int m = 0; m < measured; m++) {
            expectedCount[plan.blockOf(m)]++;
        }
        int dim = plan.layout.dimension();
        for (int r = 0; r < k; r++) {
            String where = "rung " + r + ": ";
            String p = shape(s.states()[r], dim, "states");
            if (p == null && plan.discrete()) {
                for (int v = 0; v < dim; v++) {
                    if (DynMcChain.indexOf(plan.models[r].values(v), s.states()[r][v]) < 0) {
                        p = "states[" + v + "] = " + s.states()[r][v] + " is not in its alphabet";
                        break;
                    }
                }
            }
            p = p != null ? p : shape(s.series()[r], DynMcAccumulator.SCALARS, plan.measurements, "series");
            p = p != null ? p : shape(s.site()[r], plan.blocks, plan.layout.neuronCount(), "site");
            p = p != null ? p : shape(s.pair()[r], plan.blocks, plan.distances + 1, "pair");
            p = p != null ? p : counts(s.weightHistogram()[r], plan.blocks, plan.weightBins, "weightHistogram");
            p = p != null ? p : counts(s.neuronHistogram()[r], plan.blocks, plan.neuronBins, "neuronHistogram");
            if (p == null && !java.util.Arrays.equals(s.blockCount()[r], expectedCount)) {
                p = "blockCount does not match the " + measured + " measurements of " + s.segmentsDone() + " segments";
            }
            long proposed = sweeps * plan.updatesPerSweep;
            if (p == null && s.proposed()[r] != proposed) {
                p = "proposed = " + s.proposed()[r] + ", but " + s.segmentsDone() + " segments make " + proposed;
            }
            if (p == null && (s.accepted()[r] < 0 || s.accepted()[r] > s.proposed()[r])) {
                p = "accepted = " + s.accepted()[r] + " is outside [0, proposed]";
            }
            if (p != null) {
                return where + p;
            }
        }
        for (int j = 0; j < s.swapAccepted().length; j++) {
            if (s.swapAccepted()[j] < 0 || s.swapAccepted()[j] > sweeps) {
                return "swapAccepted[" + j + "] = " + s.swapAccepted()[j] + " is outside [0, " + sweeps + "]";
            }
        }
        return null;
    }

    private static String shape(double[] a, int n, String name) {
        if (a == null || a.length != n) {
            return name + " must have " + n + " entries, has " + (a == null ? 0 : a.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(a[i])) {
                return name + "[" + i + "] is not a finite number";
            }
        }
        return null;
    }

    private static String shape(double[][] a, int rows, int cols, String name) {
        if (a == null || a.length != rows) {
            return name + " must have " + rows + " rows, has " + (a == null ? 0 : a.length);
        }
        for (int i = 0; i < rows; i++) {
            String p = shape(a[i], cols, name + "[" + i + "]");
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String counts(double[][] a, int rows, int cols, String name) {
        String p = shape(a, rows, cols, name);
        if (p != null) {
            return p;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (a[i][j] < 0 || a[i][j] != Math.rint(a[i][j])) {
                    return name + "[" + i + "][" + j + "] = " + a[i][j] + " is not a count";
                }
            }
        }
        return null;
    }

    private static InvalidInputException refuse(Path file, String what) {
        return InvalidInputException.file(file, "dyn mc checkpoint: " + what);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").trim();
    }
}
