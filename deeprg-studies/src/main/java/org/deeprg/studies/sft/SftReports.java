package org.deeprg.studies.sft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.sft.ExpansionResult;
import org.deeprg.sft.ExpansionSpec;
import org.deeprg.sft.Locality;
import org.deeprg.sft.LocalityResult;
import org.deeprg.sft.LocalitySpec;
import org.deeprg.sft.ModesResult;
import org.deeprg.sft.ModesSpec;
import org.deeprg.sft.PerceptronExample;
import org.deeprg.sft.PerceptronResult;
import org.deeprg.sft.PerceptronSpec;

/**
 * Presenters of the synaptic-field-theory computations: typed results ({@link PerceptronResult},
 * {@link ExpansionResult}, {@link LocalityResult}, {@link ModesResult}) to a report {@link Result} (the typed result
 * as its data, i.e. {@code result.json}, plus figures, tables, summary lines and the input files for provenance).
 */
public final class SftReports {
    private SftReports() {
    }

    /** {@code sft perceptron}: couplings figure, mode table, dispersion figure (symmetrised data). */
    public static Result perceptron(PerceptronSpec spec, PerceptronResult o) {
        double[] k = o.couplings().K();
        double[] j = o.couplings().J();
        long coupled = Arrays.stream(k).filter(v -> v != 0).count();
        Result.Builder b = Result.builder("Example 1 perceptron: " + o.sites() + " sites, " + o.examples() + " examples").data(o)
                .inputFile(spec.data());
        double[] idx = new double[k.length];
        for (int a = 0; a < idx.length; a++) {
            idx[a] = a;
        }
        b.figure(Figure.of("couplings", "Eq. 14 couplings", "weight index a (paper's relabelling)", "coupling",
                "K_a on bond (a, a+1) and J_a on weight a; every odd bond has K = 0 (weights of different outputs do not couple).",
                Series.markers("K_a", idx, k), Series.markers("J_a", idx, j)));
        Table.Builder t = Table.builder("modes", "mode", "omega^2");
        double[] w2 = o.hessianEigenvalues();
        for (int m = 0; m < w2.length; m++) {
            t.row(m, w2[m]);
        }
        b.table(t.build());
        b.summary(String.format(Locale.ROOT, "omega^2 in [%.4g, %.4g]; %d of %d bonds couple", w2[0], w2[w2.length - 1], coupled, k.length));
        if (o.simulation() != null) {
            b.summary(String.format(Locale.ROOT, "simulation: max relative error frequency %.2e, damping %.2e",
                    o.simulation().maxFrequencyError(), o.simulation().maxDampingError()));
        }
        PerceptronExample.Dispersion disp = o.dispersion();
        if (disp != null) {
            b.figure(Figure.of("dispersion", "Dispersion, translation-invariant data", "k per weight index", "omega^2",
                    "Exact Hessian bands vs the continuum J + K k^2 (Eq. 17).", Series.line("exact", disp.k(), disp.exact()),
                    Series.line("continuum J + K k^2", disp.k(), disp.continuum()).fitOf("exact"), Series.line("uniform lattice", disp.k(), disp.uniformLattice())));
            b.summary(String.format(Locale.ROOT, "dispersion: continuum deviates by up to %.0f%% of the band top", 100 * disp.maxRelativeDeviation()));
        }
        return b.build();
    }

    /** {@code sft expand}: a table of every source term and a count per source. */
    public static Result expansion(ExpansionSpec spec, ExpansionResult o) {
        Table.Builder t = Table.builder("sources", "source", "indices", "coefficient", "tensor entry");
        for (Map.Entry<String, List<ExpansionResult.Term>> en : o.sources().entrySet()) {
            for (ExpansionResult.Term term : en.getValue()) {
                t.row(en.getKey(), Arrays.toString(term.indices()), term.coefficient(), term.tensorEntry());
            }
        }
        Result.Builder b = Result.builder("Cost expansion of a " + Arrays.toString(spec.network().widths()) + " network, order " + spec.order())
                .data(o).table(t.build());
        if (spec.network().data() != null) {
            b.inputFile(spec.network().data());
        }
        for (Map.Entry<String, List<ExpansionResult.Term>> en : o.sources().entrySet()) {
            b.summary(String.format(Locale.ROOT, "%s: %d nonzero terms", en.getKey(), en.getValue().size()));
        }
        return b.build();
    }

    /** {@code sft locality}: the cumulative |J|-weighted fraction within a distance, under both embeddings. */
    public static Result locality(LocalitySpec spec, LocalityResult o) {
        List<Series> series = new ArrayList<>();
        for (Locality l : new Locality[] {o.chosen(), o.standard()}) {
            double[] x = new double[l.radii().length + 1];
            double[] y = new double[x.length];
            for (int i = 0; i < l.radii().length; i++) {
                x[i + 1] = l.radii()[i] / Math.max(l.systemSize(), 1e-300);
                y[i + 1] = l.cumulative()[i];
            }
            series.add(Series.line(l.embedding(), x, y));
        }
        Locality lc = o.chosen();
        Locality ls = o.standard();
        Result.Builder b = Result.builder("Locality of J" + spec.order() + " (" + spec.example() + ")")
                .data(o)
                .figure(Figure.of("locality", "Locality of J" + spec.order(), "interaction distance / largest distance",
                        "fraction of Σ|J| within distance", "Cumulative |J|-weighted fraction of off-diagonal couplings within a distance.",
                        series.toArray(new Series[0])))
                .summary(String.format(Locale.ROOT, "%s: band width %.4g, r90 %.4g, r99 %.4g (largest distance %.4g)", lc.embedding(),
                        lc.bandWidth(), lc.r90(), lc.r99(), lc.systemSize()))
                .summary(String.format(Locale.ROOT, "%s: band width %.4g, r90 %.4g, r99 %.4g (largest distance %.4g)", ls.embedding(),
                        ls.bandWidth(), ls.r90(), ls.r99(), ls.systemSize()));
        if (spec.embeddingFile() != null) {
            b.inputFile(spec.embeddingFile());
        }
        if (spec.example().equals("mlp") && spec.network().data() != null) {
            b.inputFile(spec.network().data());
        }
        return b.build();
    }

    /** {@code sft modes}: the extreme Ritz values. */
    public static Result modes(ModesSpec spec, ModesResult o) {
        double[] all = o.all();
        double[] idx = new double[all.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Result.Builder b = Result.builder("Hessian normal modes of a " + Arrays.toString(spec.network().widths()) + " network")
                .data(o)
                .figure(Figure.of("extreme-eigenvalues", "Extreme Hessian eigenvalues", "index (smallest, then largest)", "omega^2",
                        "Ritz values from Lanczos with full re-orthogonalisation; residual bounds in result.json.", Series.markers("omega^2", idx, all)))
                .summary(String.format(Locale.ROOT, "%d parameters, %d Lanczos steps, converged: %s", o.parameters(), o.steps(), o.converged()))
                .summary(String.format(Locale.ROOT, "smallest omega^2 = %.6g, largest = %.6g", all[0], all[all.length - 1]));
        if (spec.network().data() != null) {
            b.inputFile(spec.network().data());
        }
        return b.build();
    }
}
