package org.deeprg.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.hipparchus.special.Erf;

/**
 * Vuong likelihood-ratio tests of a fitted power-law tail against alternatives fitted by maximum likelihood
 * on the same tail \( x \ge x_{min} \) (CSN Sec. 5 and Appendix C).
 *
 * <p>Alternatives, as densities \( f \) normalised on \( [x_{min}, \infty) \):
 * <ul>
 * <li>exponential \( f \propto e^{-\lambda x} \): closed-form MLE \( \lambda = 1/(\bar x - x_{min}) \) (continuous),
 *     geometric \( q = e^{-\lambda} = d/(1+d) \), \( d = \bar x - x_{min} \) (discrete);</li>
 * <li>lognormal \( f \propto x^{-1} e^{-(\ln x - \mu)^2/(2\sigma^2)} \), normaliser
 *     \( \tfrac12 \mathrm{erfc}((\ln x_{min} - \mu)/(\sigma\sqrt2)) \); MLE by Nelder-Mead in \( (\mu, \ln\sigma) \);</li>
 * <li>truncated power law (power law with exponential cutoff) \( f \propto x^{-\alpha} e^{-\lambda x} \), normaliser
 *     \( \int_{x_{min}}^\infty x^{-\alpha} e^{-\lambda x} dx
 *     = x_{min}^{1-\alpha} e^{-c} \int_0^\infty e^{(1-\alpha)t - c(e^t - 1)} dt \), \( c = \lambda x_{min} \), by
 *     Gauss-Legendre quadrature; MLE by Nelder-Mead in \( (\alpha, \ln\lambda) \). It contains the power law
 *     (\( \lambda \to 0 \)), so its log-likelihood is taken as at least the power law's.</li>
 * </ul>
 * Discrete data use the probability mass \( f(x)/\sum_{k \ge x_{min}} f(k) \), the sum done term by term for
 * {@value #DISCRETE_TERMS} integers and by the midpoint integral \( \int_{x_{min}+K-1/2}^\infty f \) beyond.
 */
public final class LikelihoodRatio {
    static final int DISCRETE_TERMS = 200;
    private static final double[] GL_NODES;
    private static final double[] GL_WEIGHTS;

    static {
        // 8-point Gauss-Legendre on [-1, 1]
        GL_NODES = new double[] {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498,
            0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
        GL_WEIGHTS = new double[] {0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620,
            0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};
    }

    private LikelihoodRatio() {
    }

    /** Comparisons with lognormal, exponential and truncated power law; {@code tail} holds the points >= x_min. */
    public static List<Comparison> compareAll(double[] tail, TailFit fit) {
        double[] powerLaw = powerLawLogLikelihoods(tail, fit);
        return List.of(lognormal(tail, fit, powerLaw), exponential(tail, fit, powerLaw), truncated(tail, fit, powerLaw));
    }

    /** Pointwise log-likelihoods of the fitted power law. */
    static double[] powerLawLogLikelihoods(double[] tail, TailFit fit) {
        double alpha = fit.alpha();
        double xmin = fit.xmin();
        double[] out = new double[tail.length];
        double logNorm = fit.discrete() ? -Math.log(HurwitzZeta.zeta(alpha, xmin)) : Math.log((alpha - 1) / xmin);
        for (int i = 0; i < tail.length; i++) {
            out[i] = fit.discrete() ? logNorm - alpha * Math.log(tail[i]) : logNorm - alpha * Math.log(tail[i] / xmin);
        }
        return out;
    }

    static Comparison exponential(double[] tail, TailFit fit, double[] powerLaw) {
        double xmin = fit.xmin();
        double mean = 0;
        for (double x : tail) {
            mean += x;
        }
        mean /= tail.length;
        double excess = mean - xmin;
        double[] alt = new double[tail.length];
        double lambda;
        if (fit.discrete()) {
            double q = excess / (1 + excess);
            lambda = -Math.log(q);
            for (int i = 0; i < tail.length; i++) {
                alt[i] = Math.log1p(-q) + (tail[i] - xmin) * Math.log(q);
            }
        } else {
            lambda = 1 / excess;
            for (int i = 0; i < tail.length; i++) {
                alt[i] = Math.log(lambda) - lambda * (tail[i] - xmin);
            }
        }
        return vuong("exponential", powerLaw, alt, false, Map.of("lambda", lambda));
    }

    static Comparison lognormal(double[] tail, TailFit fit, double[] powerLaw) {
        double xmin = fit.xmin();
        boolean discrete = fit.discrete();
        double mu0 = 0;
        for (double x : tail) {
            mu0 += Math.log(x);
        }
        mu0 /= tail.length;
        double var0 = 0;
        for (double x : tail) {
            var0 += (Math.log(x) - mu0) * (Math.log(x) - mu0);
        }
        double sigma0 = Math.sqrt(Math.max(var0 / tail.length, 1e-6));
        double[] best = maximise(p -> total(lognormalLogLikelihoods(tail, xmin, discrete, p[0], Math.exp(p[1]))),
                new double[] {mu0, Math.log(sigma0)}, new double[] {Math.max(sigma0, 0.1), 0.5});
        double[] alt = lognormalLogLikelihoods(tail, xmin, discrete, best[0], Math.exp(best[1]));
        Map<String, Double> params = new LinkedHashMap<>();
        params.put("mu", best[0]);
        params.put("sigma", Math.exp(best[1]));
        return vuong("lognormal", powerLaw, alt, false, params);
    }

    static double[] lognormalLogLikelihoods(double[] tail, double xmin, boolean discrete, double mu, double sigma) {
        double logNormal = -Math.log(sigma * Math.sqrt(2 * Math.PI));
        DoubleUnaryOperator logF = x -> {
            double z = (Math.log(x) - mu) / sigma;
            return logNormal - Math.log(x) - 0.5 * z * z;
        };
        DoubleUnaryOperator logUpper = a -> Math.log(0.5) + logErfc((Math.log(a) - mu) / (sigma * Math.sqrt(2)));
        double logZ = discrete ? discreteLogNormaliser(logF, logUpper, xmin) : logUpper.applyAsDouble(xmin);
        double[] out = new double[tail.length];
        for (int i = 0; i < tail.length; i++) {
            out[i] = logF.applyAsDouble(tail[i]) - logZ;
        }
        return out;
    }

    static Comparison truncated(double[] tail, TailFit fit, double[] powerLaw) {
        double xmin = fit.xmin();
        boolean discrete = fit.discrete();
        double mean = 0;
        for (double x : tail) {
            mean += x;
        }
        mean /= tail.length;
        double[] best = maximise(p -> total(truncatedLogLikelihoods(tail, xmin, discrete, p[0], Math.exp(p[1]))),
                new double[] {fit.alpha(), Math.log(0.1 / mean)}, new double[] {0.3, 2.0});
        double[] alt = truncatedLogLikelihoods(tail, xmin, discrete, best[0], Math.exp(best[1]));
        double alpha = best[0];
        double lambda = Math.exp(best[1]);
        if (!(total(alt) >= total(powerLaw))) {
            alt = powerLaw.clone(); // the nested model is at least as good as its lambda -> 0 limit
            alpha = fit.alpha();
            lambda = 0;
        }
        Map<String, Double> params = new LinkedHashMap<>();
        params.put("alpha", alpha);
        params.put("lambda", lambda);
        return vuong("truncatedPowerLaw", powerLaw, alt, true, params);
    }

    static double[] truncatedLogLikelihoods(double[] tail, double xmin, boolean discrete, double alpha, double lambda) {
        DoubleUnaryOperator logF = x -> -alpha * Math.log(x) - lambda * x;
        DoubleUnaryOperator logUpper = a -> logTruncatedIntegral(a, alpha, lambda);
        double logZ = discrete ? discreteLogNormaliser(logF, logUpper, xmin) : logUpper.applyAsDouble(xmin);
        double[] out = new double[tail.length];
        for (int i = 0; i < tail.length; i++) {
            out[i] = logF.applyAsDouble(tail[i]) - logZ;
        }
        return out;
    }

    /** \( \ln \int_a^\infty x^{-\alpha} e^{-\lambda x} dx \) (+infinity when divergent). */
    static double logTruncatedIntegral(double a, double alpha, double lambda) {
        double c = lambda * a;
        double prefix = (1 - alpha) * Math.log(a) - c;
        if (c < 1e-14) {
            return alpha > 1 ? prefix - Math.log(alpha - 1) : Double.POSITIVE_INFINITY;
        }
        // exponent g(t) = (1 - alpha) t - c (e^t - 1), concave, maximum at t* = max(0, ln((1 - alpha)/c))
        double tStar = alpha < 1 ? Math.max(0, Math.log((1 - alpha) / c)) : 0;
        double gMax = (1 - alpha) * tStar - c * Math.expm1(tStar);
        double sum = 0;
        double width = 0.25;
        for (int panel = 0; panel < 200_000; panel++) {
            double t0 = panel * width;
            double mid = t0 + width / 2;
            double panelSum = 0;
            for (int k = 0; k < GL_NODES.length; k++) {
                double t = mid + GL_NODES[k] * width / 2;
                panelSum += GL_WEIGHTS[k] * Math.exp((1 - alpha) * t - c * Math.expm1(t) - gMax);
            }
            sum += panelSum * width / 2;
            double gEnd = (1 - alpha) * (t0 + width) - c * Math.expm1(t0 + width);
            if (t0 + width > tStar && gEnd - gMax < -45) {
                break;
            }
        }
        return prefix + gMax + Math.log(sum);
    }

    /** \( \ln \sum_{k \ge 0} f(x_{min} + k) \) by explicit terms, then the midpoint integral of the rest. */
    static double discreteLogNormaliser(DoubleUnaryOperator logF, DoubleUnaryOperator logUpper, double xmin) {
        double[] terms = new double[DISCRETE_TERMS + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < DISCRETE_TERMS; k++) {
            terms[k] = logF.applyAsDouble(xmin + k);
            max = Math.max(max, terms[k]);
        }
        terms[DISCRETE_TERMS] = logUpper.applyAsDouble(xmin + DISCRETE_TERMS - 0.5);
        max = Math.max(max, terms[DISCRETE_TERMS]);
        if (max == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        double s = 0;
        for (double t : terms) {
            s += Math.exp(t - max);
        }
        return max + Math.log(s);
    }

    /** \( \ln \mathrm{erfc}(z) \), with the asymptotic series where erfc underflows. */
    static double logErfc(double z) {
        if (z < 20) {
            return Math.log(Erf.erfc(z));
        }
        double z2 = z * z;
        return -z2 - Math.log(z * Math.sqrt(Math.PI)) + Math.log1p(-0.5 / z2 + 0.75 / (z2 * z2) - 1.875 / (z2 * z2 * z2));
    }

    private static double total(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return Double.isNaN(s) ? Double.NEGATIVE_INFINITY : s;
    }

    /**
     * Nelder-Mead maximisation; returns the best point evaluated, also when the evaluation budget runs out (the
     * optimiser then throws, and the best point seen so far is the answer).
     */
    private static double[] maximise(java.util.function.Function<double[], Double> objective, double[] start, double[] steps) {
        double[] best = start.clone();
        double[] bestValue = {objective.apply(start)};
        double[][] bestPoint = {best};
        org.hipparchus.analysis.MultivariateFunction f = p -> {
            double v = objective.apply(p);
            if (!Double.isFinite(v)) {
                return -1e300;
            }
            if (v > bestValue[0] || !Double.isFinite(bestValue[0])) {
                bestValue[0] = v;
                bestPoint[0] = p.clone();
            }
            return v;
        };
        double[] point = start;
        // two restarts from the previous optimum guard against a collapsed simplex
        for (int round = 0; round < 2; round++) {
            try {
                PointValuePair r = new SimplexOptimizer(1e-10, 1e-12).optimize(new MaxEval(4000), new ObjectiveFunction(f),
                        GoalType.MAXIMIZE, new InitialGuess(point), new NelderMeadSimplex(steps));
                point = r.getPoint();
            } catch (org.hipparchus.exception.MathIllegalStateException budgetExhausted) {
                point = bestPoint[0];
            }
        }
        return bestPoint[0];
    }

    /**
     * Vuong's test on pointwise log-likelihoods (CSN Eq. 5.4 and Appendix C): R = sum of differences,
     * z = R/(sigma sqrt n); nested alternatives use the chi-squared(1) p-value of 2|R|.
     */
    static Comparison vuong(String name, double[] powerLaw, double[] alternative, boolean nested, Map<String, Double> params) {
        int n = powerLaw.length;
        double r = 0;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = powerLaw[i] - alternative[i];
            r += d[i];
        }
        double mean = r / n;
        double var = 0;
        for (double x : d) {
            var += (x - mean) * (x - mean);
        }
        double sigma = Math.sqrt(var / n);
        double z;
        double p;
        if (nested) {
            z = Math.signum(r) * Math.sqrt(2 * Math.abs(r));
            p = Erf.erfc(Math.sqrt(Math.abs(r)));
        } else if (sigma > 0 && Double.isFinite(r)) {
            z = r / (sigma * Math.sqrt(n));
            p = Erf.erfc(Math.abs(z) / Math.sqrt(2));
        } else {
            z = Double.isFinite(r) ? 0 : Math.signum(r) * Double.POSITIVE_INFINITY;
            p = Double.isFinite(r) ? 1 : 0;
        }
        String favoured = p >= Comparison.SIGNIFICANCE || r == 0 ? "neither" : (r > 0 ? "powerLaw" : name);
        return new Comparison(name, r, z, p, favoured, params);
    }
}
