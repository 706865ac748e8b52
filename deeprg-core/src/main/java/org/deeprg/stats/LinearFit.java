package org.deeprg.stats;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Weighted least-squares straight line {@code y = intercept + slope x} with the parameter covariance.
 *
 * <p>With weights {@code w_i = 1/sigma_i^2} the covariance is the inverse normal matrix (errors taken as known);
 * {@link #chiSquare()} and {@link #degreesOfFreedom()} let the caller judge the fit. With no errors given
 * (ordinary least squares), the covariance is scaled by the residual variance {@code chi^2/(n-2)}. For a
 * power law {@code y = A x^k} fit {@code ln y} against {@code ln x} with {@code sigma_ln y = sigma_y/y}. Two points
 * give the line through them ({@code degreesOfFreedom = 0}; the ordinary fit then has NaN errors).
 *
 * @param slope            slope
 * @param slopeStderr      its standard error
 * @param intercept        intercept
 * @param interceptStderr  its standard error
 * @param covariance       cov(intercept, slope)
 * @param chiSquare        weighted sum of squared residuals
 * @param degreesOfFreedom n - 2
 */
public record LinearFit(double slope, double slopeStderr, double intercept, double interceptStderr,
                        double covariance, double chiSquare, int degreesOfFreedom) {

    /** Weighted fit with standard errors {@code sigma} on y (all > 0); at least two points. */
    public static LinearFit weighted(double[] x, double[] y, double[] sigma) {
        int n = x.length;
        if (n < 2 || y.length != n || sigma.length != n) {
            throw new IllegalArgumentException("need at least 2 points of equal length, got " + n);
        }
        double s = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            if (!(sigma[i] > 0)) {
                throw new IllegalArgumentException("sigma[" + i + "] must be > 0, got " + sigma[i]);
            }
            double w = 1 / (sigma[i] * sigma[i]);
            s += w;
            sx += w * x[i];
            sy += w * y[i];
            sxx += w * x[i] * x[i];
            sxy += w * x[i] * y[i];
        }
        double det = s * sxx - sx * sx;
        double slope = (s * sxy - sx * sy) / det;
        double intercept = (sxx * sy - sx * sxy) / det;
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            double r = (y[i] - intercept - slope * x[i]) / sigma[i];
            chi2 += r * r;
        }
        return new LinearFit(slope, Math.sqrt(s / det), intercept, Math.sqrt(sxx / det), -sx / det, chi2, n - 2);
    }

    /** Ordinary least squares; errors from the residual scatter. */
    public static LinearFit ordinary(double[] x, double[] y) {
        double[] ones = new double[x.length];
        java.util.Arrays.fill(ones, 1.0);
        LinearFit f = weighted(x, y, ones);
        double scale = f.degreesOfFreedom > 0 ? f.chiSquare / f.degreesOfFreedom : Double.NaN;
        double r = Math.sqrt(scale);
        return new LinearFit(f.slope, f.slopeStderr * r, f.intercept, f.interceptStderr * r, f.covariance * scale,
                f.chiSquare, f.degreesOfFreedom);
    }

    /** Slope as an {@link Estimate}. */
    @JsonIgnore
    public Estimate slopeEstimate() {
        return Estimate.of(slope, slopeStderr, degreesOfFreedom + 2L);
    }

    /** The fitted line at x. */
    public double at(double x) {
        return intercept + slope * x;
    }
}
