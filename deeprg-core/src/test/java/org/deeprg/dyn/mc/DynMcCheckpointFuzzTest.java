package org.deeprg.dyn.mc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;
import org.deeprg.json.Json;
import org.deeprg.net.Activation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Jazzer fuzz tests of the {@code dyn mc} checkpoint reader ({@link DynMcCheckpoint#read}). The contract: any byte
 * sequence is either a valid checkpoint of the run, from which every chain can be rebuilt, or refused with one
 * {@link InvalidInputException} naming the file; anything else (another exception, an out-of-memory, a hang) is a
 * finding.
 *
 * <p>{@link #fuzzCheckpointFile} feeds raw bytes (the checksum stops almost every mutation early); {@link
 * #fuzzSignedCheckpoint} parses the input leniently, signs it with a correct checksum and then reads it, so that the
 * structural validation (shapes, ranges, counts) is fuzzed too. In {@code mvn test} both run in regression mode on the
 * committed seeds under {@code src/test/resources/org/deeprg/dyn/mc/DynMcCheckpointFuzzTestInputs/<method>/}; to fuzz:
 * {@code JAZZER_FUZZ=1 mvn -pl deeprg-core test -Dtest='DynMcCheckpointFuzzTest#fuzzSignedCheckpoint' -Dsurefire.failIfNoSpecifiedTests=false}
 * (each method stops after its {@code maxDuration}).
 */
class DynMcCheckpointFuzzTest {
    /** The seed of the run whose checkpoints are fuzzed (the committed seeds were written by it). */
    static final long SEED = 5;
    private static Path dir;

    /** A tiny run with several segments: width 30, depth 2, two rungs, one chain, 20 sweeps (segments of 5 sweeps). */
    static DynMcSpec spec() {
        double[] x = new double[30];
        java.util.Arrays.fill(x, 1);
        return new DynMcSpec(new DynNetwork(30, 2, Activation.HEAVISIDE), List.of(new Example(x, x)), DynMcSpec.Sampler.METROPOLIS,
                Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, 1.0, new double[] {1, 2}, 0, 0, 0,
                20, 2, 1, 1, 4);
    }

    @BeforeAll
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("deeprg-checkpoint-fuzz");
    }

    @AfterAll
    static void deleteDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    private static Path file(byte[] input) {
        Path p = dir.resolve("checkpoint.json");
        try {
            Files.write(p, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static void readOrRefuse(Path p) {
        DynMcSpec spec = spec();
        try {
            List<DynMcChainState> chains = DynMcCheckpoint.read(p, spec, SEED);
            DynMcPlan plan = new DynMcPlan(spec);
            for (DynMcChainState s : chains) {
                new DynMcChain(plan, s).state();
            }
        } catch (InvalidInputException expected) {
            if (expected.getMessage() == null || !expected.getMessage().contains(p.toString()) || expected.getMessage().contains("\n")) {
                throw new AssertionError("error is not one line naming the file: " + expected.getMessage());
            }
        }
    }

    @FuzzTest(maxDuration = "2m")
    void fuzzCheckpointFile(byte[] input) {
        readOrRefuse(file(input));
    }

    @FuzzTest(maxDuration = "2m")
    void fuzzSignedCheckpoint(byte[] input) {
        DynMcCheckpoint.Content c;
        try {
            c = Json.mapper().readValue(input, DynMcCheckpoint.Content.class);
        } catch (IOException | RuntimeException notJson) {
            return;
        }
        if (c == null) {
            return;
        }
        byte[] signed;
        try {
            signed = Json.mapper().writeValueAsBytes(c.withChecksum(DynMcCheckpoint.checksumOf(c)));
        } catch (IOException | RuntimeException unserialisable) {
            return;
        }
        readOrRefuse(file(signed));
    }
}
