package org.deeprg.qft;

import java.util.Locale;

/**
 * The tail diagnostic that decides whether the bag-to-bag standard error of a sampled n-point function can be
 * trusted.
 *
 * <p>The standard error is the scatter of {@code B} bag means over {@code sqrt(B)}; it is reliable when the bag means
 * are close to Gaussian. Heavy tails of the per-network contributions (lognormal products of the Gauss-net, Eq. 3)
 * make the bag means skewed and leptokurtic: the bag scatter then underestimates the error (the rare large draws that
 * carry the mean are missing from most bags) and the mean sits below the truth. The diagnostic is the estimated
 * <em>excess kurtosis of one bag mean</em>,
 * <pre>
 *   X = (kappa_b - 3) b / n_bag,
 * </pre>
 * from the sample kurtosis {@code kappa_b = m_4 / m_2^2} of the sums of all full batches of {@code b = 64} networks
 * (thousands of batches per run, so the tail is seen almost network by network; for a finite fourth moment the
 * excess kurtosis of a mean of n independent terms is the single-term one over n). The error bar is flagged
 * unreliable when {@code X > } {@link #MAX_BAG_EXCESS_KURTOSIS} or when fewer than {@link #MIN_BATCHES} full batches
 * exist (too few networks to test the tail).
 *
 * <p>Calibration (docs/qft.md, {@code HeavyTailsTest}): at the example (Gauss-net, sigma_W = 1.3,
 * sigma_b = 0.5, N = 7, four points up to 0.9, 20 x 20000 networks) this flags every function whose sampled mean is
 * more than 4 standard errors from the exact value, and none of those whose exact per-network fourth moment says the
 * tail is light. The test uses the exact 2n- and 4n-point functions ({@link ExactMoments}) as the independent route.
 */
public final class HeavyTails {
    /** Largest estimated excess kurtosis of a bag mean for which the bag standard error is trusted. */
    public static final double MAX_BAG_EXCESS_KURTOSIS = 0.3;
    /** Fewest full batches for the tail test. */
    public static final int MIN_BATCHES = 50;

    private HeavyTails() {
    }

    /**
     * The verdict on one error bar.
     *
     * @param value             the estimated excess kurtosis of one bag mean (NaN when it cannot be estimated)
     * @param batchKurtosis     the sample kurtosis of the batch sums (3 for Gaussian batch sums)
     * @param batches           the number of full batches behind it
     * @param unreliableBecause null when the error bar is trusted, else why not
     */
    public record Diagnostic(double value, double batchKurtosis, long batches, String unreliableBecause) {
        /** Whether the standard error can be trusted. */
        public boolean reliable() {
            return unreliableBecause == null;
        }
    }

    /**
     * The diagnostic of one slot from the sums over full batches of {@code y, y^2, y^3, y^4}
     * ({@link NPointAccumulator#powerSums()}).
     *
     * @param s1        sum of y
     * @param s2        sum of y^2
     * @param s3        sum of y^3
     * @param s4        sum of y^4
     * @param batches   number of full batches
     * @param batchSize networks per batch
     * @param netsPerBag networks per bag
     */
    public static Diagnostic of(double s1, double s2, double s3, double s4, long batches, int batchSize, int netsPerBag) {
        if (batches < 2) {
            return new Diagnostic(Double.NaN, Double.NaN, batches, String.format(Locale.ROOT,
                    "too few networks to test the tail: %d full batches of %d networks (at least %d needed)", batches, batchSize, MIN_BATCHES));
        }
        double c = batches;
        double mu = s1 / c;
        double m2 = s2 / c - mu * mu;
        double m4 = s4 / c - 4 * mu * s3 / c + 6 * mu * mu * s2 / c - 3 * mu * mu * mu * mu;
        if (!(m2 > 1e-14 * (s2 / c)) || !Double.isFinite(m4)) {
            // no spread between batches at all (a constant contribution): nothing heavy-tailed
            return new Diagnostic(0.0, Double.NaN, batches, batches < MIN_BATCHES ? tooFew(batches, batchSize) : null);
        }
        double kurtosis = m4 / (m2 * m2);
        double x = (kurtosis - 3) * batchSize / netsPerBag;
        String why = null;
        if (batches < MIN_BATCHES) {
            why = tooFew(batches, batchSize);
        } else if (x > MAX_BAG_EXCESS_KURTOSIS) {
            why = String.format(Locale.ROOT, "heavy tails: a bag mean's excess kurtosis is estimated at %.3g (> %.1f; kurtosis %.3g of %d sums of "
                    + "%d networks), so the bag-to-bag error underestimates the error", x, MAX_BAG_EXCESS_KURTOSIS, kurtosis, batches, batchSize);
        }
        return new Diagnostic(x, kurtosis, batches, why);
    }

    private static String tooFew(long batches, int batchSize) {
        return String.format(Locale.ROOT, "too few networks to test the tail: %d full batches of %d networks (at least %d needed)",
                batches, batchSize, MIN_BATCHES);
    }
}
