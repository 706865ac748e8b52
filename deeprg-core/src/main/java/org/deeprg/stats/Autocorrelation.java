package org.deeprg.stats;

/**
 * Autocorrelation analysis of a Monte Carlo time series.
 *
 * <p>Normalised autocorrelation {@code rho(t) = C(t)/C(0)} with {@code C(t) = <(x_i - m)(x_{i+t} - m)>}, and
 * the integrated autocorrelation time {@code tau_int = 1/2 + sum_{t=1}^{W} rho(t)} with Sokal's automatic
 * window: the smallest {@code W} with {@code W >= c tau_int(W)}, {@code c = 6} (A. D. Sokal, "Monte Carlo
 * methods in statistical mechanics", 1996). In this convention independent samples have tau_int = 1/2 and
 * the variance of the mean is {@code 2 tau_int Var(x)/n}.
 *
 * <p>The sum is computed directly up to the window (the window is found incrementally), which costs
 * {@code O(n W)}: fine for the series lengths deeprg stores; use batch means for longer ones.
 */
public final class Autocorrelation {
    /** Sokal's window constant. */
    public static final double WINDOW_CONSTANT = 6.0;

    private Autocorrelation() {
    }

    /** Mean, variance (biased, 1/n), tau_int and the window used. */
    public record Result(double mean, double variance, double tauInt, int window) {
    }

    /** Full analysis of the series {@code xs}. Not modified. */
    public static Result analyse(double[] xs) {
        int n = xs.length;
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= n;
        double c0 = 0;
        for (double x : xs) {
            c0 += (x - mean) * (x - mean);
        }
        c0 /= n;
        if (c0 == 0 || n < 4) {
            return new Result(mean, c0, 0.5, 0);
        }
        double tau = 0.5;
        int maxLag = n / 2;
        int window = 0;
        for (int t = 1; t < maxLag; t++) {
            double ct = 0;
            for (int i = 0; i + t < n; i++) {
                ct += (xs[i] - mean) * (xs[i + t] - mean);
            }
            ct /= n;
            tau += ct / c0;
            window = t;
            if (t >= WINDOW_CONSTANT * tau) {
                break;
            }
        }
        return new Result(mean, c0, Math.max(tau, 0.5), window);
    }

    /** The integrated autocorrelation time (Sokal windowing). */
    public static double integratedTime(double[] xs) {
        return analyse(xs).tauInt();
    }

    /** Normalised autocorrelation function rho(t) for t = 0..maxLag. */
    public static double[] function(double[] xs, int maxLag) {
        int n = xs.length;
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= n;
        double[] rho = new double[maxLag + 1];
        for (int t = 0; t <= maxLag && t < n; t++) {
            double ct = 0;
            for (int i = 0; i + t < n; i++) {
                ct += (xs[i] - mean) * (xs[i + t] - mean);
            }
            rho[t] = ct / n;
        }
        double c0 = rho[0];
        for (int t = 0; t <= maxLag; t++) {
            rho[t] = c0 == 0 ? 0 : rho[t] / c0;
        }
        return rho;
    }
}
