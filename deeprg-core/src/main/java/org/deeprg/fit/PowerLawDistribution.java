package org.deeprg.fit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The power law \( p(x) \propto x^{-\alpha} \) on \( [x_{min}, x_{max}] \).
 *
 * <p>Continuous: with \( t = \ln(x/x_{min}) \), \( V = \ln(x_{max}/x_{min}) \), \( \theta = \alpha - 1 \):
 * \( p(x) = e^{-\alpha t} / (x_{min} I) \), \( I = \int_0^V e^{-\theta t}dt \) (\( = 1/\theta \) unbounded, so
 * \( p = \frac{\alpha-1}{x_{min}}(x/x_{min})^{-\alpha} \), CSN Eq. 2.2); any real \( \alpha \) when bounded,
 * \( \alpha > 1 \) otherwise. Discrete: \( p(k) = k^{-\alpha}/Z \), \( Z = \zeta(\alpha, x_{min}) \) unbounded
 * (CSN Eq. 2.4), \( \sum_{k=x_{min}}^{x_{max}} k^{-\alpha} \) bounded.
 */
public final class PowerLawDistribution extends TailDistribution {
    private static final long serialVersionUID = 1L;

    private final double alpha;
    private final double logNormaliser;

    /**
     * @throws IllegalArgumentException if \( \alpha \) is not finite, or not above 1 for an unbounded support
     */
    public PowerLawDistribution(double alpha, Support support) {
        super(support);
        if (!Double.isFinite(alpha) || (!support.bounded() && !(alpha > 1))) {
            throw new IllegalArgumentException("a power law on " + support + " needs a finite alpha"
                    + (support.bounded() ? "" : " > 1") + ", got " + alpha);
        }
        this.alpha = alpha;
        if (support.discrete()) {
            logNormaliser = support.bounded() ? DiscreteSum.logSum(new Power(alpha), support.xmin(), support.xmax())
                    : HurwitzZeta.logZeta(alpha, support.xmin());
        } else {
            logNormaliser = Math.log(support.xmin()) + Special.logExponentialIntegral(alpha - 1, support.logRange());
        }
    }

    /** The exponent. */
    public double alpha() {
        return alpha;
    }

    @Override
    public Model model() {
        return Model.POWER_LAW;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("alpha", alpha);
        return p;
    }

    @Override
    public double logDensity(double x) {
        if (support().discrete()) {
            return -alpha * Math.log(x) - logNormaliser;
        }
        return -alpha * Math.log(x / support().xmin()) - logNormaliser;
    }

    @Override
    double survivalInside(double x) {
        Support s = support();
        if (s.discrete()) {
            double logTail = s.bounded() ? DiscreteSum.logSum(new Power(alpha), x, s.xmax()) : HurwitzZeta.logZeta(alpha, x);
            return Math.min(1, Math.exp(logTail - logNormaliser));
        }
        double t = Math.log(x / s.xmin());
        double theta = alpha - 1;
        if (!s.bounded()) {
            return Math.exp(-theta * t);
        }
        double v = s.logRange();
        if (t >= v) {
            return 0;
        }
        return Math.exp(-theta * t + Special.logExponentialIntegral(theta, v - t) - Special.logExponentialIntegral(theta, v));
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        Support s = support();
        if (s.discrete()) {
            return super.sample(rng);
        }
        double u = rng.nextDouble();
        double theta = alpha - 1;
        double t;
        if (!s.bounded()) {
            t = -Math.log1p(-u) / theta;
        } else if (theta == 0) {
            t = u * s.logRange();
        } else {
            t = -Math.log1p(u * Math.expm1(-theta * s.logRange())) / theta;
        }
        return Math.min(s.xmin() * Math.exp(t), s.xmax());
    }

    /** CSN's continuous approximation \( \lfloor (x_{min} - 1/2)(1-u)^{-1/(\alpha-1)} + 1/2 \rfloor \) (App. D). */
    @Override
    double discreteGuess(double u) {
        if (!(alpha > 1)) {
            return Double.NaN;
        }
        return Math.floor((support().xmin() - 0.5) * Math.pow(1 - u, -1 / (alpha - 1)) + 0.5);
    }

    /** \( f(x) = x^{-\alpha} \) for {@link DiscreteSum}. */
    record Power(double alpha) implements LogSmooth {
        @Override
        public double logF(double x) {
            return -alpha * Math.log(x);
        }

        @Override
        public void logDerivatives(double x, double[] out) {
            out[0] = -alpha / x;
            out[1] = alpha / (x * x);
            out[2] = -2 * alpha / (x * x * x);
        }

        @Override
        public double logIntegral(double a, double b) {
            double v = b == Double.POSITIVE_INFINITY ? b : Math.log(b / a);
            return (1 - alpha) * Math.log(a) + Special.logExponentialIntegral(alpha - 1, v);
        }
    }
}
