package org.deeprg.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.random.RandomStreams;
import org.deeprg.stats.Estimate;
import org.junit.jupiter.api.Test;

/** Langevin dynamics: closed-form stationary law of ULA, detailed balance and exactness of MALA. */
class LangevinSamplerTest {

    /** E = k x^2 / 2 in d dimensions. */
    record Quadratic(int dimension, double k) implements DifferentiableEnergy {
        @Override
        public double energy(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            return 0.5 * k * s;
        }

        @Override
        public double energyAndGradient(double[] x, double[] g) {
            for (int i = 0; i < x.length; i++) {
                g[i] = k * x[i];
            }
            return energy(x);
        }
    }

    /** A non-Gaussian double well E = x^4/4 - x^2 + 0.3 x + y^2/2 + 0.5 x y. */
    static final DifferentiableEnergy WELL = new DifferentiableEnergy() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double energy(double[] v) {
            double x = v[0];
            double y = v[1];
            return x * x * x * x / 4 - x * x + 0.3 * x + y * y / 2 + 0.5 * x * y;
        }

        @Override
        public double energyAndGradient(double[] v, double[] g) {
            double x = v[0];
            double y = v[1];
            g[0] = x * x * x - 2 * x + 0.3 + 0.5 * y;
            g[1] = y + 0.5 * x;
            return energy(v);
        }
    };

    private static double[] series(LangevinSampler s, long burn, int n, int thin, UniformRandomProvider rng, java.util.function.ToDoubleFunction<double[]> f) {
        LangevinSampler.Chain c = s.start(new double[s.energy().dimension()]);
        s.run(c, burn, rng);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            s.run(c, thin, rng);
            out[i] = f.applyAsDouble(c.position());
        }
        return out;
    }

    @Test
    void unadjustedLangevinHasTheClosedFormStationaryVarianceOfAGaussian() {
        // x' = (1 - eta k) x + sqrt(2 eta / beta) xi  =>  Var = (2 eta / beta) / (1 - (1 - eta k)^2) = 1/(beta k (1 - eta k / 2))
        double beta = 2.0;
        double k = 1.5;
        double eta = 0.2;
        LangevinSampler s = new LangevinSampler(new Quadratic(1, k), new LangevinSampler.Settings(beta, eta, false));
        double[] x2 = series(s, 1000, 200_000, 1, RandomStreams.root(11).generator(), p -> p[0] * p[0]);
        Estimate e = Estimate.ofTimeSeries(x2);
        double exact = 1 / (beta * k * (1 - eta * k / 2));
        assertThat(e.sigmasFrom(exact)).as("ULA <x^2> = %s vs %s", e, exact).isLessThan(5);
        // and it is measurably biased away from the Gibbs value 1/(beta k): the test can fail
        assertThat(e.sigmasFrom(1 / (beta * k))).isGreaterThan(5);
    }

    @Test
    void malaSatisfiesDetailedBalanceOnRandomPairs() {
        LangevinSampler s = new LangevinSampler(WELL, new LangevinSampler.Settings(1.7, 0.3, true));
        UniformRandomProvider rng = RandomStreams.root(5).generator();
        for (int t = 0; t < 200; t++) {
            double[] x = {3 * rng.nextDouble() - 1.5, 3 * rng.nextDouble() - 1.5};
            double[] y = {x[0] + rng.nextDouble() - 0.5, x[1] + rng.nextDouble() - 0.5};
            double lhs = -1.7 * WELL.energy(x) + s.logTransitionDensity(x, y);
            double rhs = -1.7 * WELL.energy(y) + s.logTransitionDensity(y, x);
            assertThat(lhs).isCloseTo(rhs, org.assertj.core.data.Offset.offset(1e-10));
        }
        // ULA does not satisfy it (sanity: the check can fail)
        LangevinSampler u = new LangevinSampler(WELL, new LangevinSampler.Settings(1.7, 0.3, false));
        double[] x = {1.0, -0.5};
        double[] y = {-0.4, 0.2};
        double lhs = -1.7 * WELL.energy(x) + u.logTransitionDensity(x, y);
        double rhs = -1.7 * WELL.energy(y) + u.logTransitionDensity(y, x);
        assertThat(Math.abs(lhs - rhs)).isGreaterThan(1e-3);
    }

    @Test
    void malaSamplesTheDoubleWellExactlyEvenWithALargeStep() {
        double beta = 1.3;
        // exact <x> and <x^2> by quadrature on a fine grid
        double z = 0;
        double mx = 0;
        double mx2 = 0;
        double h = 0.01;
        for (double x = -6; x <= 6; x += h) {
            for (double y = -8; y <= 8; y += h) {
                double w = Math.exp(-beta * WELL.energy(new double[] {x, y}));
                z += w;
                mx += w * x;
                mx2 += w * x * x;
            }
        }
        mx /= z;
        mx2 /= z;
        LangevinSampler s = new LangevinSampler(WELL, new LangevinSampler.Settings(beta, 0.25, true));
        UniformRandomProvider rng = RandomStreams.root(21).generator();
        double[] xs = series(s, 2000, 100_000, 2, rng, p -> p[0]);
        Estimate ex = Estimate.ofTimeSeries(xs);
        double[] sq = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            sq[i] = xs[i] * xs[i];
        }
        Estimate ex2 = Estimate.ofTimeSeries(sq);
        assertThat(ex.sigmasFrom(mx)).as("<x> %s vs %s", ex, mx).isLessThan(5);
        assertThat(ex2.sigmasFrom(mx2)).as("<x^2> %s vs %s", ex2, mx2).isLessThan(5);
    }

    @Test
    void settingsAreValidatedAndChainsAreReproducible() {
        assertThatThrownBy(() -> new LangevinSampler.Settings(0, 0.1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LangevinSampler.Settings(1, -0.1, false)).isInstanceOf(IllegalArgumentException.class);
        LangevinSampler s = new LangevinSampler(WELL, new LangevinSampler.Settings(1, 0.1, true));
        LangevinSampler.Chain a = s.start(new double[2]);
        LangevinSampler.Chain b = s.start(new double[2]);
        s.run(a, 500, RandomStreams.root(3).generator());
        s.run(b, 500, RandomStreams.root(3).generator());
        assertThat(a.position()).containsExactly(b.position());
        assertThat(a.acceptanceRate()).isBetween(0.5, 1.0);
    }
}
