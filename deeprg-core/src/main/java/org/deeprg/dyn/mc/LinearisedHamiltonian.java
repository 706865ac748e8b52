package org.deeprg.dyn.mc;

import org.deeprg.InvalidInputException;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.DynParameters;
import org.deeprg.dyn.Example;

/**
 * Appendix A of Lee, Lee, Yi (2024) term by term: the new Hamiltonian (Eq. 13) of one example with the sigmoid replaced
 * by its linear expansion {@code sigma(a) = 1/2 + a/4} (the regime Eq. A2 assumes), written exactly as a polynomial of
 * degree two in the dynamic neurons {@code h^(m)_i}, m = 1..M (spin index {@code (m - 1) N + i}), for fixed W, b.
 *
 * <p>With {@code lambda_m = betaV/beta} (m &lt; M), {@code lambda_M = 1}, {@code a^(m)_i = sum_j W^(m)_ij h^(m)_j + b^(m)_i},
 * {@code h^(0) = x} and the target {@code t = h^(m+1)} (m &lt; M) or {@code y} (m = M), each term expands as
 * <pre>
 *   lambda (t - 1/2 - a/4)^2 = lambda [ t^2 - t - t a / 2 + 1/4 + a / 4 + a^2 / 16 ]
 * </pre>
 * which gives, in the neurons:
 * <ul>
 *   <li>{@link #interLayer}: {@code -(lambda_m/2) W^(m)_ij} between {@code h^(m+1)_i} and {@code h^(m)_j}, 1 &lt;= m &lt; M
 *       (Eq. A2 prints {@code +lambda_m W^(m)_ij});</li>
 *   <li>{@link #biasField}: {@code -(lambda_m/2) b^(m)_i} on {@code h^(m+1)_i}, m &lt; M (Eq. A2 prints {@code +lambda_m b});</li>
 *   <li>{@link #boundaryField}: the fixed input and target as fields, {@code -(lambda_0/2) sum_j W^(0)_ij x_j} on
 *       {@code h^(1)_i} and {@code -(lambda_M/2) sum_i y_i W^(M)_ij} on {@code h^(M)_j};</li>
 *   <li>{@link #uniformField}: {@code -lambda_m} on {@code h^(m+1)_i} (from {@code sigma(0) = 1/2}; not in Eq. A2);</li>
 *   <li>{@link #weightField}: {@code (lambda_m/4) sum_i W^(m)_ij} on {@code h^(m)_j}, m &gt;= 1 (first order in W; not in
 *       Eq. A2);</li>
 *   <li>{@link #biasWeightField}: {@code (lambda_m/8) sum_i b^(m)_i W^(m)_ij} on {@code h^(m)_j} (second order; not in
 *       Eq. A2);</li>
 *   <li>{@link #intraLayer}: {@code (lambda_m/8) sum_i W^(m)_ij W^(m)_ik} between {@code h^(m)_j} and {@code h^(m)_k},
 *       j &lt; k (second order; not in Eq. A2);</li>
 *   <li>{@link #onSite}: {@code lambda_m (h^(m+1)_i)^2 + (lambda_m/16) sum_i (W^(m)_ij)^2 (h^(m)_j)^2} (constants for
 *       Ising spins h = +-1, not for the sigmoid's h in (0, 1));</li>
 *   <li>{@link #constant}: the rest.</li>
 * </ul>
 * {@link #energy(double[])} sums them; it equals the dynamic-neuron Hamiltonian with the activation
 * {@code poly:0.5,0.25} exactly (tested against {@link DynEnsemble}).
 *
 * @param spins          M N
 * @param constant       the neuron-independent part
 * @param interLayer     [a][b] coefficient of {@code h_a h_b} between neighbouring layers (a in layer m+1, b in m; else 0)
 * @param intraLayer     [a][b] coefficient of {@code h_a h_b}, a &lt; b in the same layer (else 0)
 * @param onSite         coefficient of {@code h_a^2}
 * @param biasField      the bias part of the field on each spin
 * @param boundaryField  the input and target part of the field on each spin
 * @param uniformField   the {@code sigma(0)} part of the field on each spin
 * @param weightField    the first-order weight part of the field on each spin
 * @param biasWeightField the bias-times-weight part of the field on each spin
 */
public record LinearisedHamiltonian(int spins, double constant, double[][] interLayer, double[][] intraLayer, double[] onSite,
                                    double[] biasField, double[] boundaryField, double[] uniformField, double[] weightField,
                                    double[] biasWeightField) {
    /** Largest number of spins (dense coupling matrices). */
    public static final int MAX_SPINS = 4096;

    /** The decomposition for network parameters {@code p}, one example, beta &gt; 0 and betaV &gt;= 0. */
    public static LinearisedHamiltonian of(DynNetwork net, DynParameters p, Example ex, double beta, double betaV) {
        InvalidInputException.requirePositive("beta", beta);
        InvalidInputException.requireNonNegative("betaV", betaV);
        int n = net.width();
        int depth = net.depth();
        long s = (long) n * depth;
        if (s > MAX_SPINS) {
            throw new InvalidInputException("size", s + " spins", "at most " + MAX_SPINS + " spins for the dense decomposition");
        }
        int spins = (int) s;
        double[][] inter = new double[spins][spins];
        double[][] intra = new double[spins][spins];
        double[] onSite = new double[spins];
        double[] biasField = new double[spins];
        double[] boundary = new double[spins];
        double[] uniform = new double[spins];
        double[] weightField = new double[spins];
        double[] biasWeight = new double[spins];
        double c = 0;
        for (int m = 0; m <= depth; m++) {
            double lambda = m == depth ? 1 : betaV / beta;
            double[][] w = p.weights(m);
            double[] b = p.biases(m);
            for (int i = 0; i < n; i++) {
                int target = m < depth ? m * n + i : -1; // spin of h^(m+1)_i
                // t^2 - t + 1/4
                if (target >= 0) {
                    onSite[target] += lambda;
                    uniform[target] += -lambda;
                } else {
                    c += lambda * (ex.y()[i] * ex.y()[i] - ex.y()[i]);
                }
                c += lambda / 4;
                // -t a / 2 with a = sum_j W_ij h_j + b_i
                for (int j = 0; j < n; j++) {
                    if (m == 0) {
                        double in = ex.x()[j];
                        if (target >= 0) {
                            boundary[target] += -lambda / 2 * w[i][j] * in;
                        } else {
                            c += -lambda / 2 * ex.y()[i] * w[i][j] * in;
                        }
                    } else {
                        int src = (m - 1) * n + j; // spin of h^(m)_j
                        if (target >= 0) {
                            inter[target][src] += -lambda / 2 * w[i][j];
                        } else {
                            boundary[src] += -lambda / 2 * ex.y()[i] * w[i][j];
                        }
                    }
                }
                if (target >= 0) {
                    biasField[target] += -lambda / 2 * b[i];
                } else {
                    c += -lambda / 2 * ex.y()[i] * b[i];
                }
                // a / 4 + a^2 / 16
                double fixedPart = b[i];
                if (m == 0) {
                    for (int j = 0; j < n; j++) {
                        fixedPart += w[i][j] * ex.x()[j];
                    }
                    c += lambda / 4 * fixedPart + lambda / 16 * fixedPart * fixedPart;
                    continue;
                }
                c += lambda / 4 * b[i] + lambda / 16 * b[i] * b[i];
                for (int j = 0; j < n; j++) {
                    int sj = (m - 1) * n + j;
                    weightField[sj] += lambda / 4 * w[i][j];
                    biasWeight[sj] += lambda / 8 * b[i] * w[i][j];
                    onSite[sj] += lambda / 16 * w[i][j] * w[i][j];
                    for (int k = j + 1; k < n; k++) {
                        intra[sj][(m - 1) * n + k] += lambda / 8 * w[i][j] * w[i][k];
                    }
                }
            }
        }
        return new LinearisedHamiltonian(spins, c, inter, intra, onSite, biasField, boundary, uniform, weightField, biasWeight);
    }

    /** The total field on each spin (the sum of the five field parts). */
    public double[] field() {
        double[] f = new double[spins];
        for (int a = 0; a < spins; a++) {
            f[a] = biasField[a] + boundaryField[a] + uniformField[a] + weightField[a] + biasWeightField[a];
        }
        return f;
    }

    /** The linearised H_new at neurons {@code h} (length M N, spin order). */
    public double energy(double[] h) {
        double e = constant;
        double[] f = field();
        for (int a = 0; a < spins; a++) {
            e += f[a] * h[a] + onSite[a] * h[a] * h[a];
            for (int b = 0; b < spins; b++) {
                double j = interLayer[a][b] + intraLayer[a][b];
                if (j != 0) {
                    e += j * h[a] * h[b];
                }
            }
        }
        return e;
    }
}
