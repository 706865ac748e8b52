package org.deeprg.fit;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * One-dimensional maximisation of unimodal (in particular concave) log-likelihoods on an interval
 * \( [lo, hi] \) (either end may be infinite): bracketing by geometric expansion from a starting point, then
 * Brent's method (Hipparchus) to a relative tolerance of \( 10^{-12} \). Values that are NaN or \( -\infty \)
 * (outside a parameter domain) count as \( -\infty \). The ends of the interval are candidates too, so a maximum on
 * a constraint (\( \lambda = 0 \), \( \sigma \to \infty \)) is found exactly.
 */
final class Maximise {
    private static final double REL = 1e-12;

    private Maximise() {
    }

    /** A point and its value. */
    record Point(double x, double value) {
    }

    private static double eval(DoubleUnaryOperator f, double x) {
        double v = f.applyAsDouble(x);
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    /**
     * The maximiser of {@code f} on \( [lo, hi] \), starting at {@code x0} with first step {@code step} (> 0).
     * {@code f} must be unimodal on the interval (concave log-likelihoods are); {@code x0} must give a finite value.
     */
    static Point maximise(DoubleUnaryOperator f, double x0, double step, double lo, double hi) {
        double x = Math.min(Math.max(x0, lo), hi);
        double fx = eval(f, x);
        double right = Math.min(x + step, hi);
        double fRight = right == x ? Double.NEGATIVE_INFINITY : eval(f, right);
        double a;
        double b;
        Point best = new Point(x, fx);
        if (fRight > fx) {
            // climb to the right
            double h = step;
            double previous = x;
            double mid = right;
            double fMid = fRight;
            while (true) {
                h *= 2;
                double next = Math.min(mid + h, hi);
                if (next == mid) {
                    a = previous;
                    b = hi;
                    best = better(best, new Point(mid, fMid));
                    break;
                }
                double fNext = eval(f, next);
                if (fNext < fMid || Double.isInfinite(h)) {
                    a = previous;
                    b = next;
                    best = better(best, new Point(mid, fMid));
                    break;
                }
                previous = mid;
                mid = next;
                fMid = fNext;
            }
        } else {
            double left = Math.max(x - step, lo);
            double fLeft = left == x ? Double.NEGATIVE_INFINITY : eval(f, left);
            if (fLeft > fx) {
                double h = step;
                double previous = x;
                double mid = left;
                double fMid = fLeft;
                while (true) {
                    h *= 2;
                    double next = Math.max(mid - h, lo);
                    if (next == mid) {
                        a = lo;
                        b = previous;
                        best = better(best, new Point(mid, fMid));
                        break;
                    }
                    double fNext = eval(f, next);
                    if (fNext < fMid || Double.isInfinite(h)) {
                        a = next;
                        b = previous;
                        best = better(best, new Point(mid, fMid));
                        break;
                    }
                    previous = mid;
                    mid = next;
                    fMid = fNext;
                }
            } else {
                a = left;
                b = right;
            }
        }
        if (b > a) {
            double start = Math.min(Math.max(best.x(), a), b);
            double abs = 1e-300 + 1e-15 * Math.max(Math.abs(a), Math.abs(b));
            UnivariatePointValuePair r = new BrentOptimizer(REL, abs).optimize(new MaxEval(1000),
                    new UnivariateObjectiveFunction(t -> {
                        double v = eval(f, t);
                        return v == Double.NEGATIVE_INFINITY ? -Double.MAX_VALUE : v;
                    }), GoalType.MAXIMIZE, new SearchInterval(a, b, start));
            best = better(best, new Point(r.getPoint(), eval(f, r.getPoint())));
            // an end of the interval may be the answer (a constraint); Brent only approaches it
            if (a == lo && Double.isFinite(lo)) {
                best = better(best, new Point(lo, eval(f, lo)));
            }
            if (b == hi && Double.isFinite(hi)) {
                best = better(best, new Point(hi, eval(f, hi)));
            }
        }
        return best;
    }

    private static Point better(Point p, Point q) {
        return q.value() > p.value() ? q : p;
    }
}
