package org.deeprg.dyn.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;
import org.deeprg.json.Json;
import org.deeprg.net.Activation;
import org.deeprg.run.RunContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints of {@code dyn mc} are validated completely before a run resumes from them: a crafted or stale file (an
 * empty object, a missing chain, short arrays, an impossible segment count, another spec or seed, an edited number, a
 * directory, an oversized file) is one {@link InvalidInputException} naming the file and what is wrong, never a crash
 * and never a result that claims sweeps it did not do. A valid one resumes to the uninterrupted numbers.
 */
class DynMcCheckpointTest {
    static final long SEED = 31;
    @TempDir
    static Path dir;
    static Path valid;

    /** The small two-rung, two-chain run whose checkpoints these tests (and the fuzz test) use. */
    static DynMcSpec spec() {
        return new DynMcSpec(new DynNetwork(1, 40, Activation.HEAVISIDE), List.of(new Example(new double[] {1}, new double[] {1})),
                DynMcSpec.Sampler.METROPOLIS, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, 1.0,
                new double[] {1, 2}, 0, 0, 0, 20_000, 100, 2, 3, 20);
    }

    @BeforeAll
    static void writeAValidCheckpoint() {
        valid = dir.resolve("valid.json");
        assertThatThrownBy(() -> DynMonteCarlo.run(spec(), RunContext.of(SEED), new DynMonteCarlo.Checkpointing(valid, 0, false, 5_000)))
                .isInstanceOf(DynMonteCarlo.RunInterruptedException.class);
        assertThat(valid).exists();
    }

    static DynMcCheckpoint.Content content() throws Exception {
        return Json.mapper().readValue(valid.toFile(), DynMcCheckpoint.Content.class);
    }

    /** A crafted file: the valid content changed by {@code edit} and signed again with a correct checksum. */
    static Path crafted(String name, UnaryOperator<DynMcCheckpoint.Content> edit) throws Exception {
        DynMcCheckpoint.Content c = edit.apply(content());
        Path p = dir.resolve(name);
        Json.mapper().writeValue(p.toFile(), c.withChecksum(DynMcCheckpoint.checksumOf(c)));
        return p;
    }

    static DynMcChainState withSegments(DynMcChainState s, long segments) {
        return new DynMcChainState(segments, s.states(), s.series(), s.site(), s.pair(), s.weightHistogram(), s.neuronHistogram(),
                s.blockCount(), s.accepted(), s.proposed(), s.swapAccepted());
    }

    static DynMcCheckpoint.Content withChains(DynMcCheckpoint.Content c, List<DynMcChainState> chains) {
        return new DynMcCheckpoint.Content(c.formatVersion(), c.specHash(), c.spec(), c.seed(), chains, c.checksum());
    }

    static void assertRefused(Path file, String... fragments) {
        assertThatThrownBy(() -> DynMcCheckpoint.read(file, spec(), SEED))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("dyn mc checkpoint")
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("\n");
                    for (String f : fragments) {
                        assertThat(e.getMessage()).contains(f);
                    }
                });
    }

    @Test
    void aValidCheckpointIsReadAndResumesToTheUninterruptedRun() throws Exception {
        assertThat(DynMcCheckpoint.read(valid, spec(), SEED)).hasSize(2);
        Path copy = Files.copy(valid, dir.resolve("resume.json"));
        String resumed = Json.write(DynMonteCarlo.run(spec(), RunContext.of(SEED, 2), new DynMonteCarlo.Checkpointing(copy, 0, true, 0)));
        assertThat(resumed).isEqualTo(Json.write(DynMonteCarlo.run(spec(), RunContext.of(SEED))));
        assertThat(copy).as("the library leaves the checkpoint to the caller, who deletes it once the result is stored").exists();
    }

    @Test
    void emptyObjectTruncatedFileAndGarbageAreRefused() throws Exception {
        assertRefused(Files.writeString(dir.resolve("empty.json"), "{}"), "formatVersion");
        assertRefused(Files.writeString(dir.resolve("array.json"), "[1, 2]"));
        assertRefused(Files.writeString(dir.resolve("nothing.json"), ""));
        String text = Files.readString(valid);
        assertRefused(Files.writeString(dir.resolve("truncated.json"), text.substring(0, text.length() / 2)));
        assertRefused(Files.writeString(dir.resolve("trailing.json"), text + " {}"));
        assertRefused(Files.writeString(dir.resolve("nullfield.json"), text.replaceFirst("\"accepted\" : \\[", "\"accepted\" : null, \"x\" : [")));
    }

    @Test
    void aMissingChainOrShortArraysAreRefused() throws Exception {
        assertRefused(crafted("onechain.json", c -> withChains(c, c.chains().subList(0, 1))), "has 1 chains, the run has 2");
        assertRefused(crafted("short.json", c -> {
            List<DynMcChainState> ch = new ArrayList<>(c.chains());
            DynMcChainState s = ch.get(1);
            double[][] states = s.states().clone();
            states[0] = java.util.Arrays.copyOf(states[0], states[0].length - 3);
            ch.set(1, new DynMcChainState(s.segmentsDone(), states, s.series(), s.site(), s.pair(), s.weightHistogram(),
                    s.neuronHistogram(), s.blockCount(), s.accepted(), s.proposed(), s.swapAccepted()));
            return withChains(c, ch);
        }), "chain 1", "states must have");
        assertRefused(crafted("onerung.json", c -> {
            List<DynMcChainState> ch = new ArrayList<>(c.chains());
            DynMcChainState s = ch.get(0);
            ch.set(0, new DynMcChainState(s.segmentsDone(), new double[][] {s.states()[0]}, s.series(), s.site(), s.pair(),
                    s.weightHistogram(), s.neuronHistogram(), s.blockCount(), s.accepted(), s.proposed(), s.swapAccepted()));
            return withChains(c, ch);
        }), "chain 0", "rung");
    }

    @Test
    void impossibleSegmentCountsAreRefused() throws Exception {
        assertRefused(crafted("huge.json", c -> withChains(c, List.of(withSegments(c.chains().get(0), 1_000_000_000_000L), c.chains().get(1)))),
                "segmentsDone = 1000000000000 is outside");
        assertRefused(crafted("negative.json", c -> withChains(c, List.of(c.chains().get(0), withSegments(c.chains().get(1), -5)))),
                "segmentsDone = -5 is outside");
        // a count inside the range that the accumulated measurements contradict ("exit 0 with a result that claims all sweeps")
        long last = new DynMcPlan(spec()).segments;
        assertRefused(crafted("claimsall.json", c -> withChains(c, List.of(withSegments(c.chains().get(0), last), c.chains().get(1)))),
                "chain 0", "does not match");
    }

    @Test
    void anotherSpecSeedVersionOrAnEditedNumberIsRefused() throws Exception {
        DynMcSpec other = new DynMcSpec(spec().network(), spec().examples(), spec().sampler(), spec().weightAlphabet(),
                spec().biasAlphabet(), spec().neuronAlphabet(), 1.5, spec().betaVLadder(), 0, 0, 0, 20_000, 100, 2, 3, 20);
        assertThatThrownBy(() -> DynMcCheckpoint.read(valid, other, SEED)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("another spec or seed").hasMessageContaining(valid.toString());
        assertThatThrownBy(() -> DynMcCheckpoint.read(valid, spec(), SEED + 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("another spec or seed");
        assertRefused(crafted("version.json", c -> new DynMcCheckpoint.Content(1, c.specHash(), c.spec(), c.seed(), c.chains(), null)),
                "format version 1");
        String text = Files.readString(valid);
        int i = text.indexOf("\"accepted\" : [ ") + "\"accepted\" : [ ".length();
        String edited = text.substring(0, i) + "1" + text.substring(i);
        assertRefused(Files.writeString(dir.resolve("edited.json"), edited), "checksum");
        DynMcCheckpoint.Content c = content();
        DynMcChainState s = c.chains().get(0);
        s.accepted()[0] = s.proposed()[0] + 1;
        Path p = dir.resolve("accepted.json");
        Json.mapper().writeValue(p.toFile(), c.withChecksum(DynMcCheckpoint.checksumOf(c)));
        assertRefused(p, "accepted");
    }

    @Test
    void aDirectoryOrAnOversizedFileIsRefusedBeforeReading() throws Exception {
        assertRefused(Files.createDirectories(dir.resolve("adir.json")), "not a regular file");
        Path big = dir.resolve("big.json");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {' '}), DynMcCheckpoint.maxBytes(spec()) + 10);
        }
        assertRefused(big, "bytes");
    }
}
