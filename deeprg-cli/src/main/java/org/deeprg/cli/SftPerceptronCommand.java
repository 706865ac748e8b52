package org.deeprg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeprg.InvalidInputException;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.sft.DataFiles;
import org.deeprg.sft.ModeSimulation;
import org.deeprg.sft.MomentumMapping;
import org.deeprg.sft.PerceptronExample;
import org.deeprg.net.Dataset;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sft perceptron}: Example 1 (Eqs. 13-17) on a data file. */
@Command(name = "perceptron", mixinStandardHelpOptions = true,
        description = "Example 1: periodic nearest-neighbour perceptron with sigma(z) = p z + q. Couplings K_i, J_i of Eq. 14, "
                + "the shift of the weights, the Hessian spectrum (normal modes), momentum frequencies and damping.",
        footer = {"%nData: S sites, CSV header x0..x{S-1},y0..y{S-1}, one row per example; y_i ~ sigma(w_{2i} x_i + w_{2i+1} x_{i+1 mod S}).",
                "%nExamples:", "  ./deeprg sft perceptron --data ex1.csv --p 1 --q 0 --json",
                "  ./deeprg sft perceptron --data ex1.csv --momentum 0.5 --simulate", "  ./deeprg sft perceptron --data ex1.csv --symmetrize"})
public final class SftPerceptronCommand extends ComputeCommand<SftPerceptronCommand.Spec> {

    /** Validated inputs. {@code momentum} is gamma of Eq. 5 (NaN = no momentum). */
    public record Spec(Path data, double p, double q, double momentum, boolean simulate, boolean symmetrize) {
        public Spec {
            InvalidInputException.requireFinite("p", p);
            InvalidInputException.requireFinite("q", q);
            if (!Double.isNaN(momentum)) {
                InvalidInputException.requireNonNegative("momentum", momentum);
            }
            if (simulate && !(momentum > 0)) {
                throw new InvalidInputException("simulate", true, "needs --momentum G > 0");
            }
        }
    }

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Example-1 data file.")
    Path data;

    @Option(names = "--p", paramLabel = "P", description = "Slope p of sigma (default: ${DEFAULT-VALUE}).")
    double p = 1;

    @Option(names = "--q", paramLabel = "Q", description = "Offset q of sigma (default: ${DEFAULT-VALUE}).")
    double q = 0;

    @Option(names = "--momentum", paramLabel = "G", description = "Damping gamma >= 0 of Eq. 5: report frequencies sqrt(omega^2 - gamma^2/4) and damping gamma/2.")
    Double momentum;

    @Option(names = "--simulate", description = "Train with heavy ball and measure every mode's frequency and damping (needs --momentum > 0).")
    boolean simulate;

    @Option(names = "--symmetrize", description = "Close the data under cyclic shifts of the sites and add the dispersion relation.")
    boolean symmetrize;

    /** One normal mode. */
    public record Mode(double omega2, double frequency, double damping, boolean underdamped) { }

    /** JSON contract. */
    public record Output(int sites, int examples, double p, double q, double[] hessianEigenvalues, Couplings couplings,
                         double[] shift, double minimumCost, double couplingBondFraction, Double momentum, List<Mode> modes,
                         ModeSimulation.Result simulation, PerceptronExample.Dispersion dispersion) { }

    /** Eq. 14 couplings: K per bond (a, a+1), J per weight; continuum K(x), J(x) at lattice spacing 1 per weight index. */
    public record Couplings(double[] K, double[] J) { }

    @Override
    protected Spec spec() {
        return new Spec(data, p, q, momentum == null ? Double.NaN : momentum, simulate, symmetrize);
    }

    @Override
    protected Result compute(Spec spec, RunContext ctx) {
        Dataset d = DataFiles.readPerceptron(spec.data());
        if (spec.symmetrize()) {
            d = PerceptronExample.translationInvariant(d);
        }
        PerceptronExample ex = new PerceptronExample(d, spec.p(), spec.q());
        PerceptronExample.Modes modes = ex.modes();
        double[] k = ex.bondCouplings();
        double[] j = ex.siteCouplings();
        long coupled = java.util.Arrays.stream(k).filter(v -> v != 0).count();
        List<Mode> ml = null;
        if (!Double.isNaN(spec.momentum())) {
            ml = new ArrayList<>();
            for (double w2 : modes.omega2()) {
                double[] r = MomentumMapping.continuumRates(w2, spec.momentum());
                boolean under = r[1] != 0;
                ml.add(new Mode(w2, under ? Math.abs(r[1]) : 0, under ? spec.momentum() / 2 : -r[0], under));
            }
        }
        ModeSimulation.Result sim = spec.simulate()
                ? ModeSimulation.run(ex, spec.momentum(), 0.02, 6, ctx.streams().split("simulation").generator()) : null;
        PerceptronExample.Dispersion disp = spec.symmetrize() ? ex.dispersion(101) : null;
        Output o = new Output(ex.sites(), d.size(), spec.p(), spec.q(), modes.omega2(), new Couplings(k, j), ex.shift(), ex.minimumCost(),
                coupled / (double) k.length, Double.isNaN(spec.momentum()) ? null : spec.momentum(), ml, sim, disp);
        Result.Builder b = Result.builder("Example 1 perceptron: " + ex.sites() + " sites, " + d.size() + " examples").data(o).inputFile(spec.data());
        double[] idx = new double[k.length];
        for (int a = 0; a < idx.length; a++) {
            idx[a] = a;
        }
        b.figure(Figure.of("couplings", "Eq. 14 couplings", "weight index a (paper's relabelling)", "coupling",
                "K_a on bond (a, a+1) and J_a on weight a; every odd bond has K = 0 (weights of different outputs do not couple).",
                Series.markers("K_a", idx, k), Series.markers("J_a", idx, j)));
        Table.Builder t = Table.builder("modes", "mode", "omega^2");
        for (int m = 0; m < modes.omega2().length; m++) {
            t.row(m, modes.omega2()[m]);
        }
        b.table(t.build());
        b.summary(String.format(Locale.ROOT, "omega^2 in [%.4g, %.4g]; %d of %d bonds couple", modes.omega2()[0],
                modes.omega2()[modes.omega2().length - 1], coupled, k.length));
        if (sim != null) {
            b.summary(String.format(Locale.ROOT, "simulation: max relative error frequency %.2e, damping %.2e", sim.maxFrequencyError(), sim.maxDampingError()));
        }
        if (disp != null) {
            b.figure(Figure.of("dispersion", "Dispersion, translation-invariant data", "k per weight index", "omega^2",
                    "Exact Hessian bands vs the continuum J + K k^2 (Eq. 17).", Series.line("exact", disp.k(), disp.exact()),
                    Series.line("continuum J + K k^2", disp.k(), disp.continuum()), Series.line("uniform lattice", disp.k(), disp.uniformLattice())));
            b.summary(String.format(Locale.ROOT, "dispersion: continuum deviates by up to %.0f%% of the band top", 100 * disp.maxRelativeDeviation()));
        }
        return b.build();
    }
}
