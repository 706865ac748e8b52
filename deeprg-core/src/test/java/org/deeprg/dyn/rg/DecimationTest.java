package org.deeprg.dyn.rg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.dyn.Alphabet;
import org.deeprg.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** Decimation RG: closed form (Eq. 26) against the numerical decimation, fixed points (Eqs. 28-29), Jacobian (Eq. 33). */
class DecimationTest {

    /** (e^A, e^B, e^C) -> coupling order of DecimationMap for N = L = 1: (e^C = x_sigma, e^B = x_h, e^A = x_sigma h). */
    static double[] toMap(double[] abc) {
        return new double[] {abc[2], abc[1], abc[0]};
    }

    @Test
    void closedFormEq26EqualsNumericalDecimation() {
        DecimationMap map = DecimationMap.lee2024();
        UniformRandomProvider rng = RandomStreams.root(1).generator();
        for (int k = 0; k < 200; k++) {
            double[] xyz = new double[3];
            for (int i = 0; i < 3; i++) {
                xyz[i] = Math.exp(4 * rng.nextDouble() - 2) * (k % 2 == 0 ? 1 : (rng.nextBoolean() ? 1 : -1));
            }
            double[] closed = Lee2024Recursion.mapExp(xyz);
            double[] numeric = map.apply(toMap(xyz));
            double[] back = {numeric[2], numeric[1], numeric[0]};
            for (int i = 0; i < 3; i++) {
                assertThat(back[i]).isCloseTo(closed[i], within(1e-12 * (1 + Math.abs(closed[i]))));
            }
        }
    }

    @Test
    void logSpaceMapEqualsExponentialMap() {
        for (DecimationMap map : List.of(DecimationMap.lee2024(), new DecimationMap(2, 1, Alphabet.TERNARY_WEIGHTS, 3),
                new DecimationMap(1, 2, Alphabet.BINARY_WEIGHTS, 2))) {
            UniformRandomProvider rng = RandomStreams.root(2).generator();
            double[] k = new double[map.dimension()];
            for (int i = 0; i < k.length; i++) {
                k[i] = 2 * rng.nextDouble() - 1;
            }
            double[] x = new double[k.length];
            for (int i = 0; i < k.length; i++) {
                x[i] = Math.exp(k[i]);
            }
            double[] viaExp = map.apply(x);
            double[] viaLog = map.applyLog(k);
            for (int i = 0; i < k.length; i++) {
                assertThat(viaLog[i]).isCloseTo(Math.log(viaExp[i]), within(1e-10));
            }
        }
        // huge betaV stays finite in log space
        double[] k = DecimationMap.lee2024().applyLog(DecimationMap.lee2024().bareCouplings(1000));
        for (double v : k) {
            assertThat(v).isFinite();
        }
    }

    @Test
    void decimationPreservesThePartitionFunctionOfAClosedChain() {
        // Tr (K P)^4 = K'(0,0)^2 Tr (K'_normalised P)^2 for b = 2: the map loses nothing but the constant
        DecimationMap map = new DecimationMap(1, 2, Alphabet.TERNARY_WEIGHTS, 2);
        UniformRandomProvider rng = RandomStreams.root(3).generator();
        double[] x = new double[map.dimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.exp(rng.nextDouble() - 0.5);
        }
        double[][] t = map.chainTransferMatrix(x);
        double[][] t2 = DecimationMap.multiply(t, t);
        double[][] t4 = DecimationMap.multiply(t2, t2);
        double[][] k = map.kernel(x);
        double norm = DecimationMap.multiply(DecimationMap.multiply(k, map.countingMatrix()), k)[0][0];
        double[][] tp = map.chainTransferMatrix(map.apply(x));
        double[][] tp2 = DecimationMap.multiply(tp, tp);
        assertThat(norm * norm * trace(tp2)).isCloseTo(trace(t4), within(1e-10 * trace(t4)));
        // hence xi(R(K)) = xi(K) / b
        DecimationMap b3 = new DecimationMap(1, 2, Alphabet.BINARY_WEIGHTS, 3);
        double xi = Spectrum.correlationLength(b3.chainTransferMatrix(x));
        double xi3 = Spectrum.correlationLength(b3.chainTransferMatrix(b3.apply(x)));
        assertThat(xi3).isCloseTo(xi / 3, within(1e-9 * xi));
    }

    @Test
    void logMultiplyEqualsExactLogSumExpEvenWithHugeRanges() {
        UniformRandomProvider rng = RandomStreams.root(9).generator();
        int n = 7;
        double[][] a = new double[n][n];
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = rng.nextDouble() < 0.1 ? Double.NEGATIVE_INFINITY : 4000 * rng.nextDouble() - 2000;
                b[i][j] = rng.nextDouble() < 0.1 ? Double.NEGATIVE_INFINITY : 4000 * rng.nextDouble() - 2000;
            }
        }
        double[][] c = DecimationMap.logMultiply(a, b);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[] terms = new double[n];
                for (int k = 0; k < n; k++) {
                    terms[k] = a[i][k] + b[k][j];
                }
                double exact = org.deeprg.dyn.exact.LogSpace.logSumExp(terms);
                assertThat(c[i][j]).isCloseTo(exact, within(1e-9 * Math.max(1, Math.abs(exact))));
            }
        }
    }

    /**
     * General b = 2 theorem (docs/dyn-exact.md): K P = c Pi with Pi idempotent of rank r is fixed, and the linearised map
     * has eigenvalues 2 (r^2 - 1 times), 1 (2 r (d - r) times, tangent) and 0 ((d - r)^2 times), d = 2^{N L}.
     */
    @Test
    void idempotentFixedPointsHaveThePredictedSpectrum() {
        DecimationMap map = new DecimationMap(1, 2, Alphabet.BINARY_WEIGHTS, 2);
        int d = 4;
        org.ejml.data.DMatrixRMaj pInv = new org.ejml.data.DMatrixRMaj(d, d);
        org.ejml.dense.row.CommonOps_DDRM.invert(new org.ejml.data.DMatrixRMaj(map.countingMatrix()), pInv);
        UniformRandomProvider rng = RandomStreams.root(10).generator();
        for (int r = 1; r <= d; r++) {
            org.ejml.data.DMatrixRMaj u = new org.ejml.data.DMatrixRMaj(d, r);
            org.ejml.data.DMatrixRMaj w = new org.ejml.data.DMatrixRMaj(d, r);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < r; j++) {
                    u.set(i, j, rng.nextDouble() * 2 - 1);
                    w.set(i, j, rng.nextDouble() * 2 - 1);
                }
            }
            org.ejml.data.DMatrixRMaj wtu = new org.ejml.data.DMatrixRMaj(r, r);
            org.ejml.dense.row.CommonOps_DDRM.multTransA(w, u, wtu);
            org.ejml.dense.row.CommonOps_DDRM.invert(wtu);
            org.ejml.data.DMatrixRMaj tmp = new org.ejml.data.DMatrixRMaj(d, r);
            org.ejml.dense.row.CommonOps_DDRM.mult(u, wtu, tmp);
            org.ejml.data.DMatrixRMaj pi = new org.ejml.data.DMatrixRMaj(d, d);
            org.ejml.dense.row.CommonOps_DDRM.multTransB(tmp, w, pi);
            org.ejml.data.DMatrixRMaj kk = new org.ejml.data.DMatrixRMaj(d, d);
            org.ejml.dense.row.CommonOps_DDRM.mult(pi, pInv, kk);
            double[] k = new double[map.dimension()];
            for (int sg = 0; sg < d; sg++) {
                for (int h = 0; h < d; h++) {
                    int c = sg | (h << 2);
                    if (c != 0) {
                        k[c - 1] = kk.get(sg, h) / kk.get(0, 0);
                    }
                }
            }
            FixedPoint p = FixedPoint.at(map, FixedPointFinder.Chart.KERNEL, k);
            assertThat(p.residual()).as("rank %d", r).isLessThan(1e-10);
            int two = 0;
            int one = 0;
            int zero = 0;
            for (int i = 0; i < p.eigenvalues().length; i++) {
                double mod = Math.hypot(p.eigenvalues()[i], p.eigenvaluesImaginary()[i]);
                if (Math.abs(mod - 2) < 1e-6) {
                    two++;
                } else if (Math.abs(mod - 1) < 1e-6) {
                    one++;
                } else if (mod < 1e-6) {
                    zero++;
                }
            }
            assertThat(new int[] {two, one, zero}).as("rank %d", r).containsExactly(r * r - 1, 2 * r * (d - r), (d - r) * (d - r));
            if (r == 1) {
                assertThat(p.correlationLength()).isZero();
            } else {
                assertThat(p.correlationLength()).isGreaterThan(1e12);
            }
        }
    }

    static double trace(double[][] m) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            s += m[i][i];
        }
        return s;
    }

    @Test
    void eq21AsPrintedIsTheBondSumTimesUToTheHPlusSigma() {
        for (double betaV : new double[] {0.3, 1, 4}) {
            double u = Math.exp(betaV);
            for (int h = 0; h <= 1; h++) {
                for (int s = 0; s <= 1; s++) {
                    double correct = Lee2024Recursion.bondSum(h, s, u);
                    assertThat(correct).isLessThanOrEqualTo(8.0);
                    assertThat(Lee2024Recursion.bondSumAsPrinted(h, s, u)).isCloseTo(correct * Math.pow(u, h + s), within(1e-9 * correct * u * u));
                }
            }
            // Eq. 26 from the bare bond (2 betaV, -betaV, -betaV): A' equals Eq. 24's A; B', C' are Eq. 24's minus betaV
            double[] abc = Lee2024Recursion.map(Lee2024Recursion.initialCouplings(betaV));
            double[] printed = Lee2024Recursion.eq24AsPrinted(u);
            assertThat(abc[0]).isCloseTo(printed[0], within(1e-12));
            assertThat(abc[1]).isCloseTo(printed[1] - betaV, within(1e-12));
            assertThat(abc[2]).isCloseTo(printed[2] - betaV, within(1e-12));
            // and ln of the correct bond sums
            double a = Math.log(Lee2024Recursion.bondSum(1, 1, u) * Lee2024Recursion.bondSum(0, 0, u)
                    / (Lee2024Recursion.bondSum(1, 0, u) * Lee2024Recursion.bondSum(0, 1, u)));
            assertThat(abc[0]).isCloseTo(a, within(1e-12));
        }
    }

    @Test
    void planeEAEqualsOneIsFixedAndTheGeneralFactorisedManifoldToo() {
        UniformRandomProvider rng = RandomStreams.root(4).generator();
        for (int k = 0; k < 50; k++) {
            double[] xyz = {1, Math.exp(4 * rng.nextDouble() - 2), Math.exp(4 * rng.nextDouble() - 2)};
            double[] r = Lee2024Recursion.mapExp(xyz);
            for (int i = 0; i < 3; i++) {
                assertThat(r[i]).isCloseTo(xyz[i], within(1e-12 * (1 + Math.abs(xyz[i]))));
            }
        }
        DecimationMap map = new DecimationMap(2, 1, Alphabet.TERNARY_WEIGHTS, 3);
        double[] x = new double[map.dimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = map.isMixed(i + 1) ? 1 : Math.exp(2 * rng.nextDouble() - 1);
        }
        double[] r = map.apply(x);
        for (int i = 0; i < x.length; i++) {
            assertThat(r[i]).isCloseTo(x[i], within(1e-12 * (1 + Math.abs(x[i]))));
        }
        // off the manifold it moves
        x[map.dimension() - 1] = 1.5;
        assertThat(Math.abs(map.apply(x)[map.dimension() - 1] - 1.5)).isGreaterThan(1e-3);
    }

    @Test
    void fictitiousFixedPointAndJacobianDiag222() {
        DecimationMap map = DecimationMap.lee2024();
        List<double[]> physical = FixedPointFinder.find(map, 40, false, RandomStreams.root(5));
        assertThat(physical).as("no isolated real fixed point (Eq. 28 is all)").isEmpty();
        List<double[]> roots = FixedPointFinder.find(map, 60, true, RandomStreams.root(6));
        assertThat(roots).hasSize(1);
        double[] fp = roots.get(0);
        double[] paper = toMap(Lee2024Recursion.FICTITIOUS_FIXED_POINT);
        for (int i = 0; i < 3; i++) {
            assertThat(fp[i]).isCloseTo(paper[i], within(1e-9));
        }
        double[][] j = map.jacobian(paper);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                assertThat(j[r][c]).as("J[%d][%d]", r, c).isCloseTo(r == c ? 2.0 : 0.0, within(1e-9));
            }
        }
        FixedPoint p = FixedPoint.at(map, fp);
        assertThat(p.physical()).isFalse();
        assertThat(p.stable()).isFalse();
        assertThat(p.relevant()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(p.eigenvalues()[i]).isCloseTo(2.0, within(1e-9));
            assertThat(p.exponents()[i]).isCloseTo(1.0, within(1e-9));
        }
        // K* P = (4/3) I: infinite correlation length (critical)
        assertThat(p.correlationLength()).isGreaterThan(1e12);
    }
}
