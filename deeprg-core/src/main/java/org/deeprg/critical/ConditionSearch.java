package org.deeprg.critical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.random.RandomStreams;
import org.deeprg.run.RunContext;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Numerical search for solutions of the criticality conditions Eq. 30 and Eq. 33 over a class of couplings: the
 * second route, beside the derivations of {@link CriticalityConditions}, to which classes of w solve them.
 *
 * <p>Each start minimises {@code ||E(X)||_F^2} (the N^2 residuals of {@link CriticalityConditions#eq30Matrix} or
 * {@link CriticalityConditions#eq33Matrix}, {@code X = a w}) with Hipparchus' Levenberg-Marquardt and an exact
 * Jacobian, over the parameters of the class: {@code X} itself (general), its upper triangle (symmetric), or V with
 * {@code X = sign(beta) V V^T} (Gram, {@code w = v v^T}, {@code V = sqrt(|a|) v}). Starts draw the parameters as
 * Gaussians of a random scale between 0.1 and 10 (log-uniform) from the stream {@code split(index)}; every start is a
 * task of the context's backend. The smallest residual seen at any evaluation is kept, so a start whose iterates
 * run off to infinity (odd N for Eq. 33, where the infimum 0 is not attained) still reports how far it got.
 */
public final class ConditionSearch {
    private ConditionSearch() {
    }

    /** Runs the starts of the spec; results in start order, independent of the thread count. */
    public static ConditionSearchResult run(ConditionSearchSpec spec, RunContext context) {
        RandomStreams streams = context.streams();
        List<double[]> out = context.map(spec.restarts(), i -> start(spec, streams.split(i).generator()));
        int n = spec.units();
        List<ConditionSearchResult.Start> starts = new ArrayList<>();
        double[] best = null;
        for (double[] s : out) {
            starts.add(new ConditionSearchResult.Start(s[0], s[1], (int) s[2], s[3] != 0));
            if (best == null || s[0] < best[0]) {
                best = s;
            }
        }
        double[] x = Arrays.copyOfRange(best, 4, 4 + n * n);
        return new ConditionSearchResult(spec.condition(), spec.matrixClass(), n, spec.beta(), best[0], best[1],
                CriticalityConditions.unscaled(x, n, spec.beta()), starts);
    }

    /** One start: {residual, ||X||_F, evaluations, converged (0/1), X (N^2 entries)}. */
    static double[] start(ConditionSearchSpec spec, UniformRandomProvider g) {
        int n = spec.units();
        int params = parameterCount(spec.matrixClass(), n);
        double scale = Math.pow(10, 2 * g.nextDouble() - 1);
        var gauss = org.apache.commons.rng.sampling.distribution.ZigguratSampler.NormalizedGaussian.of(g);
        double[] p0 = new double[params];
        for (int i = 0; i < params; i++) {
            p0[i] = scale * gauss.sample() / Math.sqrt(n);
        }
        double sign = Math.signum(spec.beta());
        double[][] best = {null};
        double[] bestResidual = {Double.POSITIVE_INFINITY};
        int[] evaluations = {0};
        org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction model = point -> {
            double[] p = point.toArray();
            double[] x = matrix(spec.matrixClass(), p, n, sign);
            double[] e = residual(spec.condition(), x, n);
            evaluations[0]++;
            double r = CriticalityConditions.rms(e, n);
            if (r < bestResidual[0]) {
                bestResidual[0] = r;
                best[0] = x;
            }
            double[][] jac = jacobian(spec, p, x, n, sign);
            RealVector value = new ArrayRealVector(e, false);
            RealMatrix j = new Array2DRowRealMatrix(jac, false);
            return new Pair<>(value, j);
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder().start(p0).model(model).target(new double[n * n])
                .maxEvaluations(spec.maxEvaluations()).maxIterations(spec.maxEvaluations()).lazyEvaluation(false)
                .build();
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(1e-14)
                .withParameterRelativeTolerance(1e-14).withOrthoTolerance(1e-14);
        boolean converged;
        try {
            lm.optimize(problem);
            converged = true;
        } catch (MathIllegalStateException e) {
            // evaluation budget spent, or no further reduction possible in double precision
            converged = false;
        }
        double[] out = new double[4 + n * n];
        out[0] = bestResidual[0];
        double norm = 0;
        for (double v : best[0]) {
            norm += v * v;
        }
        out[1] = Math.sqrt(norm);
        out[2] = evaluations[0];
        out[3] = converged ? 1 : 0;
        System.arraycopy(best[0], 0, out, 4, n * n);
        return out;
    }

    static int parameterCount(ConditionSearchSpec.MatrixClass c, int n) {
        return c == ConditionSearchSpec.MatrixClass.SYMMETRIC ? n * (n + 1) / 2 : n * n;
    }

    /** X from the parameters of the class. */
    static double[] matrix(ConditionSearchSpec.MatrixClass c, double[] p, int n, double sign) {
        double[] x = new double[n * n];
        switch (c) {
            case GENERAL -> System.arraycopy(p, 0, x, 0, n * n);
            case SYMMETRIC -> {
                int k = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = i; j < n; j++) {
                        x[i * n + j] = p[k];
                        x[j * n + i] = p[k];
                        k++;
                    }
                }
            }
            case GRAM -> {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int l = 0; l < n; l++) {
                            s += p[i * n + l] * p[j * n + l];
                        }
                        x[i * n + j] = sign * s;
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        return x;
    }

    static double[] residual(ConditionSearchSpec.Condition c, double[] x, int n) {
        return c == ConditionSearchSpec.Condition.EQ30 ? CriticalityConditions.eq30Matrix(x, n)
                : CriticalityConditions.eq33Matrix(x, n);
    }

    /** d E / d p: columns are the derivative of E along each parameter direction dX. */
    private static double[][] jacobian(ConditionSearchSpec spec, double[] p, double[] x, int n, double sign) {
        int params = p.length;
        double[][] jac = new double[n * n][params];
        double[] dx = new double[n * n];
        for (int q = 0; q < params; q++) {
            Arrays.fill(dx, 0);
            switch (spec.matrixClass()) {
                case GENERAL -> dx[q] = 1;
                case SYMMETRIC -> {
                    // parameter q is (i, j), i <= j, in row order of the upper triangle
                    int i = 0;
                    int rem = q;
                    while (rem >= n - i) {
                        rem -= n - i;
                        i++;
                    }
                    int j = i + rem;
                    dx[i * n + j] = 1;
                    dx[j * n + i] = 1;
                }
                case GRAM -> {
                    // X = s V V^T, dV = E_kl: dX_ij = s (delta_ik V_jl + V_il delta_jk)
                    int kk = q / n;
                    int l = q % n;
                    for (int j = 0; j < n; j++) {
                        dx[kk * n + j] += sign * p[j * n + l];
                        dx[j * n + kk] += sign * p[j * n + l];
                    }
                }
                default -> throw new IllegalStateException();
            }
            // dE = lin(dX) + 2 (dX X + X dX), lin = dX (Eq. 30) or diag(dX) (Eq. 33)
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int m = 0; m < n; m++) {
                        s += dx[i * n + m] * x[m * n + j] + x[i * n + m] * dx[m * n + j];
                    }
                    double lin = spec.condition() == ConditionSearchSpec.Condition.EQ30 || i == j ? dx[i * n + j] : 0;
                    jac[i * n + j][q] = lin + 2 * s;
                }
            }
        }
        return jac;
    }
}
