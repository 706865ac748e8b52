package org.deeprg.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.deeprg.random.RandomStreams;
import org.deeprg.run.RunContext;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every alternative against a direct numerical maximisation of its likelihood: the density written plainly in the
 * reported parameters, the normaliser by brute force (a fine Simpson rule over the tail, or the direct sum of 5e4
 * terms plus the integral of the rest), the maximum by Hipparchus' Nelder-Mead from a start away from the answer.
 * deeprg's fit must reach at least the same log-likelihood (to 1e-7 relative) at the same parameters, and its standard
 * errors must match the inverse of a finite-difference Hessian of the direct likelihood.
 */
class AlternativesTest {

    /** ln f(x) of the unnormalised density, reported parameters p. */
    interface LogF {
        double at(double x, double[] p);
    }

    static LogF logF(Model model) {
        return switch (model) {
            case EXPONENTIAL -> (x, p) -> -p[0] * x;
            case STRETCHED_EXPONENTIAL -> (x, p) -> (p[1] - 1) * Math.log(x) - Math.pow(p[0] * x, p[1]);
            case LOGNORMAL, LOGNORMAL_POSITIVE -> (x, p) -> -Math.log(x) - Math.pow(Math.log(x) - p[0], 2) / (2 * p[1] * p[1]);
            case TRUNCATED_POWER_LAW -> (x, p) -> -p[0] * Math.log(x) - p[1] * x;
            case POWER_LAW -> (x, p) -> -p[0] * Math.log(x);
        };
    }

    /** \( \ln \int_{x_{min}}^{x_{max}} f \) or \( \ln\sum_{k=x_{min}}^{x_{max}} f(k) \), by brute force. */
    static double logNormaliser(LogF f, double[] p, Support s) {
        if (s.discrete()) {
            double ref = f.at(s.xmin(), p);
            double sum = 0;
            double last = Math.min(s.xmax(), s.xmin() + 50_000 - 1);
            for (double k = s.xmin(); k <= last; k++) {
                sum += Math.exp(f.at(k, p) - ref);
            }
            if (last < s.xmax()) {
                sum += simpson(f, p, last + 0.5, s.xmax(), ref);
            }
            return ref + Math.log(sum);
        }
        double ref = f.at(s.xmin(), p) + Math.log(s.xmin());
        return ref + Math.log(simpson(f, p, s.xmin(), s.xmax(), ref));
    }

    /** \( \int_a^b e^{\ln f(x) - ref} dx \) by Simpson in \( t = \ln x \), to where the integrand is negligible. */
    static double simpson(LogF f, double[] p, double a, double b, double ref) {
        double t0 = Math.log(a);
        double t1 = b == Double.POSITIVE_INFINITY ? t0 + 1 : Math.log(b);
        if (b == Double.POSITIVE_INFINITY) {
            while (f.at(Math.exp(t1), p) + t1 - ref > -60) {
                t1 += 1;
            }
        }
        int steps = 10_000;
        double h = (t1 - t0) / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double t = t0 + i * h;
            double g = Math.exp(f.at(Math.exp(t), p) + t - ref);
            sum += (i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2)) * g;
        }
        return sum * h / 3;
    }

    static double directLogLikelihood(Model model, double[] p, double[] tail, Support s) {
        LogF f = logF(model);
        for (double v : p) {
            if (!Double.isFinite(v)) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        if ((model != Model.LOGNORMAL && model != Model.LOGNORMAL_POSITIVE && model != Model.TRUNCATED_POWER_LAW && p[0] <= 0)
                || (p.length > 1 && p[1] <= 0 && model != Model.TRUNCATED_POWER_LAW) || (model == Model.TRUNCATED_POWER_LAW && p[1] < 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (double x : tail) {
            sum += f.at(x, p);
        }
        double ll = sum - tail.length * logNormaliser(f, p, s);
        return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
    }

    static double[] maximise(ToDoubleFunction<double[]> ll, double[] start) {
        double[] steps = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            steps[i] = 0.2 * Math.max(Math.abs(start[i]), 0.05);
        }
        double[] point = start;
        for (int round = 0; round < 3; round++) {
            PointValuePair r = new SimplexOptimizer(1e-13, 1e-15).optimize(new MaxEval(20_000), new ObjectiveFunction(ll::applyAsDouble),
                    GoalType.MAXIMIZE, new InitialGuess(point), new NelderMeadSimplex(steps));
            point = r.getPoint();
            for (int i = 0; i < steps.length; i++) {
                steps[i] *= 0.1;
            }
        }
        return point;
    }

    static TailDistribution truth(Model model, Support s) {
        return switch (model) {
            case EXPONENTIAL -> new ExponentialDistribution(0.35, s);
            case STRETCHED_EXPONENTIAL -> StretchedExponentialDistribution.of(0.2, 0.55, s);
            case LOGNORMAL -> LognormalDistribution.of(1.2, 0.9, false, s);
            case LOGNORMAL_POSITIVE -> LognormalDistribution.of(0.3, 1.1, true, s);
            case TRUNCATED_POWER_LAW -> new TruncatedPowerLawDistribution(1.6, 0.03, s);
            case POWER_LAW -> new PowerLawDistribution(2.2, s);
        };
    }

    @ParameterizedTest(name = "{0} discrete={1} xmax={2}")
    @CsvSource({"EXPONENTIAL, false, Infinity", "EXPONENTIAL, true, Infinity", "EXPONENTIAL, false, 12", "EXPONENTIAL, true, 12",
        "STRETCHED_EXPONENTIAL, false, Infinity", "STRETCHED_EXPONENTIAL, true, Infinity", "STRETCHED_EXPONENTIAL, false, 60",
        "LOGNORMAL, false, Infinity", "LOGNORMAL, true, Infinity", "LOGNORMAL, false, 25", "LOGNORMAL, true, 40",
        "LOGNORMAL_POSITIVE, false, Infinity", "LOGNORMAL_POSITIVE, true, Infinity",
        "TRUNCATED_POWER_LAW, false, Infinity", "TRUNCATED_POWER_LAW, true, Infinity", "TRUNCATED_POWER_LAW, false, 80",
        "TRUNCATED_POWER_LAW, true, 80"})
    void maximumLikelihoodEqualsDirectNumericalMaximisation(Model model, boolean discrete, double xmax) {
        double xmin = 2;
        Support s = new Support(xmin, xmax, discrete);
        TailDistribution truth = truth(model, s);
        double[] tail = truth.sample(3000, RandomStreams.root(model.ordinal() * 10 + (discrete ? 1 : 0)).generator());
        PowerLawOptions options = PowerLawOptions.defaults().withXmin(xmin).withAlternatives(java.util.List.of(model))
                .withType(discrete ? PowerLaw.Kind.DISCRETE : PowerLaw.Kind.CONTINUOUS);
        if (Double.isFinite(xmax)) {
            options = options.withXmax(xmax);
        }
        PowerLawResult r = PowerLaw.analyse(tail, options, RunContext.of(1, 2));
        FittedModel fit = r.fit(model);
        assertThat(fit.ok()).as(fit.note()).isTrue();
        String[] names = fit.parameters().keySet().toArray(new String[0]);
        double[] ours = new double[names.length];
        double[] start = new double[names.length];
        double[] truthValues = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            ours[i] = fit.parameters().get(names[i]);
            truthValues[i] = truth.parameters().get(names[i]);
            start[i] = truthValues[i] * (i == 0 ? 1.3 : 0.8) + (truthValues[i] == 0 ? 0.1 : 0);
        }
        double[] sorted = tail.clone();
        Arrays.sort(sorted);
        ToDoubleFunction<double[]> direct = p -> {
            if (model == Model.LOGNORMAL_POSITIVE && p[0] < 0) {
                return Double.NEGATIVE_INFINITY;
            }
            return directLogLikelihood(model, p, sorted, s);
        };
        double[] best = maximise(direct, start);
        double llDirect = direct.applyAsDouble(best);
        double llOursDirect = direct.applyAsDouble(ours);
        // our optimum is at least as good as the direct one, by the direct likelihood itself
        assertThat(llOursDirect).as("direct log-likelihood at deeprg's parameters %s vs Nelder-Mead's %s",
                Arrays.toString(ours), Arrays.toString(best)).isGreaterThanOrEqualTo(llDirect - 1e-7 * Math.abs(llDirect));
        // and deeprg's own log-likelihood is the direct one at its parameters
        assertThat(fit.logLikelihood()).isCloseTo(llOursDirect, within(1e-8 * Math.abs(llOursDirect)));
        // same parameters, to a small fraction of their standard errors
        for (int i = 0; i < names.length; i++) {
            double se = fit.standardErrors().get(names[i]);
            assertThat(ours[i]).as(names[i]).isCloseTo(best[i], within(0.02 * se));
        }
        // standard errors: the inverse of minus the finite-difference Hessian of the direct likelihood
        double[][] cov = Information.covariance(direct, ours, null);
        assertThat(cov).isNotNull();
        for (int i = 0; i < names.length; i++) {
            assertThat(fit.standardErrors().get(names[i])).as("standard error of " + names[i])
                    .isCloseTo(Math.sqrt(cov[i][i]), within(0.03 * Math.sqrt(cov[i][i])));
        }
        // the fit recovers the truth within 4 standard errors
        for (int i = 0; i < names.length; i++) {
            assertThat(Math.abs(ours[i] - truthValues[i])).as(names[i]).isLessThan(4 * fit.standardErrors().get(names[i]));
        }
    }
}
