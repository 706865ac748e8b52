package org.deeprg.fit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The lognormal \( p(x) \propto x^{-1} e^{-(\ln x - \mu)^2/(2\sigma^2)} \) on \( [x_{min}, x_{max}] \) (CSN Table 2.1),
 * held in its natural parameters: with \( u = \ln(x/x_{min}) \),
 * \[ p(x) = \frac{e^{-A u^2 + B u}}{x\, I(A, B)},\qquad A = \frac{1}{2\sigma^2} \ge 0,\quad
 *    B = \frac{\mu - \ln x_{min}}{\sigma^2},\quad I = \int_0^{V} e^{-Au^2+Bu}du. \]
 * The log-likelihood is concave in \( (A, B) \) (an exponential family in \( (u^2, u) \)), and the boundary
 * \( A = 0 \) (\( \sigma \to \infty \), \( \mu \to \pm\infty \)) is the power law \( \alpha = 1 - B \): the
 * maximum-likelihood lognormal of power-law data lies there, and is reported with null \( \mu, \sigma \) instead of
 * running away. The positive lognormal is the same family restricted to \( \mu \ge 0 \), i.e.
 * \( B \ge -2A\ln x_{min} \). Discrete: \( p(k) = f(k)/Z \) with the exact sum \( Z \) ({@link DiscreteSum}).
 */
public final class LognormalDistribution extends TailDistribution {
    private static final long serialVersionUID = 1L;

    private final double quadratic;
    private final double linear;
    private final boolean positive;
    private final double logNormaliser;

    /**
     * @param quadratic \( A = 1/(2\sigma^2) \ge 0 \)
     * @param linear    \( B = (\mu - \ln x_{min})/\sigma^2 \)
     * @param positive  the positive lognormal (model {@code lognormalPositive})
     * @throws IllegalArgumentException for a negative or non-finite A, a non-finite B, or a density that cannot be
     *                                  normalised (A = 0, B >= 0 on an unbounded support)
     */
    public LognormalDistribution(double quadratic, double linear, boolean positive, Support support) {
        super(support);
        if (!(quadratic >= 0) || Double.isInfinite(quadratic) || !Double.isFinite(linear)) {
            throw new IllegalArgumentException("a lognormal needs A >= 0 and finite B, got " + quadratic + ", " + linear);
        }
        this.quadratic = quadratic;
        this.linear = linear;
        this.positive = positive;
        logNormaliser = support.discrete()
                ? DiscreteSum.logSum(new Gaussian(quadratic, linear, support.xmin()), support.xmin(), support.xmax())
                : Special.logGaussianIntegral(quadratic, linear, support.logRange());
        if (!Double.isFinite(logNormaliser)) {
            throw new IllegalArgumentException("lognormal with A = " + quadratic + ", B = " + linear + " cannot be normalised on " + support);
        }
    }

    /** From \( \mu, \sigma \). */
    public static LognormalDistribution of(double mu, double sigma, boolean positive, Support support) {
        double a = 1 / (2 * sigma * sigma);
        return new LognormalDistribution(a, (mu - Math.log(support.xmin())) / (sigma * sigma), positive, support);
    }

    /** \( A = 1/(2\sigma^2) \). */
    public double quadratic() {
        return quadratic;
    }

    /** \( B = (\mu - \ln x_{min})/\sigma^2 \). */
    public double linear() {
        return linear;
    }

    /** \( \mu \) (NaN in the power-law limit A = 0). */
    public double mu() {
        return quadratic > 0 ? Math.log(support().xmin()) + linear / (2 * quadratic) : Double.NaN;
    }

    /** \( \sigma \) (infinite in the power-law limit A = 0). */
    public double sigma() {
        return quadratic > 0 ? 1 / Math.sqrt(2 * quadratic) : Double.POSITIVE_INFINITY;
    }

    @Override
    public Model model() {
        return positive ? Model.LOGNORMAL_POSITIVE : Model.LOGNORMAL;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("mu", quadratic > 0 ? mu() : null);
        p.put("sigma", quadratic > 0 ? sigma() : null);
        return p;
    }

    @Override
    public double logDensity(double x) {
        double u = Math.log(x / support().xmin());
        return -Math.log(x) - quadratic * u * u + linear * u - logNormaliser;
    }

    @Override
    double survivalInside(double x) {
        Support s = support();
        if (s.discrete()) {
            return Math.min(1, Math.exp(DiscreteSum.logSum(new Gaussian(quadratic, linear, s.xmin()), x, s.xmax()) - logNormaliser));
        }
        double u = Math.log(x / s.xmin());
        double v = s.logRange();
        if (u >= v) {
            return 0;
        }
        double log = -quadratic * u * u + linear * u
                + Special.logGaussianIntegral(quadratic, linear - 2 * quadratic * u, v - u) - logNormaliser;
        return Math.min(1, Math.exp(log));
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        Support s = support();
        if (s.discrete()) {
            return super.sample(rng);
        }
        double v = s.logRange();
        double mode;
        if (quadratic > 0) {
            mode = Math.min(Math.max(linear / (2 * quadratic), 0), v);
        } else {
            mode = linear > 0 ? v : 0;
        }
        double u = LogConcaveSampler.sample(rng, t -> -quadratic * t * t + linear * t - logNormaliser, mode, v);
        return Math.min(s.xmin() * Math.exp(u), s.xmax());
    }

    /** \( f(x) = x^{-1} e^{-Au^2 + Bu} \), \( u = \ln(x/x_{min}) \), for {@link DiscreteSum}. */
    record Gaussian(double a, double b, double xmin) implements LogSmooth {
        @Override
        public double logF(double x) {
            double u = Math.log(x / xmin);
            return -Math.log(x) - a * u * u + b * u;
        }

        @Override
        public void logDerivatives(double x, double[] out) {
            double u = Math.log(x / xmin);
            out[0] = (b - 1 - 2 * a * u) / x;
            out[1] = (1 - b - 2 * a + 2 * a * u) / (x * x);
            out[2] = (6 * a - 2 + 2 * b - 4 * a * u) / (x * x * x);
        }

        @Override
        public double logIntegral(double lo, double hi) {
            double ua = Math.log(lo / xmin);
            double span = hi == Double.POSITIVE_INFINITY ? hi : Math.log(hi / lo);
            return -a * ua * ua + b * ua + Special.logGaussianIntegral(a, b - 2 * a * ua, span);
        }
    }
}
