package org.deeprg.studies.sft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.result.Claim;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.sft.DampedDynamics;
import org.deeprg.sft.DiscreteAction;
import org.deeprg.sft.Embedding;
import org.deeprg.sft.HiddenLayerExample;
import org.deeprg.sft.Locality;
import org.deeprg.sft.ModeSimulation;
import org.deeprg.sft.MomentumMapping;
import org.deeprg.sft.NoisyTraining;
import org.deeprg.sft.PerceptronExample;
import org.deeprg.sft.algebra.CostExpansion;
import org.deeprg.net.Activation;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.NetworkCost;
import org.deeprg.run.RunContext;
import org.deeprg.stats.Estimate;
import org.deeprg.result.Paper;
import org.deeprg.study.Scale;
import org.deeprg.study.Study;
import org.deeprg.study.StudyContext;

/**
 * Reproduces the computable content of Lee, Lee, Yi, "Synaptic field theory for neural networks" (2025): Eq. 5 as
 * the Euler-Lagrange equation of Eq. 8 with the dissipation identity, the optimiser/de Sitter dictionary, the cost
 * expansion (Eq. 11) checked against Hessian-vector products, locality of J2/J3 under the standard indexing and the
 * paper's relabelling (Figs. 2-3), Example 1 (Eq. 14 form, normal modes from momentum training, dispersion against
 * Eq. 17), Example 2 (Eq. 19 terms, mass-term claim, Table II), and noisy training (outlook iii).
 */
public final class SynapticFieldTheoryStudy implements Study {

    @Override
    public String id() {
        return "lee2025-synaptic-field-theory";
    }

    @Override
    public Paper paper() {
        return Paper.SYNAPTIC_FIELD_THEORY_2025;
    }

    @Override
    public String title() {
        return "Synaptic field theory: momentum training as a damped field, sources, locality, Examples 1-2, Table II";
    }

    /** JSON contract of the study. */
    public record Data(Mechanics mechanics, double maxSourceVsHvpDifference, List<LocalityRow> locality,
                       Example1 example1, List<TableIIRow> tableII, Example2 example2, Noise noise) { }

    /** Eq. 5/8 checks. */
    public record Mechanics(double gamma, double maxDissipationIdentityError, double eulerLagrangeRelativeResidual,
                            double eulerLagrangeResidualOnShell, List<Mapping> mappings) { }

    /** One optimiser setting and its continuum reading. */
    public record Mapping(double learningRate, double momentum, double timeStep, double gamma, double gammaFiniteDifference,
                          double hubble3d) { }

    /** Locality summary per example, embedding and source order. */
    public record LocalityRow(String example, int sites, String embedding, int order, double bandWidth, double r90, double r99,
                              double systemSize, int terms) { }

    /** Example 1 summary. */
    public record Example1(int sites, int examples, double[] omega2, double[] bondK, double[] siteJ, double eq14MaxError,
                           ModeSimulation.Result simulation, double dispersionMaxRelativeDeviation, double couplingBondFraction,
                           double exactBandCurvature, double continuumK) { }

    /** One Table II line. */
    public record TableIIRow(String name, String term, String paper, String deeprg, String deeprgInInferredConvention, String match) { }

    /** Example 2 structural checks. */
    public record Example2(int sites, int examples, double w1MassAtZero, double w2LatticeMass, double expectedW2LatticeMass,
                           double w1MassAwayFromZero) { }

    /** Noisy training. */
    public record Noise(double temperature, double gamma, Estimate softModeVariance, double softModePrediction,
                        Estimate stiffModeVariance, double stiffModePrediction, Estimate kineticTemperature) { }

    @Override
    public Result run(StudyContext ctx) {
        boolean full = ctx.scale() == Scale.FULL;
        Result.Builder out = Result.builder(title());
        List<Claim> claims = new ArrayList<>();

        // ---------------------------------------------------------------- mechanics (Eqs. 5, 8, 10)
        ctx.progress().start("sft mechanics", 7);
        DenseNetwork tanh = DenseNetwork.dense(new int[] {3, 5, 2}, Activation.TANH, Activation.LINEAR, true);
        Dataset mlpData = Dataset.uniformRandom(ctx.streams().split("mlp-data").generator(), 30, 3, 2);
        NetworkCost mlp = NetworkCost.of(tanh, mlpData, RunContext.of(0));
        double[] w0 = randomWeights(ctx.streams().split("mlp-w0").generator(), tanh.parameterCount(), 0.8);
        double gamma = 0.6;
        DampedDynamics dyn = new DampedDynamics(mlp, gamma);
        DampedDynamics.State[] traj = dyn.integrate(w0, new double[w0.length], full ? 20 : 8, full ? 800 : 200, 1e-11);
        double e0 = traj[0].energy();
        double dissErr = 0;
        double[] tt = new double[traj.length];
        double[] en = new double[traj.length];
        double[] ed = new double[traj.length];
        double[] act = new double[traj.length];
        for (int i = 0; i < traj.length; i++) {
            dissErr = Math.max(dissErr, Math.abs(traj[i].energy() + traj[i].dissipated() - e0) / e0);
            tt[i] = traj[i].t();
            en[i] = traj[i].energy();
            ed[i] = traj[i].energy() + traj[i].dissipated();
            act[i] = traj[i].action();
        }
        double[] el = eulerLagrange(mlp, gamma, w0, ctx);
        List<Mapping> maps = new ArrayList<>();
        Table.Builder mapTable = Table.builder("momentum-mapping", "learning rate eta", "momentum mu", "time step h", "gamma = -ln(mu)/h",
                "gamma_fd = (1-mu)/sqrt(eta)", "Hubble H = gamma/3");
        for (double[] em : new double[][] {{0.01, 0.9}, {0.001, 0.99}, {0.1, 0.5}, {1e-4, 0.999}}) {
            MomentumMapping m = new MomentumMapping(em[0], em[1]);
            maps.add(new Mapping(em[0], em[1], m.timeStep(), m.gamma(), m.gammaFiniteDifference(), m.hubble(3)));
            mapTable.row(em[0], em[1], m.timeStep(), m.gamma(), m.gammaFiniteDifference(), m.hubble(3));
        }
        Mechanics mech = new Mechanics(gamma, dissErr, el[0], el[1], maps);
        claims.add(Claim.check("Eqs. 5 and 8: Eq. 5 is the Euler-Lagrange equation of S = ∫dt e^{γt}(W'^2/2 - C)",
                "Eq. 5 follows from Eq. 8", String.format(Locale.ROOT, "numerical δS/δW = -h e^{γt}(W''+γW'+∇C) to relative %.1e on an "
                        + "arbitrary path; %.1e of the force scale on a solution of Eq. 5", el[0], el[1]),
                el[0] < 1e-3 && el[1] < 1e-3, "variation of the discretised action by central differences (h = 0.005), tanh MLP with 27 weights"));
        claims.add(Claim.check("Eq. 5: dE/dt = -γ W'^2 for E = W'^2/2 + C (dissipation; implied by the damped equation)",
                "E + γ∫W'^2 dt conserved", String.format(Locale.ROOT, "max |E + D - E(0)|/E(0) = %.1e", dissErr), dissErr < 1e-7,
                "Dormand-Prince 8(5,3), tolerance 1e-11, the dissipated energy D integrated with the state"));
        out.figure(Figure.of("mechanics-energy", "Damped training (Eq. 5) of a tanh MLP", "time t", "energy",
                "Mechanical energy E = W'^2/2 + C decreases; E + γ∫W'^2 dt stays at E(0) (dissipation identity).",
                Series.line("E(t)", tt, en), Series.line("E(t) + dissipated", tt, ed)));
        out.figure(Figure.of("mechanics-action", "Action of Eq. 8 along the trajectory", "time t", "S(t) = ∫_0^t e^{γt'}(W'^2/2 - C) dt'",
                "The action accumulated along the damped trajectory; the weight e^{γt} = sqrt(-g) is the de Sitter factor (Eq. 10).",
                Series.line("S(t)", tt, act)));
        out.table(mapTable.build());
        ctx.progress().advance(1);

        // ---------------------------------------------------------------- sources vs HVP (Eq. 11)
        DenseNetwork quad = DenseNetwork.dense(new int[] {3, 3, 2}, Activation.Polynomial.quadratic(0.5, -0.7, 0.2), Activation.LINEAR, true);
        Dataset qData = Dataset.uniformRandom(ctx.streams().split("quad-data").generator(), 12, 3, 2);
        double[] qw = randomWeights(ctx.streams().split("quad-w").generator(), quad.parameterCount(), 0.6);
        CostExpansion qe = CostExpansion.of(quad, qData, qw, 2);
        double[][] j2 = qe.j2();
        double[][] hq = NetworkCost.of(quad, qData, RunContext.of(0)).denseHessian(qw);
        double srcDiff = 0;
        double srcScale = 0;
        for (int a = 0; a < j2.length; a++) {
            for (int b = 0; b < j2.length; b++) {
                srcDiff = Math.max(srcDiff, Math.abs(2 * j2[a][b] - hq[a][b]));
                srcScale = Math.max(srcScale, Math.abs(hq[a][b]));
            }
        }
        claims.add(Claim.check("Eq. 11: J_2 is half the Hessian of the cost (exact polynomial algebra vs Hessian-vector products)",
                "J_2 = (1/2) ∂²C", String.format(Locale.ROOT, "max |2 J_2 - H| = %.1e (max |H| = %.3g)", srcDiff, srcScale),
                srcDiff < 1e-9 * Math.max(1, srcScale), "quadratic-activation MLP with " + quad.parameterCount() + " weights, 12 examples"));
        ctx.progress().advance(1);

        // ---------------------------------------------------------------- locality (Figs. 2-3)
        List<LocalityRow> locRows = new ArrayList<>();
        Table.Builder locTable = Table.builder("locality", "example", "sites", "embedding", "source", "band width", "r90", "r99",
                "system size", "terms");
        List<Series> ex1Series = new ArrayList<>();
        List<Series> ex2Series = new ArrayList<>();
        List<Series> ex2j3Series = new ArrayList<>();
        int[] siteList = full ? new int[] {8, 16} : new int[] {8};
        double paperR99Ex2 = 0;
        double standardR99Ex2 = 0;
        double paperR99Ex1 = 0;
        for (int s : siteList) {
            Dataset d1 = Dataset.uniformRandom(ctx.streams().split("loc1-" + s).generator(), 10, s, s);
            PerceptronExample p1 = new PerceptronExample(d1, 1.2, 0.3);
            DenseNetwork n1 = p1.network();
            CostExpansion c1 = CostExpansion.of(n1, d1, new double[n1.parameterCount()], 2);
            double[][] pc = new double[n1.parameterCount()][1];
            for (int k = 0; k < pc.length; k++) {
                pc[k][0] = p1.paperIndex(n1, k);
            }
            Embedding paper1 = new Embedding("paper relabelling (Fig. 2)", pc, new double[] {2.0 * s});
            for (Embedding e : new Embedding[] {Embedding.standardFlat(n1), paper1}) {
                Locality l = Locality.of(c1, e, 2);
                locRows.add(row("example 1", s, l));
                addLocRow(locTable, "example 1", s, l);
                if (s == siteList[0]) {
                    ex1Series.add(cumulative(e.name(), l));
                }
                if (e == paper1) {
                    paperR99Ex1 = Math.max(paperR99Ex1, l.r99());
                }
            }
            Dataset d2 = Dataset.uniformRandom(ctx.streams().split("loc2-" + s).generator(), 6, s, s);
            HiddenLayerExample h2 = new HiddenLayerExample(d2, 0.8, -0.6, 0.4);
            DenseNetwork n2 = h2.network();
            CostExpansion c2 = CostExpansion.of(n2, d2, new double[n2.parameterCount()], 3);
            for (Embedding e : new Embedding[] {Embedding.standardFlat(n2), h2.paperEmbedding(n2)}) {
                for (int order = 2; order <= 3; order++) {
                    Locality l = Locality.of(c2, e, order);
                    locRows.add(row("example 2", s, l));
                    addLocRow(locTable, "example 2", s, l);
                    if (s == siteList[0]) {
                        (order == 2 ? ex2Series : ex2j3Series).add(cumulative(e.name(), l));
                    }
                    if (order == 2 && e.name().startsWith("paper")) {
                        paperR99Ex2 = Math.max(paperR99Ex2, l.r99());
                    } else if (order == 2) {
                        standardR99Ex2 = Math.max(standardR99Ex2, l.r99() / l.systemSize());
                    }
                }
            }
        }
        out.table(locTable.build());
        out.figure(Figure.of("locality-example1", "Example 1: locality of J_2", "interaction distance / largest distance",
                "fraction of Σ|J_2| within distance", "Cumulative |J_2|-weighted fraction of couplings within distance r (normalised by the "
                        + "largest distance of the embedding), standard flat indexing vs the paper's relabelling; S = " + siteList[0]
                        + ". Under both, every coupling is at 1 index unit (absolute distances in locality.csv).",
                ex1Series.toArray(new Series[0])));
        out.figure(Figure.of("locality-example2-j2", "Example 2: locality of J_2", "interaction distance / largest distance",
                "fraction of Σ|J_2| within distance", "Cumulative |J_2|-weighted fraction within distance; the standard flat indexing "
                        + "puts layer-1 and layer-2 weights of the same output half the parameter vector apart. S = " + siteList[0] + ".",
                ex2Series.toArray(new Series[0])));
        out.figure(Figure.of("locality-example2-j3", "Example 2: locality of J_3", "interaction diameter / largest distance",
                "fraction of Σ|J_3| within diameter", "Cumulative |J_3|-weighted fraction of cubic couplings within a diameter; S = "
                        + siteList[0] + ".", ex2j3Series.toArray(new Series[0])));
        claims.add(Claim.check("Figs. 2-3: the paper's relabelling makes the examples local; the standard indexing does not (Example 2)",
                "local action (Eqs. 14, 19)", String.format(Locale.ROOT, "99%% of |J_2| within %.0f index units (Ex. 1), %.0f (Ex. 2) under the "
                        + "relabelling; standard flat indexing of Ex. 2: r99 = %.2f of the system size", paperR99Ex1, paperR99Ex2, standardR99Ex2),
                paperR99Ex1 <= 1 && paperR99Ex2 <= 4 && standardR99Ex2 > 0.3,
                "Example 1 is local under the standard flat indexing too (each output's two weights are adjacent in row-major order)"));
        ctx.progress().advance(1);

        // ---------------------------------------------------------------- Example 1
        int s1 = full ? 12 : 6;
        Dataset d1 = Dataset.uniformRandom(ctx.streams().split("ex1-data").generator(), 20, s1, s1);
        PerceptronExample ex1 = new PerceptronExample(d1, 1.0, 0.2);
        double[] kb = ex1.bondCouplings();
        double[] js = ex1.siteCouplings();
        double[] star = ex1.shift();
        double cmin = ex1.minimumCost();
        double eq14Err = 0;
        UniformRandomProvider r14 = ctx.streams().split("eq14").generator();
        for (int trial = 0; trial < 5; trial++) {
            double[] w = randomWeights(r14, ex1.dimension(), 2);
            double v = cmin;
            int n = ex1.dimension();
            for (int a = 0; a < n; a++) {
                double ua = w[a] - star[a];
                double ub = w[(a + 1) % n] - star[(a + 1) % n];
                v += 0.5 * kb[a] * (ub - ua) * (ub - ua) + 0.5 * js[a] * ua * ua;
            }
            eq14Err = Math.max(eq14Err, Math.abs(v - ex1.energy(w)) / ex1.energy(w));
        }
        claims.add(Claim.check("Eq. 14: C = Σ_i [K_i (W_{i+1} - W_i)^2/2 + J_i W_i^2/2] + const after shifting the weights",
                "holds with data-determined K_i, J_i", String.format(Locale.ROOT, "relative error %.1e; K_i = 0 on every odd bond", eq14Err),
                eq14Err < 1e-10, "exact couplings from the data, compared with direct evaluation at 5 random points"));
        PerceptronExample.Modes modes = ex1.modes();
        double gammaSim = Math.sqrt(modes.omega2()[0]);
        ModeSimulation.Result sim = ModeSimulation.run(ex1, gammaSim, 0.02, 6, ctx.streams().split("ex1-sim").generator());
        claims.add(Claim.check("Eq. 5 on Example 1: momentum training oscillates in normal modes with frequency sqrt(ω²-γ²/4), damping γ/2",
                "normal modes of Eq. 17", String.format(Locale.ROOT, "max relative error: frequency %.2e, damping %.2e over %d modes",
                        sim.maxFrequencyError(), sim.maxDampingError(), sim.modes().length),
                sim.maxFrequencyError() < 0.01 && sim.maxDampingError() < 0.01,
                "heavy ball with eta = h^2 e^{-γh/2}, mu = e^{-γh}, h ω_max = 0.02; Prony fit of each mode's projection (tolerance 1%)"));
        Table.Builder modeTable = Table.builder("example1-modes", "mode", "omega^2", "predicted frequency", "measured frequency",
                "predicted damping", "measured damping");
        double[] mi = new double[sim.modes().length];
        double[] pf = new double[mi.length];
        double[] mf = new double[mi.length];
        for (int m = 0; m < mi.length; m++) {
            ModeSimulation.Mode md = sim.modes()[m];
            modeTable.row(m, md.omega2(), md.predictedFrequency(), md.measuredFrequency(), md.predictedDamping(), md.measuredDamping());
            mi[m] = m;
            pf[m] = md.predictedFrequency();
            mf[m] = md.measuredFrequency();
        }
        out.table(modeTable.build());
        out.figure(Figure.of("example1-mode-frequencies", "Example 1: normal-mode frequencies under momentum training", "mode (ascending ω²)",
                "frequency", "Predicted sqrt(ω² - γ²/4) from the Hessian spectrum vs measured from a heavy-ball training run (γ = ω_min).",
                Series.line("predicted", mi, pf), Series.markers("measured (simulation)", mi, mf)));
        // dispersion for translation-invariant data
        int sd = full ? 32 : 16;
        Dataset base = Dataset.uniformRandom(ctx.streams().split("ex1-disp").generator(), 4, sd, sd);
        PerceptronExample ti = new PerceptronExample(PerceptronExample.translationInvariant(base), 1.0, 0.0);
        PerceptronExample.Dispersion disp = ti.dispersion(101);
        out.figure(Figure.of("example1-dispersion", "Example 1: dispersion of training modes, translation-invariant data", "wave number k (per weight index)",
                "ω²", "Exact bands of the Hessian (Bloch analysis, two weights per site; flat because only intra-site bonds couple) vs the "
                        + "continuum ω² = J + K k² of Eq. 17 and the uniform nearest-neighbour lattice it presumes, with J, K the site/bond averages.",
                Series.line("exact (lattice Hessian)", disp.k(), disp.exact()), Series.line("continuum J + K k^2 (Eq. 17)", disp.k(), disp.continuum()),
                Series.line("uniform lattice J + 2K(1 - cos k)", disp.k(), disp.uniformLattice())));
        claims.add(Claim.check("Eqs. 15-17: the continuum limit of Example 1 gives the dispersion ω² = J + K k²",
                "ω² = J + K k²", String.format(Locale.ROOT, "exact bands are flat (curvature at k=0: %.1e vs continuum K = %.4g); max |deviation| "
                        + "= %.0f%% of the band top; only %.0f%% of the bonds couple", disp.exactBandCurvature(), disp.meanK(),
                        100 * disp.maxRelativeDeviation(), 100 * disp.couplingBondFraction()),
                disp.maxRelativeDeviation() < 0.05,
                "weights of different outputs never couple (K_{2i+1} = 0): the field is a set of independent dimers and nothing propagates"));
        Example1 e1 = new Example1(s1, d1.size(), modes.omega2(), kb, js, eq14Err, sim, disp.maxRelativeDeviation(),
                disp.couplingBondFraction(), disp.exactBandCurvature(), disp.meanK());
        ctx.progress().advance(1);

        // ---------------------------------------------------------------- Example 2, Table II
        List<HiddenLayerExample.ContinuumTerm> terms = HiddenLayerExample.continuumTerms();
        List<TableIIRow> t2 = new ArrayList<>();
        Table.Builder t2Table = Table.builder("table-ii", "coupling", "term of Eq. 19", "paper (Table II)", "deeprg (a = site spacing)",
                "deeprg in the inferred paper convention", "match");
        for (HiddenLayerExample.TableEntry e : HiddenLayerExample.tableII()) {
            List<HiddenLayerExample.DataTerm> mine = HiddenLayerExample.coefficientOf(terms, e.fieldMonomial());
            List<HiddenLayerExample.DataTerm> conv = HiddenLayerExample.toInferredPaperConvention(mine);
            HiddenLayerExample.Match direct = HiddenLayerExample.compare(mine, e.paper());
            HiddenLayerExample.Match inferred = HiddenLayerExample.compare(conv, e.paper());
            String paper = HiddenLayerExample.describe(e.paper());
            String md = HiddenLayerExample.describe(mine);
            String mc = HiddenLayerExample.describe(conv);
            t2.add(new TableIIRow(e.name(), e.term(), paper, md, mc, inferred.name()));
            t2Table.row(e.name(), e.term(), paper, md, mc, inferred.name());
            boolean derivativeFree = e.paper().stream().allMatch(t -> t.derivatives() == 0);
            String stmt = "Table II: " + e.name() + " (coefficient of " + e.term() + " in the cost density)";
            if (derivativeFree) {
                claims.add(Claim.check(stmt, paper, md, direct == HiddenLayerExample.Match.EQUAL,
                        direct == HiddenLayerExample.Match.EQUAL ? "exact symbolic expansion; no derivative, so no lattice-spacing ambiguity"
                                : "exact symbolic expansion gives the opposite sign: with L = W'^2/2 - C and '-J w' in Eq. 19, J is the cost "
                                + "coefficient, which is -2Y × (...) for terms odd in Y"));
            } else {
                claims.add(Claim.notComparable(stmt, paper, md + "  [inferred convention: " + mc + "]",
                        "derivative terms depend on the lattice spacing; Table II is reproduced "
                                + (inferred == HiddenLayerExample.Match.EQUAL ? "exactly" : inferred == HiddenLayerExample.Match.OPPOSITE_SIGN
                                ? "in magnitude (opposite sign)" : "NOT")
                                + " only if Taylor steps use a = one index unit while Σ_i → ∫dx/a uses a = one site (4 index units): "
                                + "no single lattice spacing; deeprg's consistent coefficient differs by 4^{n_d}"));
            }
        }
        out.table(t2Table.build());
        Dataset d2 = Dataset.uniformRandom(ctx.streams().split("ex2-data").generator(), 9, 5, 5);
        double rr = 0.4;
        HiddenLayerExample ex2 = new HiddenLayerExample(d2, 0.8, -0.6, rr);
        DenseNetwork n2 = ex2.network();
        NetworkCost c2 = NetworkCost.of(n2, d2, RunContext.of(0));
        double[][] h0 = c2.denseHessian(new double[n2.parameterCount()]);
        double[][] h1 = c2.denseHessian(randomWeights(ctx.streams().split("ex2-ref").generator(), n2.parameterCount(), 0.5));
        double w1Mass = 0;
        double w2Mass = 0;
        double w1Away = 0;
        for (int k = 0; k < n2.parameterCount(); k++) {
            if (ex2.field(n2, k) == 1) {
                w1Mass = Math.max(w1Mass, Math.abs(h0[k][k]));
                w1Away = Math.max(w1Away, Math.abs(h1[k][k]));
            } else {
                w2Mass = h0[k][k];
            }
        }
        boolean noW1Continuum = HiddenLayerExample.coefficientOf(terms, new int[] {0, 0}).isEmpty();
        claims.add(Claim.check("Eq. 19 discussion: a mass term appears only for the last layer's field w_2, m² ∝ N_l r²",
                "m² = 8 a^{-1} N_l r² for w_2, none for w_1",
                String.format(Locale.ROOT, "around W = 0: no w_1² term (lattice ∂²C/∂W1² = %.1e), ∂²C/∂W2² = %.4g = 2 N_l r² (%.4g) → "
                        + "m² = 8 N_l r²/a; around random weights (scale 0.5) ∂²C/∂W1² reaches %.3g", w1Mass, w2Mass, 2 * 9 * rr * rr, w1Away),
                noW1Continuum && w1Mass == 0 && Math.abs(w2Mass - 2 * 9 * rr * rr) < 1e-12,
                "holds for the expansion around zero weights (the paper's); around trained weights w_1 acquires a mass as well"));
        Example2 e2 = new Example2(5, 9, w1Mass, w2Mass, 2 * 9 * rr * rr, w1Away);
        ctx.progress().advance(1);

        // ---------------------------------------------------------------- noise (outlook iii)
        double temp = 0.2;
        PerceptronExample nx = new PerceptronExample(Dataset.uniformRandom(ctx.streams().split("noise-data").generator(), 10, 3, 3), 1.0, 0.0);
        PerceptronExample.Modes nm = nx.modes();
        double[] nstar = nx.shift();
        double ng = Math.sqrt(nm.omega2()[0]);
        double hmax = Math.sqrt(nm.omega2()[nm.omega2().length - 1]);
        int samples = full ? 100_000 : 20_000;
        double[] soft = new double[samples];
        double[] stiff = new double[samples];
        double[] kin = new double[samples];
        int[] c = {0};
        int last = nm.omega2().length - 1;
        NoisyTraining.underdamped(nx, nstar, ng, temp, 0.05 / hmax, 2000, samples * 10L, 10, ctx.streams().split("noise").generator(),
                (step, w, v) -> {
                    soft[c[0]] = sq(proj(nm.vectors()[0], w, nstar));
                    stiff[c[0]] = sq(proj(nm.vectors()[last], w, nstar));
                    double k = 0;
                    for (double vi : v) {
                        k += vi * vi;
                    }
                    kin[c[0]++] = k / v.length;
                });
        Estimate es = Estimate.ofTimeSeries(soft);
        Estimate et = Estimate.ofTimeSeries(stiff);
        Estimate ek = Estimate.ofTimeSeries(kin);
        claims.add(Claim.sampled("Outlook (iii): noisy momentum training samples exp(-C/T): softest mode <u²> = T/ω²_min", temp / nm.omega2()[0], es, 5));
        claims.add(Claim.sampled("Outlook (iii): stiffest mode <u²> = T/ω²_max", temp / nm.omega2()[last], et, 5));
        claims.add(Claim.sampled("Outlook (iii): equipartition <V_a²> = T", temp, ek, 5));
        Noise noise = new Noise(temp, ng, es, temp / nm.omega2()[0], et, temp / nm.omega2()[last], ek);
        ctx.progress().advance(1);

        Data data = new Data(mech, srcDiff, locRows, e1, t2, e2, noise);
        out.data(data).claims(claims);
        out.summary(String.format(Locale.ROOT, "Eq. 5 from Eq. 8: relative residual %.1e; dissipation identity to %.1e", el[0], dissErr));
        out.summary(String.format(Locale.ROOT, "Example 1 modes: frequency error %.1e, damping error %.1e (tolerance 1%%)", sim.maxFrequencyError(), sim.maxDampingError()));
        out.summary(String.format(Locale.ROOT, "Example 1 dispersion: exact bands flat, continuum J + K k² off by up to %.0f%%", 100 * disp.maxRelativeDeviation()));
        long opp = t2.stream().filter(r -> r.match().equals("OPPOSITE_SIGN")).count();
        long eq = t2.stream().filter(r -> r.match().equals("EQUAL")).count();
        out.summary(String.format(Locale.ROOT, "Table II: %d entries equal, %d with opposite sign in the inferred convention (of %d)", eq, opp, t2.size()));
        ctx.progress().finish();
        return out.build();
    }

    private static double[] eulerLagrange(NetworkCost cost, double gamma, double[] w0, StudyContext ctx) {
        int n = cost.dimension();
        double h = 0.005;
        UniformRandomProvider r = ctx.streams().split("el-path").generator();
        double[] b = randomWeights(r, n, 0.5);
        double[] c = randomWeights(r, n, 0.2);
        double t0 = 0.4;
        double[][] path = new double[3][n];
        for (int k = 0; k < 3; k++) {
            double t = t0 + (k - 1) * h;
            for (int i = 0; i < n; i++) {
                path[k][i] = w0[i] + b[i] * Math.sin(t) + c[i] * t * t;
            }
        }
        DiscreteAction s = new DiscreteAction(cost, gamma, t0 - h, h);
        double[] var = s.variation(path, 1, 1e-5);
        double[] g = new double[n];
        cost.energyAndGradient(path[1], g);
        double err = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            double eq5 = -b[i] * Math.sin(t0) + 2 * c[i] + gamma * (b[i] * Math.cos(t0) + 2 * c[i] * t0) + g[i];
            double el = -var[i] / (h * Math.exp(gamma * t0));
            err = Math.max(err, Math.abs(el - eq5));
            scale = Math.max(scale, Math.abs(eq5));
        }
        // on shell
        DampedDynamics dyn = new DampedDynamics(cost, gamma);
        DampedDynamics.State[] st = dyn.integrate(w0, b, 40 * h, 40, 1e-12);
        double[][] p2 = new double[st.length][];
        for (int k = 0; k < st.length; k++) {
            p2[k] = st[k].w();
        }
        DiscreteAction s2 = new DiscreteAction(cost, gamma, 0, h);
        double[] v2 = s2.variation(p2, 20, 1e-6);
        cost.energyAndGradient(p2[20], g);
        double on = 0;
        double force = 0;
        for (int i = 0; i < n; i++) {
            on = Math.max(on, Math.abs(v2[i]));
            force = Math.max(force, Math.abs(h * Math.exp(gamma * 20 * h) * g[i]));
        }
        return new double[] {err / scale, on / force};
    }

    private static LocalityRow row(String ex, int s, Locality l) {
        return new LocalityRow(ex, s, l.embedding(), l.order(), l.bandWidth(), l.r90(), l.r99(), l.systemSize(), l.terms());
    }

    private static void addLocRow(Table.Builder t, String ex, int s, Locality l) {
        t.row(ex, s, l.embedding(), "J" + l.order(), l.bandWidth(), l.r90(), l.r99(), l.systemSize(), l.terms());
    }

    /** F(r) as a step function (each radius adds its weight at once). */
    private static Series cumulative(String name, Locality l) {
        int n = l.radii().length;
        double[] x = new double[2 * n + 1];
        double[] y = new double[2 * n + 1];
        double prev = 0;
        for (int i = 0; i < n; i++) {
            double r = l.radii()[i] / l.systemSize();
            x[2 * i + 1] = r;
            y[2 * i + 1] = prev;
            x[2 * i + 2] = r;
            y[2 * i + 2] = l.cumulative()[i];
            prev = l.cumulative()[i];
        }
        return Series.line(name, x, y);
    }

    static double[] randomWeights(UniformRandomProvider r, int n, double scale) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = scale * (2 * r.nextDouble() - 1);
        }
        return w;
    }

    private static double proj(double[] e, double[] w, double[] star) {
        double s = 0;
        for (int a = 0; a < e.length; a++) {
            s += e[a] * (w[a] - star[a]);
        }
        return s;
    }

    private static double sq(double x) {
        return x * x;
    }
}
