package org.deeprg.fit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The truncated power law (power law with exponential cutoff) \( p(x) \propto x^{-\alpha} e^{-\lambda x} \),
 * \( \lambda \ge 0 \), on \( [x_{min}, x_{max}] \) (CSN Table 2.1). Continuous: with \( t = \ln(x/x_{min}) \) and
 * \( c = \lambda x_{min} \), \( p(x) = e^{-\alpha t - \lambda(x - x_{min})}/(x_{min} J) \),
 * \( J = \int_0^V e^{(1-\alpha)t - c(e^t - 1)}dt \) ({@link CutoffIntegral}); any real \( \alpha \) when
 * \( \lambda > 0 \) or bounded, \( \alpha > 1 \) at \( \lambda = 0 \) unbounded (the power law, which it nests).
 * Sampled exactly by log-concave rejection in \( t \). Discrete: \( p(k) = k^{-\alpha}e^{-\lambda(k - x_{min})}/Z \)
 * with the exact sum \( Z \).
 */
public final class TruncatedPowerLawDistribution extends TailDistribution {
    private static final long serialVersionUID = 1L;

    private final double alpha;
    private final double lambda;
    private final double logNormaliser;

    /** @throws IllegalArgumentException for a negative or non-finite \( \lambda \), or a law that cannot be normalised */
    public TruncatedPowerLawDistribution(double alpha, double lambda, Support support) {
        super(support);
        if (!(lambda >= 0) || Double.isInfinite(lambda) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("a truncated power law needs finite alpha and lambda >= 0, got " + alpha + ", " + lambda);
        }
        this.alpha = alpha;
        this.lambda = lambda;
        if (support.discrete()) {
            logNormaliser = DiscreteSum.logSum(new Cutoff(alpha, lambda, support.xmin()), support.xmin(), support.xmax());
        } else {
            logNormaliser = Math.log(support.xmin()) + CutoffIntegral.log(alpha, lambda * support.xmin(), support.logRange());
        }
        if (!Double.isFinite(logNormaliser)) {
            throw new IllegalArgumentException("truncated power law with alpha = " + alpha + ", lambda = " + lambda
                    + " cannot be normalised on " + support);
        }
    }

    /** The exponent. */
    public double alpha() {
        return alpha;
    }

    /** The cutoff rate. */
    public double lambda() {
        return lambda;
    }

    @Override
    public Model model() {
        return Model.TRUNCATED_POWER_LAW;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("alpha", alpha);
        p.put("lambda", lambda);
        return p;
    }

    @Override
    public double logDensity(double x) {
        double xmin = support().xmin();
        if (support().discrete()) {
            return -alpha * Math.log(x) - lambda * (x - xmin) - logNormaliser;
        }
        return -alpha * Math.log(x / xmin) - lambda * (x - xmin) - logNormaliser;
    }

    @Override
    double survivalInside(double x) {
        Support s = support();
        double xmin = s.xmin();
        if (s.discrete()) {
            return Math.min(1, Math.exp(DiscreteSum.logSum(new Cutoff(alpha, lambda, xmin), x, s.xmax()) - logNormaliser));
        }
        if (x >= s.xmax()) {
            return 0;
        }
        // int_x^xmax = x^{1-alpha} e^{-lambda x} J(alpha, lambda x, ln(xmax/x)); relative to xmin's normaliser
        double log = (1 - alpha) * Math.log(x / xmin) - lambda * (x - xmin) + Math.log(xmin)
                + CutoffIntegral.log(alpha, lambda * x, s.bounded() ? Math.log(s.xmax() / x) : Double.POSITIVE_INFINITY)
                - logNormaliser;
        return Math.min(1, Math.exp(log));
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        Support s = support();
        if (s.discrete()) {
            return super.sample(rng);
        }
        double c = lambda * s.xmin();
        double v = s.logRange();
        double beta = 1 - alpha;
        double mode;
        if (c > 0) {
            mode = beta > c ? Math.min(Math.log(beta / c), v) : 0;
        } else {
            mode = beta > 0 ? v : 0;
        }
        double logJ = logNormaliser - Math.log(s.xmin());
        double t = LogConcaveSampler.sample(rng, tt -> beta * tt - c * Math.expm1(tt) - logJ, mode, v);
        return Math.min(s.xmin() * Math.exp(t), s.xmax());
    }

    /** \( f(x) = x^{-\alpha} e^{-\lambda(x - x_{min})} \) for {@link DiscreteSum}. */
    record Cutoff(double alpha, double lambda, double xmin) implements LogSmooth {
        @Override
        public double logF(double x) {
            return -alpha * Math.log(x) - lambda * (x - xmin);
        }

        @Override
        public void logDerivatives(double x, double[] out) {
            out[0] = -alpha / x - lambda;
            out[1] = alpha / (x * x);
            out[2] = -2 * alpha / (x * x * x);
        }

        @Override
        public double logIntegral(double a, double b) {
            return CutoffIntegral.logPowerCutoffIntegral(alpha, lambda, a, b) + lambda * xmin;
        }
    }
}
