package org.deeprg.dyn.mc;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.DynParameters;
import org.deeprg.dyn.Example;

/**
 * The Edwards-Anderson form of the dynamic-neuron Hamiltonian (Lee, Lee, Yi 2024, Appendix A, Eq. A2): for a
 * sigmoid network in the linear regime,
 * {@code H = sum lambda_m W^(m)_ij h^(m+1)_i h^(m)_j + sum lambda_m b^(m)_i h^(m+1)_i + c_W sum W^2 + c_b sum b^2},
 * read as an Ising spin glass (Eq. A1) {@code H = sum_<ab> J_ab s_a s_b + sum_a K_a s_a} over spins
 * {@code s = h^(m)_i in {-1, 1}}, m = 1..M, with couplings {@code J = lambda_m W^(m)} between layers m+1 and m and
 * fields {@code K = lambda_m b^(m)}; {@code lambda_m = betaV/beta} for m &lt; M, {@code lambda_M = 1}. The fixed
 * boundary layers become fields: the input {@code h^(0) = x} adds {@code lambda_0 sum_j W^(0)_ij x_j} to the field
 * on {@code h^(1)_i}, and the target {@code h^(M+1) = y} adds {@code lambda_M sum_i y_i W^(M)_ij} to the field on
 * {@code h^(M)_j}; the M-th bias multiplies the fixed y and is a constant.
 *
 * <p>Derivation note (documented, not hidden): expanding {@code sigma(a) = 1/2 + a/4 + O(a^3)} in
 * {@code lambda (h_i - sigma(a_i))^2} gives the bilinear term {@code -(lambda/2) W_ij h_i h_j} plus an
 * intra-layer term {@code (lambda/16) a_i^2} and shifts; Eq. (A2) keeps only the inter-layer bilinear and the
 * linear terms with the proportionality constant absorbed into lambda_m. The sign of J is immaterial for
 * Gaussian couplings (W -> -W is a symmetry of the disorder distribution). We follow Eq. (A2) as written.
 *
 * <p>The regularisers make the disorder Gaussian: {@code exp(-beta c_W W^2)} gives W ~ N(0, 1/(2 beta c_W)).
 *
 * <p>Spin index of {@code h^(m)_i}: {@code (m - 1) N + i}.
 *
 * @param spins     number of spins M N
 * @param couplings the bonds (a, b, J) with a in layer m + 1, b in layer m
 * @param fields    K_a for every spin
 */
public record SpinGlassCouplings(int spins, List<Bond> couplings, double[] fields) {

    /** One coupling J between spins a and b. */
    @JsonPropertyOrder({"a", "b", "j"})
    public record Bond(int a, int b, double j) {
    }

    /** Eq. (A2) couplings of a network (W, b), one example, and lambda_m from beta and betaV. */
    public static SpinGlassCouplings of(DynNetwork net, DynParameters p, Example example, double beta, double betaV) {
        InvalidInputException.requirePositive("beta", beta);
        int n = net.width();
        int depth = net.depth();
        double lambda = betaV / beta;
        List<Bond> bonds = new ArrayList<>();
        double[] k = new double[depth * n];
        for (int m = 1; m < depth; m++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    bonds.add(new Bond(m * n + i, (m - 1) * n + j, lambda * p.weights(m)[i][j]));
                }
            }
        }
        for (int m = 0; m < depth; m++) {
            for (int i = 0; i < n; i++) {
                k[m * n + i] += lambda * p.biases(m)[i];
            }
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += p.weights(0)[i][j] * example.x()[j];
            }
            k[i] += lambda * s;
        }
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += example.y()[i] * p.weights(depth)[i][j];
            }
            k[(depth - 1) * n + j] += s;
        }
        return new SpinGlassCouplings(depth * n, List.copyOf(bonds), k);
    }

    /** {@code H(s) = sum J_ab s_a s_b + sum K_a s_a}. */
    public double energy(double[] s) {
        double e = 0;
        for (Bond b : couplings) {
            e += b.j() * s[b.a()] * s[b.b()];
        }
        for (int a = 0; a < spins; a++) {
            e += fields[a] * s[a];
        }
        return e;
    }
}
