package org.deeprg.fit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The exponential \( p(x) \propto e^{-\lambda x} \) on \( [x_{min}, x_{max}] \) (CSN Table 2.1). Continuous:
 * \( p(x) = e^{-\lambda(x - x_{min})}/I \), \( I = \int_0^{x_{max}-x_{min}} e^{-\lambda s}ds \) (\( = 1/\lambda \)
 * unbounded). Discrete: the (truncated) geometric law \( p(k) = e^{-\lambda(k - x_{min})}/G \),
 * \( G = \sum_{j=0}^{K} e^{-\lambda j} = (1 - e^{-\lambda(K+1)})/(1 - e^{-\lambda}) \), \( K = x_{max} - x_{min} \).
 * Any real \( \lambda \) when bounded, \( \lambda > 0 \) otherwise.
 */
public final class ExponentialDistribution extends TailDistribution {
    private static final long serialVersionUID = 1L;

    private final double lambda;
    private final double logNormaliser;

    /** @throws IllegalArgumentException if \( \lambda \) is not finite, or not positive on an unbounded support */
    public ExponentialDistribution(double lambda, Support support) {
        super(support);
        if (!Double.isFinite(lambda) || (!support.bounded() && !(lambda > 0))) {
            throw new IllegalArgumentException("an exponential on " + support + " needs a finite lambda"
                    + (support.bounded() ? "" : " > 0") + ", got " + lambda);
        }
        this.lambda = lambda;
        double span = support.xmax() - support.xmin();
        logNormaliser = support.discrete() ? logGeometric(lambda, span) : Special.logExponentialIntegral(lambda, span);
    }

    /** \( \ln \sum_{j=0}^{K} e^{-\lambda j} \) (K may be infinite). */
    static double logGeometric(double lambda, double k) {
        if (lambda == 0) {
            return Math.log(k + 1);
        }
        if (lambda > 0) {
            double top = k == Double.POSITIVE_INFINITY ? 0 : Special.log1mExp(-lambda * (k + 1));
            return top - Special.log1mExp(-lambda);
        }
        double r = -lambda;
        return r * k + Special.log1mExp(-r * (k + 1)) - Special.log1mExp(-r);
    }

    /** The rate. */
    public double lambda() {
        return lambda;
    }

    @Override
    public Model model() {
        return Model.EXPONENTIAL;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("lambda", lambda);
        return p;
    }

    @Override
    public double logDensity(double x) {
        return -lambda * (x - support().xmin()) - logNormaliser;
    }

    @Override
    double survivalInside(double x) {
        Support s = support();
        double offset = x - s.xmin();
        double rest = s.xmax() - x;
        if (s.discrete()) {
            return Math.min(1, Math.exp(-lambda * offset + logGeometric(lambda, rest) - logNormaliser));
        }
        if (rest <= 0) {
            return 0;
        }
        return Math.min(1, Math.exp(-lambda * offset + Special.logExponentialIntegral(lambda, rest) - logNormaliser));
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        Support s = support();
        double u = rng.nextDouble();
        if (s.discrete()) {
            double k = s.xmax() - s.xmin();
            double j;
            if (lambda == 0) {
                j = Math.floor(u * (k + 1));
            } else {
                double e = s.bounded() ? -Math.log1p(u * Math.expm1(-lambda * (k + 1))) : -Math.log1p(-u);
                j = Math.floor(e / lambda);
            }
            return s.xmin() + Math.max(0, Math.min(j, k));
        }
        double span = s.xmax() - s.xmin();
        double offset;
        if (!s.bounded()) {
            offset = -Math.log1p(-u) / lambda;
        } else if (lambda == 0) {
            offset = u * span;
        } else {
            offset = -Math.log1p(u * Math.expm1(-lambda * span)) / lambda;
        }
        return Math.min(s.xmin() + offset, s.xmax());
    }
}
