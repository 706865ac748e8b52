package org.deeprg.studies.dyn;

import org.deeprg.dyn.exact.ChainSpec;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.exact.BulkChain;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.stats.Format;

/** The computation of {@code dyn chain}. */
public final class ChainRun {
    /** G_h values below this fraction of G_h(0) are at the round-off floor of the exact evaluation. */
    public static final double NOISE_FLOOR = 1e-11;

    /** Largest R S^2 for the correlation functions. */
    public static final double MAX_CORRELATION_WORK = 5e9;

    private ChainRun() {
    }

    /**
     * JSON contract of {@code dyn chain --json}.
     *
     * @param freeEnergyPerLayer       -ln lambda_1
     * @param correlationLength        xi = 1/ln(lambda_1/|lambda_2|) in layers
     * @param eigenvalues              real parts of the eigenvalues of T, by decreasing modulus
     * @param eigenvaluesImaginary     their imaginary parts
     * @param neuronMean               &lt;h_{1,1}&gt; in the bulk
     * @param correlationFunction      G_h(r), r = 0..maxDistance, of neuron (l = 1, i = 1)
     * @param sigmaCorrelationFunction G_sigma(r) (Heaviside with neurons {0,1}; otherwise null)
     * @param decayRate                ln(G_h(r)/G_h(r+1)) at the largest r where |G_h| is above 1e-11 |G_h(0)| (compare 1/xi)
     */
    public record Data(double freeEnergyPerLayer, double correlationLength, double[] eigenvalues, double[] eigenvaluesImaginary,
                       double neuronMean, double[] correlationFunction, double[] sigmaCorrelationFunction, Double decayRate) {
    }

    /** Runs the spec. */
    public static Result run(ChainSpec spec) {
        BulkChain chain = new BulkChain(spec.width(), spec.examples(), spec.activation(), spec.weightAlphabet(),
                spec.neuronAlphabet(), spec.betaV());
        double[][] ev = chain.eigenvalues();
        double[] re = new double[ev.length];
        double[] im = new double[ev.length];
        Table.Builder tb = Table.builder("eigenvalues", "k", "re", "im", "modulus");
        for (int k = 0; k < ev.length; k++) {
            re[k] = ev[k][0];
            im[k] = ev[k][1];
            tb.row(k + 1, re[k], im[k], Math.hypot(re[k], im[k]));
        }
        double s2 = (double) chain.states().count() * chain.states().count();
        if (spec.maxDistance() * s2 > MAX_CORRELATION_WORK) {
            throw new InvalidInputException("maxDistance", spec.maxDistance(), "G(r) up to r = R costs R S^2 = "
                    + String.format(java.util.Locale.ROOT, "%.2g", spec.maxDistance() * s2) + " multiply-adds with S = "
                    + chain.states().count() + " states; the limit is " + String.format(java.util.Locale.ROOT, "%.2g", MAX_CORRELATION_WORK));
        }
        double[] g = chain.correlationFunction(0, 0, spec.maxDistance());
        double[] gs = chain.hasSigmaChain() ? chain.sigmaCorrelationFunction(0, 0, spec.maxDistance()) : null;
        double xi = chain.correlationLength();
        Double rate = null;
        for (int r = g.length - 2; r >= 0; r--) {
            if (Math.abs(g[r + 1]) > NOISE_FLOOR * Math.abs(g[0]) && Math.abs(g[r]) > NOISE_FLOOR * Math.abs(g[0])) {
                rate = Math.log(Math.abs(g[r] / g[r + 1]));
                break;
            }
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> fit = new ArrayList<>();
        for (int r = 0; r < g.length; r++) {
            if (Math.abs(g[r]) > NOISE_FLOOR * Math.abs(g[0])) {
                xs.add((double) r);
                ys.add(Math.abs(g[r]));
                fit.add(Math.abs(g[0]) * Math.exp(-r / xi));
            }
        }
        Result.Builder b = Result.builder("Bulk transfer-matrix chain of dynamic neurons")
                .data(new Data(chain.freeEnergyPerLayer(), xi, re, im, chain.neuronMean(0, 0), g, gs, rate))
                .table(tb.build())
                .summary("free energy per layer -ln lambda_1 = " + Format.plain(chain.freeEnergyPerLayer()))
                .summary("correlation length xi = " + Format.plain(xi) + " layers; measured decay rate of G_h = "
                        + (rate == null ? "n/a" : Format.plain(rate)) + " vs 1/xi = " + Format.plain(1 / xi))
                .summary("<h> = " + Format.plain(chain.neuronMean(0, 0)) + ", states = " + chain.states().count());
        if (!xs.isEmpty()) {
            b.figure(Figure.of("correlation", "Bulk correlation function G_h(|m - n|)", "|m - n| (layers)", "|G_h|",
                    "Exact |G_h(r)| of neuron (l=1, i=1) in the infinite bulk (markers) and |G_h(0)| exp(-r/xi) with "
                            + "xi = 1/ln(lambda_1/|lambda_2|) (line), Eq. 35.",
                    Series.markers("G_h exact", toArray(xs), toArray(ys)), Series.line("exp(-r/xi)", toArray(xs), toArray(fit)))
                    .withLogAxes(false, true));
        }
        if (gs != null) {
            List<Double> sx = new ArrayList<>();
            List<Double> sy = new ArrayList<>();
            for (int r = 0; r < gs.length; r++) {
                if (Math.abs(gs[r]) > NOISE_FLOOR * Math.abs(gs[0])) {
                    sx.add((double) r);
                    sy.add(Math.abs(gs[r]));
                }
            }
            b.figure(Figure.of("correlation-sigma", "Bulk correlation function G_sigma(|m - n|)", "|m - n| (layers)", "|G_sigma|",
                    "Exact |G_sigma(r)| of the pre-neuron sigma^(m) = sigma(W^(m) h^(m) + b^(m)) (l=1, i=1) in the infinite bulk, from the "
                            + "sigma-chain transfer matrix K P (Eq. 34, footnote 12).",
                    Series.markers("G_sigma exact", toArray(sx), toArray(sy))).withLogAxes(false, true));
        }
        return b.build();
    }

    static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
