package org.deeprg.fit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Maximum-likelihood fits of the alternatives on the power law's tail, each normalised on that tail (CSN Sec. 5):
 * the likelihoods come from the sufficient statistics of {@link TailSample}, the optimisation is exact up to
 * \( 10^{-12} \) relative in the parameters.
 *
 * <ul>
 * <li>Exponential: the exponential-family mean equation, closed form unbounded (\( \lambda = 1/\bar s \), discrete
 *     \( \lambda = \ln(1 + 1/\bar j) \)), one-dimensional otherwise.</li>
 * <li>Stretched exponential: in \( \kappa = (\lambda x_{min})^\beta \), the likelihood is that of an exponential family
 *     in \( \kappa \) for fixed \( \beta \); continuous unbounded it has the closed form
 *     \( \hat\kappa(\beta) = n/\sum(e^{\beta u}-1) \), so \( \beta \) maximises the profile
 *     \( n\ln\beta + n\ln\hat\kappa + (\beta - 1)\sum u - n \); otherwise the inner maximum over \( \kappa \) is
 *     numerical. \( \beta \) is found by Brent's method in \( \ln\beta \).</li>
 * <li>Lognormal (and positive lognormal): in the natural parameters \( (A, B) \) of {@link LognormalDistribution}
 *     the log-likelihood is jointly concave; the profile over \( A \ge 0 \) of the maximum over \( B \) (subject to
 *     \( B \ge -2A\ln x_{min} \) for the positive lognormal) is concave too, so the nested one-dimensional maximisations
 *     find the global maximum, including the power-law limit \( A = 0 \).</li>
 * <li>Truncated power law: concave in \( (\alpha, \lambda) \) (an exponential family in \( (\ln x, x) \)); the profile
 *     over \( \lambda \ge 0 \) of the maximum over \( \alpha \), so \( \lambda = 0 \) (the power law) is reached
 *     exactly when it is the maximum.</li>
 * </ul>
 * A model that contains another ({@link Model#nested}) is never reported with a lower likelihood than the nested fit:
 * the nested optimum is a point of the larger family and is taken when numerically better.
 *
 * <p>Standard errors: observed information ({@link Information}) in the optimisation parameters, by the delta method
 * in the reported ones; a parameter whose constraint binds gets none (its estimator is not asymptotically normal
 * there), and the note says so.
 */
final class Fitter {
    private Fitter() {
    }

    /** A fit before its log-likelihood is summed. */
    record Raw(TailDistribution distribution, Map<String, Double> standardErrors, String note) {
    }

    private static Map<String, Double> errors(String[] names, double[] values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], values == null || !Double.isFinite(values[i]) ? null : values[i]);
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- exponential

    static Raw exponential(TailSample t) {
        Support s = t.support;
        double span = s.xmax() - s.xmin();
        double mean = t.sumOffset / t.m;
        double lambda;
        double se;
        if (!s.discrete()) {
            lambda = Special.exponentialRate(mean, span);
            se = 1 / Math.sqrt(t.m * Special.exponentialVariance(lambda, span));
        } else if (!s.bounded()) {
            lambda = Math.log1p(1 / mean);
            double q = Math.exp(-lambda);
            se = (1 - q) / Math.sqrt(t.m * q);
        } else {
            DoubleUnaryOperator ll = l -> -l * t.sumOffset - t.m * ExponentialDistribution.logGeometric(l, span);
            lambda = Maximise.maximise(ll, Math.log1p(1 / mean), 0.1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY).x();
            double[][] cov = Information.covariance(p -> ll.applyAsDouble(p[0]), new double[] {lambda}, null);
            se = cov == null ? Double.NaN : Math.sqrt(cov[0][0]);
        }
        return new Raw(new ExponentialDistribution(lambda, s), errors(new String[] {"lambda"}, new double[] {se}), null);
    }

    // ------------------------------------------------------------------------------------ stretched exponential

    /** \( \ell(\nu, \beta) \) given \( G = \sum g_\beta(u_i) \) (see {@link StretchedExponentialDistribution}). */
    private static double stretchedLogLikelihood(TailSample t, double nu, double beta, double gSum) {
        Support s = t.support;
        if (!(nu > 0) || !(beta >= 0) || !Double.isFinite(gSum) || Double.isInfinite(nu)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (s.discrete()) {
            double logZ = DiscreteSum.logSum(new StretchedExponentialDistribution.Weibull(nu, beta, s.xmin()), s.xmin(), s.xmax());
            double ll = (beta - 1) * t.sumLog - nu * gSum - t.m * logZ;
            return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
        }
        double ll = t.m * Math.log(nu) + (beta - 1) * t.sumU - t.m * t.logXmin - nu * gSum;
        if (s.bounded()) {
            ll -= t.m * Special.log1mExp(-nu * StretchedExponentialDistribution.g(beta, s.logRange()));
        }
        return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
    }

    /** \( \sum_i g_\beta(u_i) \). */
    private static double gSum(TailSample t, double beta) {
        return beta == 0 ? t.sumU : t.sumExpm1(beta) / beta;
    }

    /** The best \( \ln\nu \) for a given \( \beta \) (G precomputed); closed form continuous unbounded. */
    private static double bestLogNu(TailSample t, double beta, double gSum) {
        double start = Math.log(t.m / gSum);
        if (!t.support.discrete() && !t.support.bounded()) {
            return start;
        }
        return Maximise.maximise(ln -> stretchedLogLikelihood(t, Math.exp(ln), beta, gSum), start, 0.5,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY).x();
    }

    static Raw stretchedExponential(TailSample t, FittedModel exponential) {
        Support s = t.support;
        DoubleUnaryOperator profile = beta -> {
            double gs = gSum(t, beta);
            if (!(gs > 0) || !Double.isFinite(gs)) {
                return Double.NEGATIVE_INFINITY;
            }
            return stretchedLogLikelihood(t, Math.exp(bestLogNu(t, beta, gs)), beta, gs);
        };
        Maximise.Point best = Maximise.maximise(profile, 1, 0.25, 0, Double.POSITIVE_INFINITY);
        double beta = best.x();
        double gs = gSum(t, beta);
        double nu = Math.exp(bestLogNu(t, beta, gs));
        double ll = stretchedLogLikelihood(t, nu, beta, gs);
        String note = null;
        if (exponential != null && exponential.ok()) {
            double lambdaExp = ((ExponentialDistribution) exponential.distribution()).lambda();
            if (lambdaExp > 0) {
                double nu1 = lambdaExp * s.xmin();
                double ll1 = stretchedLogLikelihood(t, nu1, 1, gSum(t, 1));
                if (ll1 > ll - ModelComparison.EQUIVALENT) {
                    nu = nu1;
                    beta = 1;
                }
            }
        }
        if (beta * t.maxLogRatio() < 1e-9) {
            beta = 0;
            nu = Math.exp(bestLogNu(t, 0, t.sumU));
        }
        StretchedExponentialDistribution d = new StretchedExponentialDistribution(nu, beta, s);
        String[] names = {"lambda", "beta"};
        if (beta == 0) {
            return new Raw(d, errors(names, null), String.format(java.util.Locale.ROOT,
                    "the likelihood is largest at beta -> 0, where the stretched exponential is the power law with alpha = %.6g:"
                            + " lambda is not finite", 1 + nu));
        }
        if (beta == 1 && exponential != null && exponential.ok()
                && nu == ((ExponentialDistribution) exponential.distribution()).lambda() * s.xmin()) {
            note = "beta = 1: the maximum is the exponential it nests";
        }
        double[][] cov = Information.covariance(p -> stretchedLogLikelihood(t, p[0], p[1], gSum(t, p[1])),
                new double[] {nu, beta}, new double[] {0, 0});
        double[] se = null;
        double lambda = d.lambda();
        if (cov != null && Double.isFinite(lambda)) {
            double dLambdaDNu = lambda / (beta * nu);
            double dLambdaDBeta = -lambda * (1 + Math.log(nu) - Math.log(beta)) / (beta * beta);
            se = Information.deltaMethod(cov, new double[][] {{dLambdaDNu, dLambdaDBeta}, {0, 1}});
        } else if (cov != null) {
            se = new double[] {Double.NaN, Math.sqrt(cov[1][1])};
        }
        if (!Double.isFinite(lambda)) {
            note = String.format(java.util.Locale.ROOT, "lambda x_min = exp(%.6g) is beyond the double range: the fit is"
                    + " close to its power-law limit beta -> 0 (alpha = %.6g)", (Math.log(nu) - Math.log(beta)) / beta, 1 + nu);
        }
        return new Raw(d, errors(names, se), note);
    }

    // ------------------------------------------------------------------------------------------------ lognormal

    private static double lognormalLogLikelihood(TailSample t, double a, double b) {
        if (!(a >= 0) || !Double.isFinite(b)) {
            return Double.NEGATIVE_INFINITY;
        }
        Support s = t.support;
        double logI = s.discrete()
                ? DiscreteSum.logSum(new LognormalDistribution.Gaussian(a, b, s.xmin()), s.xmin(), s.xmax())
                : Special.logGaussianIntegral(a, b, s.logRange());
        if (!(logI < Double.POSITIVE_INFINITY)) {
            return Double.NEGATIVE_INFINITY;
        }
        return -t.sumLog - a * t.sumU2 + b * t.sumU - t.m * logI;
    }

    static Raw lognormal(TailSample t, boolean positive) {
        Support s = t.support;
        double y0 = t.logXmin;
        double ubar = t.sumU / t.m;
        double variance = Math.max(t.sumU2 / t.m - ubar * ubar, 1e-12 * ubar * ubar + 1e-300);
        DoubleUnaryOperator lowerB = a -> positive ? -2 * a * y0 : Double.NEGATIVE_INFINITY;
        DoubleUnaryOperator bestB = a -> {
            double start = -1 / ubar + 2 * a * ubar;
            double lo = lowerB.applyAsDouble(a);
            if (start < lo) {
                start = lo;
            }
            return Maximise.maximise(b -> lognormalLogLikelihood(t, a, b), start, 0.1 * Math.max(1, Math.abs(start)),
                    lo, Double.POSITIVE_INFINITY).x();
        };
        DoubleUnaryOperator profile = a -> lognormalLogLikelihood(t, a, bestB.applyAsDouble(a));
        double a0 = 1 / (2 * variance);
        Maximise.Point best = Maximise.maximise(profile, a0, 0.5 * a0, 0, Double.POSITIVE_INFINITY);
        double a = best.x();
        double b = bestB.applyAsDouble(a);
        Model model = positive ? Model.LOGNORMAL_POSITIVE : Model.LOGNORMAL;
        if (!Double.isFinite(lognormalLogLikelihood(t, a, b))) {
            throw new IllegalStateException(model.key() + ": no finite likelihood on this tail");
        }
        LognormalDistribution d = new LognormalDistribution(a, b, positive, s);
        String[] names = {"mu", "sigma"};
        if (a == 0) {
            return new Raw(d, errors(names, null), String.format(java.util.Locale.ROOT,
                    "the likelihood is largest at sigma -> infinity, where the lognormal is the power law with alpha = %.6g:"
                            + " mu and sigma are not finite", 1 - b));
        }
        boolean boundary = positive && b - (-2 * a * y0) <= 1e-9 * Math.max(1, Math.abs(2 * a * y0));
        if (boundary) {
            b = -2 * a * y0;
            d = new LognormalDistribution(a, b, positive, s);
        }
        if (a * t.sumU2 / t.m < 1e-9) {
            return new Raw(d, errors(names, null), String.format(java.util.Locale.ROOT,
                    "sigma = %.3g is so large that the lognormal is the power law with alpha = %.6g to within 1e-9 per point:"
                            + " mu and sigma are not determined (no standard errors)", d.sigma(), 1 - b));
        }
        if (boundary) {
            double[][] cov = Information.covariance(p -> lognormalLogLikelihood(t, p[0], -2 * p[0] * y0), new double[] {a}, new double[] {0});
            double sigma = d.sigma();
            double[] se = cov == null ? null : new double[] {Double.NaN, sigma / (2 * a) * Math.sqrt(cov[0][0])};
            return new Raw(d, errors(names, se), "mu = 0: the constraint mu >= 0 binds (no standard error for mu)");
        }
        double[][] cov = Information.covariance(p -> lognormalLogLikelihood(t, p[0], p[1]), new double[] {a, b}, new double[] {0, Double.NEGATIVE_INFINITY});
        double[] se = null;
        if (cov != null) {
            double sigma = d.sigma();
            se = Information.deltaMethod(cov, new double[][] {{-b / (2 * a * a), 1 / (2 * a)}, {-sigma / (2 * a), 0}});
        }
        return new Raw(d, errors(names, se), null);
    }

    // ------------------------------------------------------------------------------------- truncated power law

    private static double truncatedLogLikelihood(TailSample t, double alpha, double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(alpha)) {
            return Double.NEGATIVE_INFINITY;
        }
        Support s = t.support;
        double ll;
        if (s.discrete()) {
            double logZ = DiscreteSum.logSum(new TruncatedPowerLawDistribution.Cutoff(alpha, lambda, s.xmin()), s.xmin(), s.xmax());
            ll = -alpha * t.sumLog - lambda * t.sumOffset - t.m * logZ;
        } else {
            double logJ = CutoffIntegral.log(alpha, lambda * s.xmin(), s.logRange());
            ll = -alpha * t.sumU - t.m * t.logXmin - lambda * t.sumOffset - t.m * logJ;
        }
        return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
    }

    static Raw truncatedPowerLaw(TailSample t, double alphaPowerLaw, FittedModel exponential) {
        Support s = t.support;
        DoubleUnaryOperator bestAlpha = lambda -> {
            double start = alphaPowerLaw;
            double a = Maximise.maximise(al -> truncatedLogLikelihood(t, al, lambda), start, 0.1 * Math.max(1, Math.abs(start)),
                    Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY).x();
            return a;
        };
        DoubleUnaryOperator profile = lambda -> truncatedLogLikelihood(t, bestAlpha.applyAsDouble(lambda), lambda);
        double mean = t.sumOffset / t.m;
        double lambda0 = 0.1 / mean;
        Maximise.Point best = Maximise.maximise(profile, lambda0, lambda0, 0, Double.POSITIVE_INFINITY);
        double lambda = best.x();
        double alpha = bestAlpha.applyAsDouble(lambda);
        double ll = truncatedLogLikelihood(t, alpha, lambda);
        // the nested laws are points of this family: never report less than them
        double llPowerLaw = truncatedLogLikelihood(t, alphaPowerLaw, 0);
        if (llPowerLaw >= ll - ModelComparison.EQUIVALENT) {
            // no better than the power law (to 1e-6 nats, below any evidence): the nested law itself
            alpha = alphaPowerLaw;
            lambda = 0;
            ll = llPowerLaw;
        }
        if (exponential != null && exponential.ok()) {
            double lambdaExp = ((ExponentialDistribution) exponential.distribution()).lambda();
            double llExp = truncatedLogLikelihood(t, 0, lambdaExp);
            if (lambdaExp >= 0 && llExp > ll - (lambda == 0 ? 0 : ModelComparison.EQUIVALENT)) {
                alpha = 0;
                lambda = lambdaExp;
                ll = llExp;
            }
        }
        TruncatedPowerLawDistribution d = new TruncatedPowerLawDistribution(alpha, lambda, s);
        String[] names = {"alpha", "lambda"};
        if (lambda == 0) {
            final double lam = lambda;
            double[][] cov = Information.covariance(p -> truncatedLogLikelihood(t, p[0], lam), new double[] {alpha}, null);
            double[] se = cov == null ? null : new double[] {Math.sqrt(cov[0][0]), Double.NaN};
            return new Raw(d, errors(names, se),
                    "lambda = 0: the likelihood is largest without a cutoff, where the truncated power law is the power law"
                            + " (no standard error for lambda on its constraint)");
        }
        double[][] cov = Information.covariance(p -> truncatedLogLikelihood(t, p[0], p[1]), new double[] {alpha, lambda},
                new double[] {Double.NEGATIVE_INFINITY, 0});
        double[] se = cov == null ? null : new double[] {Math.sqrt(cov[0][0]), Math.sqrt(cov[1][1])};
        return new Raw(d, errors(names, se), null);
    }

    /** A standard error of the power law's exponent in the map form of the alternatives. */
    static Map<String, Double> powerLawErrors(double stderr) {
        return errors(new String[] {"alpha"}, new double[] {stderr});
    }
}
