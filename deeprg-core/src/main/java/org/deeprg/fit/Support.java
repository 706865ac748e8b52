package org.deeprg.fit;

import java.io.Serializable;

/**
 * Where a tail distribution lives: \( [x_{min}, x_{max}] \) (\( x_{max} = +\infty \) for an unbounded tail), over the
 * reals or over the integers.
 *
 * @param xmin     lower bound (included; an integer for discrete data)
 * @param xmax     upper bound (included), {@code Double.POSITIVE_INFINITY} when unbounded
 * @param discrete integers only
 */
public record Support(double xmin, double xmax, boolean discrete) implements Serializable {
    public Support {
        if (!(xmin > 0) || Double.isInfinite(xmin) || !(xmax > xmin)) {
            throw new IllegalArgumentException("support needs 0 < xmin < xmax, got [" + xmin + ", " + xmax + "]");
        }
        if (discrete && (xmin != Math.rint(xmin) || (Double.isFinite(xmax) && xmax != Math.rint(xmax)))) {
            throw new IllegalArgumentException("a discrete support needs integer bounds, got [" + xmin + ", " + xmax + "]");
        }
    }

    /** True when \( x_{max} \) is finite. */
    public boolean bounded() {
        return xmax != Double.POSITIVE_INFINITY;
    }

    /** \( \ln(x_{max}/x_{min}) \) (\( +\infty \) when unbounded). */
    public double logRange() {
        return bounded() ? Math.log(xmax / xmin) : Double.POSITIVE_INFINITY;
    }

    /** Whether x lies in the support. */
    public boolean contains(double x) {
        return x >= xmin && x <= xmax && (!discrete || x == Math.rint(x));
    }
}
