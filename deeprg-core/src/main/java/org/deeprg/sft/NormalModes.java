package org.deeprg.sft;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.NetworkCost;
import org.deeprg.run.RunContext;
import org.deeprg.sft.spectral.Lanczos;

/**
 * {@code sft modes}: the extreme eigenvalues {@code omega^2} of the Hessian of the cost (Eq. 2) at the reference point,
 * by Lanczos with full re-orthogonalisation ({@link Lanczos}, start vector from stream {@code "lanczos"}) over exact
 * Hessian-vector products ({@link NetworkCost}, blocks on the context's threads): the normal modes of training, with
 * their frequencies {@code sqrt(omega^2 - gamma^2/4)} and damping under momentum (Eq. 5). No dense Hessian is formed.
 */
public final class NormalModes {
    private NormalModes() {
    }

    /** Computes the spec's extreme modes. */
    public static ModesResult run(ModesSpec spec, RunContext context) {
        DenseNetwork n = spec.network().network();
        Dataset d = spec.network().dataset(context.streams());
        double[] w0 = spec.network().referencePoint(n, context.streams());
        NetworkCost cost = NetworkCost.of(n, d, context);
        int p = n.parameterCount();
        int want = Math.min(spec.eigenvalues(), p);
        int small = switch (spec.which()) {
            case "largest" -> 0;
            case "smallest" -> want;
            default -> want / 2;
        };
        int large = want - small;
        context.progress().start("lanczos", 1);
        Lanczos.Result r = Lanczos.extremes((v, out) -> cost.hessianVectorProduct(w0, v, out), p, small, large,
                Math.min(spec.maxSteps(), p), spec.tolerance(), context.streams().split("lanczos").generator());
        context.progress().advance(1);
        List<ModesResult.Mode> modes = new ArrayList<>();
        double[] all = new double[r.smallest().length + r.largest().length];
        System.arraycopy(r.smallest(), 0, all, 0, r.smallest().length);
        System.arraycopy(r.largest(), 0, all, r.smallest().length, r.largest().length);
        for (double w2 : all) {
            if (!spec.hasMomentum()) {
                modes.add(new ModesResult.Mode(w2, null, null));
            } else {
                double[] rates = MomentumMapping.continuumRates(w2, spec.momentum());
                modes.add(new ModesResult.Mode(w2, Math.abs(rates[1]), -Math.max(rates[0], rates[2])));
            }
        }
        return new ModesResult(p, d.size(), r.smallest(), r.largest(), r.residuals(), r.steps(), r.converged(), modes);
    }
}
