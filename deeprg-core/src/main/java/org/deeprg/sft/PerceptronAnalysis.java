package org.deeprg.sft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeprg.net.Dataset;
import org.deeprg.run.RunContext;

/**
 * Example 1 of the synaptic-field-theory paper on a data file ({@code sft perceptron}): the couplings of Eq. 14, the
 * shift of the weights, the exact normal modes (Hessian spectrum) with their motion under momentum (Eq. 5), optionally
 * a heavy-ball simulation of every mode ({@link ModeSimulation}, stream {@code "simulation"}) and, for symmetrised
 * data, the dispersion relation against the continuum of Eq. 17.
 */
public final class PerceptronAnalysis {
    /** Time step of the simulation in units of the fastest mode, {@code h omega_max}. */
    public static final double SIMULATION_OMEGA_STEP = 0.02;
    /** Simulation length in decay times {@code 2/gamma}. */
    public static final double SIMULATION_DECAYS = 6;
    /** Wave numbers of the dispersion relation. */
    public static final int DISPERSION_POINTS = 101;

    private PerceptronAnalysis() {
    }

    /** Runs Example 1 on the spec's data file. */
    public static PerceptronResult run(PerceptronSpec spec, RunContext context) {
        Dataset d = DataFiles.readPerceptron(spec.data());
        if (spec.symmetrize()) {
            d = PerceptronExample.translationInvariant(d);
        }
        PerceptronExample ex = new PerceptronExample(d, spec.p(), spec.q());
        PerceptronExample.Modes modes = ex.modes();
        double[] k = ex.bondCouplings();
        double[] j = ex.siteCouplings();
        long coupled = Arrays.stream(k).filter(v -> v != 0).count();
        List<PerceptronResult.Mode> ml = null;
        if (spec.hasMomentum()) {
            ml = new ArrayList<>();
            for (double w2 : modes.omega2()) {
                double[] r = MomentumMapping.continuumRates(w2, spec.momentum());
                boolean under = r[1] != 0;
                ml.add(new PerceptronResult.Mode(w2, under ? Math.abs(r[1]) : 0, under ? spec.momentum() / 2 : -r[0], under));
            }
        }
        ModeSimulation.Result sim = spec.simulate()
                ? ModeSimulation.run(ex, spec.momentum(), SIMULATION_OMEGA_STEP, SIMULATION_DECAYS,
                        context.streams().split("simulation").generator()) : null;
        PerceptronExample.Dispersion disp = spec.symmetrize() ? ex.dispersion(DISPERSION_POINTS) : null;
        return new PerceptronResult(ex.sites(), d.size(), spec.p(), spec.q(), modes.omega2(), new PerceptronResult.Couplings(k, j),
                ex.shift(), ex.minimumCost(), coupled / (double) k.length, spec.momentum(),
                ml, sim, disp);
    }
}
