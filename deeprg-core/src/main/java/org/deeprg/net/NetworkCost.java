package org.deeprg.net;

import java.util.Arrays;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.mc.DifferentiableEnergy;
import org.deeprg.numerics.Blas;
import org.deeprg.run.RunContext;

/**
 * The cost of a {@link DenseNetwork} on a {@link Dataset} as a function on parameter space, {@code C(w) = sum_l
 * loss(Z^[l](w), target^[l])} over all examples (a sum, no 1/N), with its exact gradient (back-propagation) and exact
 * Hessian-vector products (Pearlmutter's R-operator: forward-over-reverse differentiation, no finite differences).
 * {@code w} is the flat vector in the network's standard indexing. With {@link Loss#SQUARED_ERROR} this is Eq. 2 of
 * Lee, Lee, Yi (2025), {@code C = sum_(i,l) (Y_i^[l] - Z_i^[l])^2}, whose Hessian eigenvalues are the {@code omega^2}
 * of the normal modes of training (Eq. 5).
 *
 * <h2>R-operator (derivation)</h2>
 * With {@code a_m = W_m h_m + b_m}, {@code h_(m+1) = sigma(a_m)} and the directional derivative {@code R(.) = d/dt
 * (.)(w + t v)}: {@code R(a_m) = V_m h_m + c_m + W_m R(h_m)} ({@code R(h_0) = 0}), {@code R(h_(m+1)) = sigma'(a_m)
 * R(a_m)}; backwards, with {@code g_m = sigma'(a_m) dh_(m+1)}: {@code R(g_m) = sigma''(a_m) R(a_m) dh + sigma'(a_m)
 * R(dh)}, {@code R(dW_m) = R(g_m) h_m^T + g_m R(h_m)^T}, {@code R(dh_m) = V_m^T g_m + W_m^T R(g_m)}, starting from
 * the loss's {@code R(dh_M) = (d^2 loss/dz^2) R(h_M)} ({@link Loss#hessianTimes}). Tested against finite-difference
 * Hessians.
 *
 * <h2>Work split and reproducibility</h2>
 * Examples are processed in fixed blocks of {@code blockSize} ({@link #BLOCK} by default) on the context's local
 * threads ({@link RunContext#mapLocal}: shared memory, never distributed), and the block results are summed in block
 * order, so results are bit-identical for any thread count. Layer products of at least {@link #BLAS_THRESHOLD}
 * multiply-adds go to {@link Blas}; smaller ones use zero-skipping loops that suit the sparse masked networks.
 */
public final class NetworkCost implements DifferentiableEnergy {
    /**
     * Examples per work block (results depend on it, never on the thread count). 256 keeps the layer products
     * large enough for BLAS (HVP of a 102k-weight MLP on 1000 examples: 45 ms at 256 against 66 ms at 64,
     * HessianBenchmark, 2 cores, native OpenBLAS) while the per-thread work arrays stay small.
     */
    public static final int BLOCK = 256;

    /**
     * Above this many multiply-adds per layer product ({@code examples x in x out}) the kernels hand off to BLAS
     * {@code dgemm} ({@link Blas}); below it they use the zero-skipping loops that suit the sparse masked example
     * networks.
     */
    public static final long BLAS_THRESHOLD = 1L << 15;

    private final DenseNetwork net;
    private final Dataset data;
    private final Loss loss;
    private final RunContext context;
    private final int block;

    /** The squared-error cost of Eq. 2 with blocks of {@link #BLOCK} examples. */
    public static NetworkCost of(DenseNetwork net, Dataset data, RunContext context) {
        return new NetworkCost(net, data, Loss.SQUARED_ERROR, context, BLOCK);
    }

    /**
     * @param loss      the per-example loss (its targets: real vectors or labels, as the data set has)
     * @param context   its threads run the blocks ({@link RunContext#mapLocal})
     * @param blockSize examples per work unit (larger blocks make larger BLAS products)
     */
    public NetworkCost(DenseNetwork net, Dataset data, Loss loss, RunContext context, int blockSize) {
        if (data.inputDimension() != net.width(0) || data.outputDimension() != net.width(net.layers())) {
            throw new InvalidInputException("data", data.inputDimension() + " inputs, " + data.outputDimension() + " outputs",
                    "must match the network's " + net.width(0) + " inputs and " + net.width(net.layers()) + " outputs");
        }
        if (loss.usesLabels() != data.isClassification()) {
            throw new InvalidInputException("data", data.name(), loss.name() + " needs "
                    + (loss.usesLabels() ? "class labels" : "real targets"));
        }
        for (int m = 0; m < net.layers(); m++) {
            if (!net.activation(m).isDifferentiable()) {
                throw new InvalidInputException("activation", net.activation(m).name(),
                        "a differentiable activation (gradients and Hessians of the cost need sigma' and sigma'')");
            }
        }
        long cells = 0;
        for (int w : net.widths()) {
            cells += w;
        }
        long bytes = cells * Math.min(blockSize, Math.max(1, data.size())) * 8L * 8L * Math.max(1, context.threads());
        if (bytes > 2_000_000_000L) {
            throw new InvalidInputException("widths", cells + " neurons", "at most ~2 GB of work arrays; reduce widths or threads");
        }
        this.net = net;
        this.data = data;
        this.loss = loss;
        this.context = context;
        this.block = InvalidInputException.requireInRange("blockSize", blockSize, 1, 1 << 20);
    }

    public DenseNetwork network() {
        return net;
    }

    public Dataset data() {
        return data;
    }

    public Loss loss() {
        return loss;
    }

    @Override
    public int dimension() {
        return net.parameterCount();
    }

    @Override
    public double energy(double[] w) {
        return evaluate(w, null, null, null);
    }

    @Override
    public double energyAndGradient(double[] w, double[] gradient) {
        return evaluate(w, gradient, null, null);
    }

    /** Writes {@code H v} (H the Hessian of C at w) into {@code out}; returns C(w). Exact (R-operator). */
    public double hessianVectorProduct(double[] w, double[] v, double[] out) {
        return evaluate(w, null, v, out);
    }

    /** Largest number of parameters for {@link #denseHessian} (a 7000 x 7000 matrix is 392 MB). */
    public static final long MAX_DENSE_HESSIAN = 50_000_000L;

    /** The dense Hessian by {@code n} Hessian-vector products with unit vectors (symmetrised). */
    public double[][] denseHessian(double[] w) {
        int n = dimension();
        if ((long) n * n > MAX_DENSE_HESSIAN) {
            throw new InvalidInputException("parameters", n, "at most ~7000 for a dense Hessian; use Lanczos");
        }
        double[][] h = new double[n][n];
        double[] e = new double[n];
        for (int k = 0; k < n; k++) {
            e[k] = 1;
            hessianVectorProduct(w, e, h[k]);
            e[k] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        return h;
    }

    private record Partial(double cost, double[] grad, double[] hv) { }

    private double evaluate(double[] w, double[] gradient, double[] v, double[] hv) {
        net.checkVector(w);
        double[] full = new double[net.fullSize()];
        net.scatter(w, full);
        double[] fullV = null;
        if (v != null) {
            net.checkVector(v);
            fullV = new double[net.fullSize()];
            net.scatter(v, fullV);
        }
        Layers weights = new Layers(net, full);
        Layers dir = fullV == null ? null : new Layers(net, fullV);
        int blocks = (data.size() + block - 1) / block;
        boolean wantGrad = gradient != null;
        List<Partial> parts = context.mapLocal(blocks, b -> block(weights, dir, b * block,
                Math.min(data.size(), (b + 1) * block), wantGrad));
        double cost = 0;
        double[] g = wantGrad ? new double[net.fullSize()] : null;
        double[] r = v != null ? new double[net.fullSize()] : null;
        for (Partial p : parts) {
            cost += p.cost;
            if (g != null) {
                add(g, p.grad);
            }
            if (r != null) {
                add(r, p.hv);
            }
        }
        if (g != null) {
            net.gather(g, gradient);
        }
        if (r != null) {
            net.gather(r, hv);
        }
        return cost;
    }

    private static void add(double[] acc, double[] x) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += x[i];
        }
    }

    /** Per-layer views: W (out x in, row-major), W^T (in x out), b. */
    private static final class Layers {
        final double[][] w;
        final double[][] wt;
        final double[][] b;

        Layers(DenseNetwork net, double[] full) {
            int layers = net.layers();
            w = new double[layers][];
            wt = new double[layers][];
            b = new double[layers][];
            for (int m = 0; m < layers; m++) {
                int in = net.width(m);
                int out = net.width(m + 1);
                int off = net.layerOffset(m);
                w[m] = Arrays.copyOfRange(full, off, off + out * in);
                b[m] = Arrays.copyOfRange(full, off + out * in, off + out * in + out);
                wt[m] = new double[in * out];
                for (int i = 0; i < out; i++) {
                    for (int j = 0; j < in; j++) {
                        wt[m][j * out + i] = w[m][i * in + j];
                    }
                }
            }
        }
    }

    private Partial block(Layers wl, Layers vl, int l0, int l1, boolean wantGrad) {
        int bl = l1 - l0;
        int layers = net.layers();
        double[][] h = new double[layers + 1][];
        double[][] a = new double[layers][];
        double[][] rh = vl == null ? null : new double[layers + 1][];
        double[][] ra = vl == null ? null : new double[layers][];
        int n0 = net.width(0);
        h[0] = Arrays.copyOfRange(data.x(), l0 * n0, l1 * n0);
        if (rh != null) {
            rh[0] = new double[bl * n0];
        }
        for (int m = 0; m < layers; m++) {
            int in = net.width(m);
            int out = net.width(m + 1);
            a[m] = new double[bl * out];
            affine(h[m], bl, in, out, wl.wt[m], wl.b[m], a[m]);
            h[m + 1] = new double[bl * out];
            Activation act = net.activation(m);
            for (int k = 0; k < a[m].length; k++) {
                h[m + 1][k] = act.value(a[m][k]);
            }
            if (rh != null) {
                ra[m] = new double[bl * out];
                affine(h[m], bl, in, out, vl.wt[m], vl.b[m], ra[m]);
                if (m > 0) { // R(h_0) = 0: the inputs do not depend on the weights
                    accumulateProduct(rh[m], bl, in, out, wl.wt[m], ra[m]);
                }
                rh[m + 1] = new double[bl * out];
                for (int k = 0; k < ra[m].length; k++) {
                    rh[m + 1][k] = act.derivative(a[m][k], h[m + 1][k]) * ra[m][k];
                }
            }
        }
        int nM = net.width(layers);
        double[] dh = new double[bl * nM];
        double cost = loss.evaluate(h[layers], bl, nM, data.targets(), data.labels(), l0, 1.0, dh);
        double[] rdh = null;
        if (rh != null) {
            rdh = new double[bl * nM];
            loss.hessianTimes(h[layers], rh[layers], bl, nM, data.targets(), data.labels(), l0, 1.0, rdh);
        }
        if (!wantGrad && vl == null) {
            return new Partial(cost, null, null);
        }
        double[] grad = wantGrad ? new double[net.fullSize()] : null;
        double[] hv = vl != null ? new double[net.fullSize()] : null;
        for (int m = layers - 1; m >= 0; m--) {
            int in = net.width(m);
            int out = net.width(m + 1);
            Activation act = net.activation(m);
            double[] g = new double[bl * out];
            double[] rg = vl != null ? new double[bl * out] : null;
            for (int k = 0; k < g.length; k++) {
                double d1 = act.derivative(a[m][k], h[m + 1][k]);
                g[k] = d1 * dh[k];
                if (rg != null) {
                    rg[k] = act.secondDerivative(a[m][k], h[m + 1][k]) * ra[m][k] * dh[k] + d1 * rdh[k];
                }
            }
            int off = net.layerOffset(m);
            if (grad != null) {
                outer(g, h[m], bl, out, in, grad, off, true);
            }
            if (hv != null) {
                outer(rg, h[m], bl, out, in, hv, off, true);
                if (m > 0) {
                    outer(g, rh[m], bl, out, in, hv, off, false);
                }
            }
            if (m > 0) {
                double[] ndh = new double[bl * in];
                backInput(g, bl, out, in, wl.w[m], ndh);
                double[] nrdh = null;
                if (rg != null) {
                    nrdh = new double[bl * in];
                    backInput(g, bl, out, in, vl.w[m], nrdh);
                    backInput(rg, bl, out, in, wl.w[m], nrdh);
                }
                dh = ndh;
                rdh = nrdh;
            }
        }
        return new Partial(cost, grad, hv);
    }

    /** {@code A[l,i] = b[i] + sum_j H[l,j] Wt[j,i]}. A modified. */
    static void affine(double[] hIn, int bl, int in, int out, double[] wt, double[] b, double[] a) {
        for (int l = 0; l < bl; l++) {
            System.arraycopy(b, 0, a, l * out, out);
        }
        accumulateProduct(hIn, bl, in, out, wt, a);
    }

    /** {@code A[l,i] += sum_j H[l,j] Wt[j,i]} (axpy form, contiguous inner loop). A modified. */
    static void accumulateProduct(double[] hIn, int bl, int in, int out, double[] wt, double[] a) {
        if ((long) bl * in * out >= BLAS_THRESHOLD) {
            // row-major A(bl x out) += H(bl x in) Wt(in x out)
            Blas.gemm(false, false, bl, out, in, 1.0, hIn, wt, 1.0, a);
            return;
        }
        for (int l = 0; l < bl; l++) {
            int ao = l * out;
            for (int j = 0; j < in; j++) {
                double x = hIn[l * in + j];
                if (x == 0) {
                    continue;
                }
                int wo = j * out;
                for (int i = 0; i < out; i++) {
                    a[ao + i] += x * wt[wo + i];
                }
            }
        }
    }

    /** {@code dH[l,j] += sum_i G[l,i] W[i,j]}. dH modified. */
    static void backInput(double[] g, int bl, int out, int in, double[] w, double[] dh) {
        if ((long) bl * in * out >= BLAS_THRESHOLD) {
            // row-major dH(bl x in) += G(bl x out) W(out x in)
            Blas.gemm(false, false, bl, in, out, 1.0, g, w, 1.0, dh);
            return;
        }
        for (int l = 0; l < bl; l++) {
            int d = l * in;
            for (int i = 0; i < out; i++) {
                double x = g[l * out + i];
                if (x == 0) {
                    continue;
                }
                int wo = i * in;
                for (int j = 0; j < in; j++) {
                    dh[d + j] += x * w[wo + j];
                }
            }
        }
    }

    /** {@code full[off + i*in + j] += sum_l G[l,i] H[l,j]}, and if {@code bias} {@code full[off + out*in + i] += sum_l G[l,i]}. */
    static void outer(double[] g, double[] hIn, int bl, int out, int in, double[] full, int off, boolean bias) {
        if ((long) bl * in * out >= BLAS_THRESHOLD) {
            // row-major dW(out x in) += G^T(out x bl) H(bl x in)
            Blas.gemm(true, false, out, in, bl, 1.0, g, hIn, 1.0, full, off);
            if (bias) {
                for (int l = 0; l < bl; l++) {
                    for (int i = 0; i < out; i++) {
                        full[off + out * in + i] += g[l * out + i];
                    }
                }
            }
            return;
        }
        for (int l = 0; l < bl; l++) {
            int ho = l * in;
            for (int i = 0; i < out; i++) {
                double x = g[l * out + i];
                if (x == 0) {
                    continue;
                }
                int fo = off + i * in;
                for (int j = 0; j < in; j++) {
                    full[fo + j] += x * hIn[ho + j];
                }
                if (bias) {
                    full[off + out * in + i] += x;
                }
            }
        }
    }
}
