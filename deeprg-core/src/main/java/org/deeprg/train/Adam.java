package org.deeprg.train;

/**
 * Adam (Kingma and Ba 2015) without gradient clipping: \( m \leftarrow \beta_1 m + (1-\beta_1) g \),
 * \( v \leftarrow \beta_2 v + (1-\beta_2) g^2 \), \( \theta \leftarrow \theta - \eta\, \hat m/(\sqrt{\hat v} + \epsilon) \)
 * with the bias corrections \( \hat m = m/(1-\beta_1^t) \), \( \hat v = v/(1-\beta_2^t) \).
 */
public final class Adam {
    /** First-moment decay. */
    public static final double BETA1 = 0.9;
    /** Second-moment decay. */
    public static final double BETA2 = 0.999;
    /** Denominator offset. */
    public static final double EPSILON = 1e-8;

    private Adam() {
    }

    /**
     * One update of {@code theta} (Modified) with gradient {@code g} (not modified) and moments {@code m}, {@code v}
     * (Modified); {@code t >= 1} is the step number.
     */
    static void update(double[] theta, double[] g, double[] m, double[] v, long t, double learningRate) {
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        double stepSize = learningRate / c1;
        double inverseSqrtC2 = 1 / Math.sqrt(c2);
        for (int i = 0; i < theta.length; i++) {
            double gi = g[i];
            double mi = BETA1 * m[i] + (1 - BETA1) * gi;
            double vi = BETA2 * v[i] + (1 - BETA2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            theta[i] -= stepSize * mi / (Math.sqrt(vi) * inverseSqrtC2 + EPSILON);
        }
    }
}
