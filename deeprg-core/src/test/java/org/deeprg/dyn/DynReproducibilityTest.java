package org.deeprg.dyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import org.deeprg.dyn.exact.BulkChain;
import org.deeprg.dyn.exact.ChainSpec;
import org.deeprg.dyn.exact.ExactDyn;
import org.deeprg.dyn.exact.ExactSpec;
import org.deeprg.dyn.mc.DynMcSpec;
import org.deeprg.dyn.mc.DynMonteCarlo;
import org.deeprg.dyn.mc.GibbsTraining;
import org.deeprg.dyn.mc.SpinGlassAnalysis;
import org.deeprg.dyn.mc.SpinGlassSpec;
import org.deeprg.dyn.rg.RgAnalysis;
import org.deeprg.dyn.rg.RgSpec;
import org.deeprg.json.Json;
import org.deeprg.net.Activation;
import org.deeprg.testing.Reproducibility;
import org.junit.jupiter.api.Test;

/**
 * Every dynamic-neuron computation of the shape {@code run(spec, context)} gives bit-identical JSON for 1, 2 and 3
 * threads ({@link Reproducibility#assertSameForAnyThreads}), and every spec survives Java serialisation (the tasks of
 * a distributed backend carry them).
 */
class DynReproducibilityTest {
    static final List<Example> ONE = List.of(Example.parse("e", "1:1"));

    @Test
    void exactIsTheSameForAnyThreadCount() {
        ExactSpec spec = new ExactSpec(2, 3, Activation.HEAVISIDE, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS,
                List.of(Example.parse("e", "1,0:0,1")), 1, 5);
        Reproducibility.assertSameForAnyThreads(Reproducibility.SEED, ctx -> ExactDyn.run(spec, ctx));
    }

    @Test
    void chainAndRgAreTheSameForAnyThreadCount() {
        ChainSpec chain = new ChainSpec(1, 2, Activation.HEAVISIDE, Alphabet.TERNARY_WEIGHTS, Alphabet.BINARY_NEURONS, 1.0, 20);
        Reproducibility.assertSameForAnyThreads(Reproducibility.SEED, ctx -> BulkChain.run(chain, ctx));
        Reproducibility.assertSameForAnyThreads(Reproducibility.SEED, ctx -> RgAnalysis.run(RgSpec.lee2024(8), ctx));
    }

    @Test
    void monteCarloIsTheSameForAnyThreadCount() {
        DynMcSpec metropolis = new DynMcSpec(new DynNetwork(1, 30, Activation.HEAVISIDE), ONE, DynMcSpec.Sampler.METROPOLIS,
                Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, 1, new double[] {0.5, 1, 2}, 0, 0, 0,
                3000, 300, 3, 5, 20);
        Reproducibility.assertSameForAnyThreads(Reproducibility.SEED, ctx -> DynMonteCarlo.run(metropolis, ctx));
        DynMcSpec mala = new DynMcSpec(new DynNetwork(1, 3, Activation.SIGMOID), ONE, DynMcSpec.Sampler.MALA, null, null, null,
                4, new double[] {20}, 0.5, 0.5, 0.01, 2000, 200, 3, 2, 20);
        Reproducibility.assertSameForAnyThreads(Reproducibility.SEED, ctx -> DynMonteCarlo.run(mala, ctx));
    }

    @Test
    void spinGlassAndGibbsTrainingAreTheSameForAnyThreadCount() {
        SpinGlassSpec sg = new SpinGlassSpec(new DynNetwork(3, 4, Activation.SIGMOID), Example.parse("e", "1,1,1:1,0,1"), 2, 4,
                0.25, 0.25, 13, 200, 20, 3);
        Reproducibility.assertSameForAnyThreads(Reproducibility.SEED, ctx -> SpinGlassAnalysis.run(sg, ctx));
        GibbsTraining.Spec gibbs = GibbsTraining.defaultSpec(4000, 3);
        Reproducibility.assertSameForAnyThreads(Reproducibility.SEED, ctx -> GibbsTraining.run(gibbs, ctx));
        Reproducibility.assertSameForAnyThreads(Reproducibility.SEED, ctx -> GibbsTraining.run(gibbs.dynMarginal(50, 0.002), ctx));
    }

    @Test
    void specsSurviveJavaSerialisation() throws Exception {
        List<Serializable> specs = List.of(
                new ExactSpec(1, 4, Activation.SIGMOID, Alphabet.TERNARY_WEIGHTS, new Alphabet(new double[] {0, 0.5, 1}), ONE, 0.7, 1.5),
                new ChainSpec(2, 1, Activation.TANH, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, 2, 10),
                RgSpec.lee2024(5),
                new DynMcSpec(new DynNetwork(1, 3, Activation.RELU), ONE, DynMcSpec.Sampler.LANGEVIN, null, null, null, 2,
                        new double[] {1, 2}, 0.5, 0.5, 0.01, 100, 10, 2, 2, 10),
                new SpinGlassSpec(new DynNetwork(2, 3, Activation.LINEAR), Example.parse("e", "1,1:1,0"), 2, 4, 0.25, 0.25, 4, 100, 10, 1),
                GibbsTraining.defaultSpec(1000, 2).dynMarginal(10, 0.01));
        for (Serializable spec : specs) {
            Object back = roundTrip(spec);
            assertThat(back).as(spec.getClass().getSimpleName()).isEqualTo(spec);
            assertThat(Json.write(back)).isEqualTo(Json.write(spec));
        }
    }

    static Object roundTrip(Serializable o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
