package org.deeprg.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.deeprg.InvalidInputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Jazzer fuzz tests of every parser. The contract: any byte sequence either parses or is refused with an
 * {@link InvalidInputException}; anything else (another exception, an out-of-memory, a hang) is a finding.
 *
 * <p>In a normal {@code mvn test} these run in regression mode on the seeds under
 * {@code src/test/resources/org/deeprg/io/IoFuzzTestInputs/<method>/}. To fuzz one parser (see
 * docs/critical-theory.md for the runs done):
 * {@code tools/fuzz.sh 60 fuzzNpy, or JAZZER_FUZZ=1 mvn -pl deeprg-core test -Dtest='IoFuzzTest#fuzzNpy' -Dsurefire.failIfNoSpecifiedTests=false}
 */
class IoFuzzTest {
    private static Path dir;

    @BeforeAll
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("deeprg-fuzz");
        QuietJazzer.install();
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

    private static void parse(byte[] input, String fileName, Consumer<Path> parser) {
        Path p = dir.resolve(fileName);
        try {
            Files.write(p, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            parser.accept(p);
        } catch (InvalidInputException expected) {
            if (expected.getMessage() == null || !expected.getMessage().contains(p.toString())) {
                throw new AssertionError("error does not name the file: " + expected.getMessage());
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzIdx(byte[] input) {
        parse(input, "fuzz.idx", IdxReader::read);
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzNpy(byte[] input) {
        parse(input, "fuzz.npy", NpyReader::read);
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzNpz(byte[] input) {
        parse(input, "fuzz.npz", NpzReader::read);
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzSafetensors(byte[] input) {
        parse(input, "fuzz.safetensors", SafetensorsReader::read);
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzCifar(byte[] input) {
        parse(input, "fuzz.bin", Cifar10::loadBatch);
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzPowerLawText(byte[] input) {
        parse(input, "fuzz.txt", org.deeprg.fit.PowerLawData::read);
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzCsvData(byte[] input) {
        parse(input, "fuzz.csv", p -> org.deeprg.sft.DataFiles.read(p, 1, 1));
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzEmbedding(byte[] input) {
        parse(input, "fuzz-embedding.csv", p -> org.deeprg.sft.Embedding.read(p, 12));
    }

    /** The shared checkpoint container and a strict JSON state: header, version, spec hash, checksum, state validation. */
    record FuzzSpec(int n) {
    }

    record FuzzState(long done, double[] values) {
        FuzzState {
            org.deeprg.Domain.check("done", done, "[0, 1000]");
            if (values == null || values.length != 3) {
                throw new InvalidInputException("values", "?", "3 values");
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void fuzzCheckpoint(byte[] input) {
        parse(input, "fuzz.ckpt", p -> Checkpoints.readJson(p, "fuzz", 1, new FuzzSpec(3), FuzzState.class));
    }

    /** The same with a valid container around fuzzed state bytes: the state parser and record validation. */
    @FuzzTest(maxDuration = "60s")
    void fuzzCheckpointState(byte[] input) {
        Path p = dir.resolve("fuzz-state.ckpt");
        Checkpoints.write(p, "fuzz", 1, Checkpoints.specHash(new FuzzSpec(3)), input);
        try {
            Checkpoints.readJson(p, "fuzz", 1, new FuzzSpec(3), FuzzState.class);
        } catch (InvalidInputException expected) {
            if (expected.getMessage() == null || !expected.getMessage().contains(p.toString())) {
                throw new AssertionError("error does not name the file: " + expected.getMessage());
            }
        }
    }
}
