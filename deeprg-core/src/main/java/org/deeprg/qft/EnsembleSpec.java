package org.deeprg.qft;

import java.util.List;
import org.deeprg.InvalidInputException;

/**
 * One ensemble experiment (Sec. 3): for every width, {@code bags} independent bags of {@code nets} networks each;
 * the n-point functions of Eq. 5 at all sorted multisets of the points for n = 2, 4, ..., maxN.
 *
 * @param network the architecture (its width field is ignored; see {@code widths})
 * @param widths  the hidden widths N
 * @param points  the input points, rows of length d_in
 * @param maxN    largest n (even, 2..8)
 * @param nets    networks per bag ({@code >= 2})
 * @param bags    bags ({@code >= 2}, for an error bar)
 * @param exact   whether to compute the exact finite-width values (one hidden layer)
 * @param estimator plain products (the paper's Eq. 5) or their conditional expectation given the hidden layers
 *
 * <p>Serialisable: the tasks of a distributed run carry it.
 */
public record EnsembleSpec(NetworkSpec network, List<Integer> widths, double[][] points, int maxN, int nets, int bags,
                           boolean exact, Estimator estimator) implements java.io.Serializable {
    /** Largest number of slots (multisets) accepted. */
    public static final long MAX_SLOTS = 20_000;
    /** Largest amount of work accepted: networks times hidden neurons times points. */
    public static final double MAX_WORK = 2e12;
    /** Largest number of chunk partial sums held before combining (8 bytes each: 400 MB). */
    public static final double MAX_PARTIAL_SUMS = 5e7;
    /** Largest number of points. */
    public static final int MAX_POINTS = 64;

    public EnsembleSpec {
        if (widths == null || widths.isEmpty()) {
            throw new InvalidInputException("width", "(none)", "give at least one width N >= 1");
        }
        for (int w : widths) {
            InvalidInputException.requireInRange("width", w, 1, NetworkSpec.MAX_WIDTH);
            network.withWidth(w);
        }
        widths = List.copyOf(widths);
        if (points == null || points.length == 0) {
            throw new InvalidInputException("points", "(none)", "give at least one input point");
        }
        InvalidInputException.requireInRange("points", points.length, 1, MAX_POINTS);
        for (double[] p : points) {
            if (p.length != network.dIn()) {
                throw new InvalidInputException("points", java.util.Arrays.toString(p),
                        "every point must have d_in = " + network.dIn() + " coordinates (separate coordinates with ':')");
            }
            for (double c : p) {
                InvalidInputException.requireFinite("points", c);
            }
        }
        if (maxN < 2 || maxN > Wick.MAX_N || maxN % 2 != 0) {
            throw new InvalidInputException("maxN", maxN, "must be even and in [2, " + Wick.MAX_N + "]");
        }
        InvalidInputException.requireInRange("nets", nets, 2, 1_000_000_000);
        InvalidInputException.requireInRange("bags", bags, 2, 100_000);
        long slots = NPointLayout.slotCount(points.length, maxN);
        if (slots > MAX_SLOTS) {
            throw new InvalidInputException("points", points.length + " points with n up to " + maxN,
                    "at most " + MAX_SLOTS + " multisets (" + slots + " requested); use fewer points or a smaller --max-n");
        }
        long tasks = (long) widths.size() * bags * ((nets + Ensemble.CHUNK - 1) / Ensemble.CHUNK);
        if ((double) tasks * slots > MAX_PARTIAL_SUMS) {
            throw new InvalidInputException("nets", nets, String.format(java.util.Locale.ROOT,
                    "widths x bags x ceil(nets/%d) x multisets = %.3g partial sums exceed the memory limit %.1g; use fewer bags or nets per run",
                    Ensemble.CHUNK, (double) tasks * slots, MAX_PARTIAL_SUMS));
        }
        double work = 0;
        for (int w : widths) {
            work += (double) bags * nets * (network.depth() == 1 ? w : (double) w * w * network.depth()) * points.length;
        }
        if (work > MAX_WORK) {
            throw new InvalidInputException("nets", nets, String.format(java.util.Locale.ROOT,
                    "bags x nets x widths x points = %.3g exceeds the limit %.1g", work, MAX_WORK));
        }
        if (exact && network.depth() != 1) {
            exact = false;
        }
        if (estimator == null) {
            throw new InvalidInputException("estimator", null, "must be plain or conditional");
        }
    }

    /** The paper's plain estimator (Eq. 5). */
    public EnsembleSpec(NetworkSpec network, List<Integer> widths, double[][] points, int maxN, int nets, int bags, boolean exact) {
        this(network, widths, points, maxN, nets, bags, exact, Estimator.PLAIN);
    }

    /** A copy with another estimator. */
    public EnsembleSpec withEstimator(Estimator e) {
        return new EnsembleSpec(network, widths, points, maxN, nets, bags, exact, e);
    }

    /** The network at width w. */
    public NetworkSpec at(int w) {
        return network.withWidth(w);
    }
}
