package org.deeprg.dyn.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;
import org.deeprg.json.Json;
import org.deeprg.stats.Estimate;
import org.deeprg.run.RunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metropolis estimates against brute-force enumeration (5 standard errors, fixed seeds), PT, resume, threads. */
class DynMonteCarloTest {
    static final double K = 5;

    static DynMcSpec metropolis(DynNetwork net, List<Example> ex, Alphabet w, Alphabet h, double beta, double[] ladder,
                                long sweeps, int chains) {
        return new DynMcSpec(net, ex, DynMcSpec.Sampler.METROPOLIS, w, w, h, beta, ladder, 0, 0, 0,
                sweeps, sweeps / 10, chains, 4, 20);
    }

    static void assertAgrees(String what, Estimate e, double exact) {
        assertThat(e.sigmasFrom(exact)).as("%s: MC %s vs exact %.6f", what, e, exact).isLessThanOrEqualTo(K);
        assertThat(e.stderr()).as("%s has an error bar", what).isGreaterThan(0);
    }

    static void compare(DynMcSpec spec, DynMcResult r) {
        DynEnsemble ens = spec.ensemble(spec.betaVLadder().length - 1);
        DynEnumeration ex = DynEnumeration.of(new DynDiscreteModel(ens, spec.weightAlphabet(), spec.biasAlphabet(),
                spec.neuronAlphabet()), spec.maxDistance());
        assertAgrees("cost", r.cost(), ex.cost());
        assertAgrees("constraint", r.constraint(), ex.constraint());
        assertAgrees("energy", r.energy(), ex.cost() + ens.betaV() / ens.beta() * ex.constraint());
        assertAgrees("neuronMean", r.neuronMean(), ex.neuronMean());
        assertAgrees("weightMean", r.weightMean(), ex.weightMean());
        for (int m = 0; m < ex.neuronMeanByLayer().length; m++) {
            assertAgrees("<h^(" + (m + 1) + ")>", r.neuronMeanByLayer().get(m), ex.neuronMeanByLayer()[m]);
        }
        for (int d = 0; d < ex.correlation().length; d++) {
            assertAgrees("G_h(" + d + ")", r.correlation().get(d), ex.correlation()[d]);
        }
    }

    @Test
    void heavisideChainOfThePaperMatchesEnumeration() {
        // Sec. IV model: N = 1, W, b in {-1, 1}, h in {0, 1}; depth 4 -> 2^14 states
        DynMcSpec spec = metropolis(new DynNetwork(1, 4, Activation.HEAVISIDE), List.of(new Example(new double[] {1}, new double[] {1})),
                Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, 1.0, new double[] {0.7}, 40_000, 4);
        DynMcResult r = DynMonteCarlo.run(spec, RunContext.of(1));
        compare(spec, r);
        assertThat(r.cost().rHat()).isLessThan(1.05);
        assertThat(r.acceptanceRate().mean()).isBetween(0.05, 1.0);
        assertThat(r.correlation()).hasSize(4);
    }

    @Test
    void sigmoidTernaryTwoExamplesMatchesEnumeration() {
        DynMcSpec spec = metropolis(new DynNetwork(1, 2, Activation.SIGMOID),
                List.of(new Example(new double[] {1}, new double[] {0.9}), new Example(new double[] {-1}, new double[] {0.2})),
                Alphabet.TERNARY_WEIGHTS, new Alphabet(new double[] {0, 0.5, 1}), 3.0, new double[] {2.0}, 40_000, 3);
        compare(spec, DynMonteCarlo.run(spec, RunContext.of(2)));
    }

    @Test
    void widthTwoTanhMatchesEnumeration() {
        DynMcSpec spec = metropolis(new DynNetwork(2, 1, Activation.TANH),
                List.of(new Example(new double[] {1, -1}, new double[] {0.5, -0.5})),
                Alphabet.BINARY_WEIGHTS, new Alphabet(new double[] {-1, 1}), 1.5, new double[] {1.0}, 30_000, 2);
        compare(spec, DynMonteCarlo.run(spec, RunContext.of(3)));
    }

    @Test
    void parallelTemperingOverABetaVLadderMatchesEnumerationOnEveryRung() {
        DynMcSpec spec = metropolis(new DynNetwork(1, 3, Activation.HEAVISIDE), List.of(new Example(new double[] {1}, new double[] {0})),
                Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, 1.0, new double[] {0.5, 1.5, 3.0, 6.0}, 30_000, 2);
        DynMcResult r = DynMonteCarlo.run(spec, RunContext.of(4));
        compare(spec, r);
        assertThat(r.ladder()).hasSize(4);
        assertThat(r.swapAcceptance()).hasSize(3).allSatisfy(a -> assertThat(a.mean()).isBetween(0.01, 1.0));
        for (int k = 0; k < 3; k++) {
            DynEnsemble ens = spec.ensemble(k);
            DynEnumeration ex = DynEnumeration.of(new DynDiscreteModel(ens, spec.weightAlphabet(), spec.biasAlphabet(),
                    spec.neuronAlphabet()), 2);
            assertAgrees("rung " + k + " constraint", r.ladder().get(k).constraint(), ex.constraint());
            assertAgrees("rung " + k + " cost", r.ladder().get(k).cost(), ex.cost());
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        DynMcSpec spec = metropolis(new DynNetwork(1, 6, Activation.HEAVISIDE), List.of(new Example(new double[] {1}, new double[] {1})),
                Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, 1.0, new double[] {2.0}, 2_000, 3);
        String one = Json.write(DynMonteCarlo.run(spec, RunContext.of(5)));
        String three = Json.write(DynMonteCarlo.run(spec, RunContext.of(5).withThreads(3)));
        assertThat(three).isEqualTo(one);
    }

    @Test
    void resumeAfterAnInterruptionReproducesTheUninterruptedRunExactly(@TempDir Path dir) {
        // depth 250: 750 variables x 2 rungs, segments of 666 sweeps, 1100 sweeps: the stop falls after the first segment
        DynMcSpec spec = metropolis(new DynNetwork(1, 250, Activation.HEAVISIDE), List.of(new Example(new double[] {1}, new double[] {1})),
                Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, 1.0, new double[] {0.5, 2.0}, 1_000, 2);
        String uninterrupted = Json.write(DynMonteCarlo.run(spec, RunContext.of(6)));
        Path file = dir.resolve("run.checkpoint.json");
        var cp = new DynMonteCarlo.Checkpointing(file, Long.MAX_VALUE, true, 300);
        assertThatThrownBy(() -> DynMonteCarlo.run(spec, RunContext.of(6), cp))
                .isInstanceOf(DynMonteCarlo.RunInterruptedException.class);
        assertThat(file).exists();
        String resumed = Json.write(DynMonteCarlo.run(spec, RunContext.of(6).withThreads(2),
                new DynMonteCarlo.Checkpointing(file, Long.MAX_VALUE, true, 0)));
        assertThat(resumed).isEqualTo(uninterrupted);
        // a checkpoint of another seed is refused
        assertThatThrownBy(() -> DynMonteCarlo.run(spec, RunContext.of(7), new DynMonteCarlo.Checkpointing(file, Long.MAX_VALUE, true, 0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("another spec or seed");
    }

    /**
     * A stop requested from another thread (the CLI's signal handler) is answered at the end of the current round with
     * the checkpoint written there; resuming from it gives the uninterrupted run's numbers exactly.
     */
    @Test
    void aStopRequestWritesAResumableCheckpoint(@TempDir Path dir) throws Exception {
        DynMcSpec spec = metropolis(new DynNetwork(1, 250, Activation.HEAVISIDE), List.of(new Example(new double[] {1}, new double[] {1})),
                Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, 1.0, new double[] {0.5, 2.0}, 1_000, 2);
        String uninterrupted = Json.write(DynMonteCarlo.run(spec, RunContext.of(6)));
        Path file = dir.resolve("stopped.checkpoint.json");
        DynMonteCarlo.Stop stop = new DynMonteCarlo.Stop();
        // rounds of one segment each (1 ms budget): the run has two segments, so the stop falls between them
        var cp = new DynMonteCarlo.Checkpointing(file, 1, false, 0, stop);
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var running = ex.submit(() -> DynMonteCarlo.run(spec, RunContext.of(6), cp));
            assertThat(stop.requestAndAwait(120_000)).as("the checkpoint was written").isTrue();
            assertThatThrownBy(running::get).hasCauseInstanceOf(DynMonteCarlo.RunInterruptedException.class)
                    .cause().matches(e -> ((DynMonteCarlo.RunInterruptedException) e).requested());
        } finally {
            ex.shutdownNow();
        }
        assertThat(DynMcCheckpoint.read(file, spec, 6)).allMatch(s -> s.segmentsDone() == 1);
        String resumed = Json.write(DynMonteCarlo.run(spec, RunContext.of(6), new DynMonteCarlo.Checkpointing(file, Long.MAX_VALUE, true, 0)));
        assertThat(resumed).isEqualTo(uninterrupted);
        // a run that has ended answers at once, with no checkpoint of its own
        DynMonteCarlo.Stop late = new DynMonteCarlo.Stop();
        DynMonteCarlo.run(spec, RunContext.of(6), new DynMonteCarlo.Checkpointing(null, Long.MAX_VALUE, false, 0, late));
        assertThat(late.requestAndAwait(1)).isFalse();
    }

    @Test
    void badInputIsRefused() {
        DynNetwork net = new DynNetwork(1, 2, Activation.HEAVISIDE);
        List<Example> ex = List.of(new Example(new double[] {1}, new double[] {1}));
        assertThatThrownBy(() -> metropolis(net, ex, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, 1, new double[] {1}, 0, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sweeps");
        assertThatThrownBy(() -> metropolis(net, ex, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, 1, new double[] {1}, 100, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("chains");
        assertThatThrownBy(() -> metropolis(net, ex, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, 1, new double[] {2, 1}, 100, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("increasing");
        assertThatThrownBy(() -> new DynMcSpec(net, ex, DynMcSpec.Sampler.LANGEVIN, null, null, null, 1, new double[] {1}, 1, 1, 0.01,
                100, 10, 1, 2, 20)).isInstanceOf(InvalidInputException.class).hasMessageContaining("metropolis");
        assertThatThrownBy(() -> metropolis(new DynNetwork(50, 100_000, Activation.HEAVISIDE),
                List.of(new Example(new double[50], new double[50])), Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, 1,
                new double[] {1}, 100, 64)).isInstanceOf(InvalidInputException.class).hasMessageContaining("MB");
    }

    @Test
    void checkpointFilesAreJson(@TempDir Path dir) throws Exception {
        DynMcSpec spec = metropolis(new DynNetwork(1, 400, Activation.HEAVISIDE), List.of(new Example(new double[] {1}, new double[] {1})),
                Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, 1.0, new double[] {1}, 1_000, 1);
        Path file = dir.resolve("c.json");
        assertThatThrownBy(() -> DynMonteCarlo.run(spec, RunContext.of(8), new DynMonteCarlo.Checkpointing(file, 0, false, 500)))
                .isInstanceOf(DynMonteCarlo.RunInterruptedException.class);
        assertThat(Json.mapper().readTree(Files.readString(file)).get("chains").get(0).get("segmentsDone").asLong()).isGreaterThan(0);
    }

    @Test
    void continuousParallelTemperingAgreesWithASingleRungMalaRun() {
        DynNetwork net = new DynNetwork(1, 2, Activation.SIGMOID);
        List<Example> ex = List.of(new Example(new double[] {1}, new double[] {0.8}));
        DynMcSpec ladder = new DynMcSpec(net, ex, DynMcSpec.Sampler.MALA, null, null, null, 2.0, new double[] {2, 5, 10}, 0.5, 0.5,
                0.02, 30_000, 3_000, 2, 1, 20);
        DynMcSpec single = new DynMcSpec(net, ex, DynMcSpec.Sampler.MALA, null, null, null, 2.0, new double[] {10}, 0.5, 0.5,
                0.02, 30_000, 3_000, 2, 1, 20);
        DynMcResult a = DynMonteCarlo.run(ladder, RunContext.of(12));
        DynMcResult b = DynMonteCarlo.run(single, RunContext.of(13));
        for (String k : List.of("cost", "constraint")) {
            Estimate x = k.equals("cost") ? a.cost() : a.constraint();
            Estimate y = k.equals("cost") ? b.cost() : b.constraint();
            double z = Math.abs(x.mean() - y.mean()) / Math.hypot(x.stderr(), y.stderr());
            assertThat(z).as("%s: ladder %s vs single %s", k, x, y).isLessThan(K);
        }
        assertThat(a.swapAcceptance()).allSatisfy(p -> assertThat(p.mean()).isBetween(0.05, 1.0));
        assertThat(a.acceptanceRate().mean()).isBetween(0.5, 1.0);
    }

    @Test
    void malaWithParallelTemperingResumesExactly(@TempDir Path dir) {
        // depth 50 tanh: 152 variables x 2 rungs, segments of 3289 sweeps, 3300 sweeps in all
        DynMcSpec spec = new DynMcSpec(new DynNetwork(1, 50, Activation.TANH), List.of(new Example(new double[] {1}, new double[] {0.5})),
                DynMcSpec.Sampler.MALA, null, null, null, 2.0, new double[] {4, 8}, 0.5, 0.5, 0.01, 3_000, 300, 2, 3, 20);
        String uninterrupted = Json.write(DynMonteCarlo.run(spec, RunContext.of(14)));
        Path file = dir.resolve("mala.json");
        assertThatThrownBy(() -> DynMonteCarlo.run(spec, RunContext.of(14), new DynMonteCarlo.Checkpointing(file, Long.MAX_VALUE, false, 2000)))
                .isInstanceOf(DynMonteCarlo.RunInterruptedException.class);
        String resumed = Json.write(DynMonteCarlo.run(spec, RunContext.of(14).withThreads(2),
                new DynMonteCarlo.Checkpointing(file, Long.MAX_VALUE, true, 0)));
        assertThat(resumed).isEqualTo(uninterrupted);
    }
}
