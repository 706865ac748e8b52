package org.deeprg.fit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The stretched exponential (Weibull tail) \( p(x) \propto x^{\beta-1} e^{-(\lambda x)^\beta} \), \( \lambda, \beta > 0 \),
 * on \( [x_{min}, x_{max}] \) (CSN Table 2.1; the {@code powerlaw} package's {@code stretched_exponential}).
 *
 * <p>Held as \( (\nu, \beta) \) with \( \nu = \beta(\lambda x_{min})^\beta \): with \( u = \ln(x/x_{min}) \) and
 * \( g_\beta(u) = (e^{\beta u} - 1)/\beta \) (\( = u \) at \( \beta = 0 \)), the continuous density is
 * \[ p(x) = \frac{\nu}{x_{min}}\, \frac{e^{(\beta-1)u - \nu g_\beta(u)}}{1 - e^{-\nu g_\beta(V)}} \]
 * (the denominator is 1 unbounded), the survival \( e^{-\nu g_\beta(u)} \) (unbounded), sampled by inversion. In
 * these coordinates \( \beta \to 0 \) is a regular point, where the law is the power law \( \alpha = 1 + \nu \): the
 * maximum-likelihood stretched exponential of power-law data lies there (then \( \lambda \) is infinite and reported
 * as null). Discrete: \( p(k) = k^{\beta-1} e^{-\nu g_\beta(u_k)}/Z \) with the exact sum Z ({@link DiscreteSum}).
 */
public final class StretchedExponentialDistribution extends TailDistribution {
    private static final long serialVersionUID = 1L;

    private final double nu;
    private final double beta;
    private final double logNormaliser;

    /**
     * @param nu   \( \nu = \beta(\lambda x_{min})^\beta > 0 \)
     * @param beta \( \beta \ge 0 \) (0: the power-law limit)
     * @throws IllegalArgumentException unless \( \nu > 0 \), \( \beta \ge 0 \), both finite
     */
    StretchedExponentialDistribution(double nu, double beta, Support support) {
        super(support);
        if (!(nu > 0) || !(beta >= 0) || Double.isInfinite(nu) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("a stretched exponential needs finite nu > 0 and beta >= 0, got " + nu + ", " + beta);
        }
        this.nu = nu;
        this.beta = beta;
        if (support.discrete()) {
            logNormaliser = DiscreteSum.logSum(new Weibull(nu, beta, support.xmin()), support.xmin(), support.xmax());
        } else {
            double cut = support.bounded() ? Special.log1mExp(-nu * g(beta, support.logRange())) : 0;
            logNormaliser = Math.log(support.xmin()) - Math.log(nu) + cut;
        }
        if (!Double.isFinite(logNormaliser)) {
            throw new IllegalArgumentException("stretched exponential nu = " + nu + ", beta = " + beta + " cannot be normalised on " + support);
        }
    }

    /** From the rate \( \lambda > 0 \) and \( \beta > 0 \). */
    public static StretchedExponentialDistribution of(double lambda, double beta, Support support) {
        if (!(lambda > 0) || !(beta > 0)) {
            throw new IllegalArgumentException("a stretched exponential needs lambda, beta > 0, got " + lambda + ", " + beta);
        }
        return new StretchedExponentialDistribution(beta * Math.pow(lambda * support.xmin(), beta), beta, support);
    }

    /** \( g_\beta(u) = (e^{\beta u} - 1)/\beta \), u at beta = 0. */
    static double g(double beta, double u) {
        return beta == 0 ? u : Math.expm1(beta * u) / beta;
    }

    /** \( \nu = \beta(\lambda x_{min})^\beta \). */
    public double nu() {
        return nu;
    }

    /** The stretching exponent \( \beta \). */
    public double beta() {
        return beta;
    }

    /** The rate \( \lambda = (\nu/\beta)^{1/\beta}/x_{min} \) (infinite at \( \beta = 0 \) or beyond double range). */
    public double lambda() {
        if (beta == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.exp((Math.log(nu) - Math.log(beta)) / beta) / support().xmin();
    }

    @Override
    public Model model() {
        return Model.STRETCHED_EXPONENTIAL;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        double lambda = lambda();
        p.put("lambda", Double.isFinite(lambda) ? lambda : null);
        p.put("beta", beta);
        return p;
    }

    @Override
    public double logDensity(double x) {
        double u = Math.log(x / support().xmin());
        if (support().discrete()) {
            return (beta - 1) * Math.log(x) - nu * g(beta, u) - logNormaliser;
        }
        return (beta - 1) * u - nu * g(beta, u) - logNormaliser;
    }

    @Override
    double survivalInside(double x) {
        Support s = support();
        if (s.discrete()) {
            return Math.min(1, Math.exp(DiscreteSum.logSum(new Weibull(nu, beta, s.xmin()), x, s.xmax()) - logNormaliser));
        }
        double here = -nu * g(beta, Math.log(x / s.xmin()));
        if (!s.bounded()) {
            return Math.exp(here);
        }
        double end = -nu * g(beta, s.logRange());
        if (here <= end) {
            return 0;
        }
        return Math.exp(Special.logDiffExp(here, end) - Special.log1mExp(end));
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        Support s = support();
        if (s.discrete()) {
            return super.sample(rng);
        }
        double w = rng.nextDouble();
        if (s.bounded()) {
            w *= -Math.expm1(-nu * g(beta, s.logRange()));
        }
        double gValue = -Math.log1p(-w) / nu;
        double u = beta == 0 ? gValue : Math.log1p(beta * gValue) / beta;
        return Math.min(s.xmin() * Math.exp(u), s.xmax());
    }

    /** \( f(x) = x^{\beta-1} e^{-\nu g_\beta(\ln(x/x_{min}))} \) for {@link DiscreteSum}. */
    record Weibull(double nu, double beta, double xmin) implements LogSmooth {
        @Override
        public double logF(double x) {
            return (beta - 1) * Math.log(x) - nu * g(beta, Math.log(x / xmin));
        }

        @Override
        public void logDerivatives(double x, double[] out) {
            double w = Math.exp(beta * Math.log(x / xmin));
            double nw = nu * w;
            out[0] = ((beta - 1) - nw) / x;
            out[1] = (-(beta - 1) - nw * (beta - 1)) / (x * x);
            out[2] = (2 * (beta - 1) - nw * (beta - 1) * (beta - 2)) / (x * x * x);
        }

        @Override
        public double logIntegral(double a, double b) {
            double at = -nu * g(beta, Math.log(a / xmin));
            double bt = b == Double.POSITIVE_INFINITY ? Double.NEGATIVE_INFINITY : -nu * g(beta, Math.log(b / xmin));
            return beta * Math.log(xmin) - Math.log(nu) + Special.logDiffExp(at, bt);
        }
    }
}
