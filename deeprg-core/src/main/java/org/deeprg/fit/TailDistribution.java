package org.deeprg.fit;

import java.io.Serializable;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A fitted (or given) distribution of the tail of a sample on its {@link Support} \( [x_{min}, x_{max}] \),
 * continuous or discrete, normalised on that support: what the likelihood-ratio tests compare, what the plots draw and
 * what the bootstrap samples from.
 *
 * <p>Discrete distributions put mass \( p(k) = f(k)/\sum_{j=x_{min}}^{x_{max}} f(j) \) on the integers, where
 * \( f \) is the continuous form of the family; the normalising sums are exact (Hurwitz zeta, geometric sums, or
 * explicit terms plus Euler-Maclaurin where the terms are smooth: {@link DiscreteSum}).
 *
 * <p>Instances are immutable and serialisable (a bootstrap task may carry one to another machine).
 */
public abstract sealed class TailDistribution implements Serializable
        permits PowerLawDistribution, ExponentialDistribution, StretchedExponentialDistribution, LognormalDistribution,
        TruncatedPowerLawDistribution {
    private static final long serialVersionUID = 1L;

    private final Support support;
    private transient volatile DiscreteSampler discreteSampler;

    TailDistribution(Support support) {
        this.support = support;
    }

    /** The family. */
    public abstract Model model();

    /**
     * The parameters by name, in the conventions of {@link Model} (a parameter that is infinite at the fit, such as
     * the lognormal's \( \sigma \) in its power-law limit, is null).
     */
    public abstract Map<String, Double> parameters();

    /** Where the distribution lives. */
    public final Support support() {
        return support;
    }

    /** \( \ln p(x) \): the log density (continuous) or log mass (discrete) at x, which must lie in the support. */
    public abstract double logDensity(double x);

    /** \( P(X \ge x) \) for x in the support (an integer for discrete distributions), x above xmin. */
    abstract double survivalInside(double x);

    /** \( P(X \ge x) \) for any real x (1 at or below \( x_{min} \), 0 above \( x_{max} \)). */
    public final double survival(double x) {
        double at = support.discrete() ? Math.ceil(x) : x;
        if (at <= support.xmin()) {
            return 1;
        }
        if (at > support.xmax()) {
            return 0;
        }
        return survivalInside(at);
    }

    /** \( P(X \le x) \) for any real x. */
    public final double cdf(double x) {
        if (support.discrete()) {
            return 1 - survival(Math.floor(x) + 1);
        }
        return 1 - survival(x);
    }

    /**
     * One random draw (inverse transform, exact rejection, or for discrete families an exact table of the first
     * integers and an inverse-survival search beyond it). Uses only {@code rng}: the same generator state gives the
     * same value.
     */
    public double sample(UniformRandomProvider rng) {
        return discreteSampler().sample(rng);
    }

    /** {@code count} independent draws. */
    public final double[] sample(int count, UniformRandomProvider rng) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = sample(rng);
        }
        return out;
    }

    /** A starting point for the inverse-survival search of a discrete sampler (NaN: none). */
    double discreteGuess(double u) {
        return Double.NaN;
    }

    final DiscreteSampler discreteSampler() {
        DiscreteSampler s = discreteSampler;
        if (s == null) {
            synchronized (this) {
                s = discreteSampler;
                if (s == null) {
                    s = new DiscreteSampler(this);
                    discreteSampler = s;
                }
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return model().key() + parameters() + " on " + support;
    }
}
