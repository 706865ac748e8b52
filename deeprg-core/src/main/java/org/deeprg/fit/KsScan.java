package org.deeprg.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.deeprg.run.LocalBackend;

/**
 * Exact minimisation of the Kolmogorov-Smirnov distance over x_min candidates by branch and bound.
 *
 * <h2>The problem</h2>
 * Candidate \( c \) (a possible \( x_{min} \), with its own fitted exponent) has a KS distance that is a maximum over
 * evaluation points \( p \in [\mathrm{first}(c), \mathrm{end}) \) (the sorted tail values, or the distinct values for
 * discrete data): \( D(c) = \max_p e(c, p) \), where \( e(c,p) \ge 0 \) is the largest deviation between the
 * empirical and the fitted CDF around point \( p \) (see {@link KsProblem}). We want
 * \( c^* = \arg\min_c D(c) \), ties to the smaller candidate (the smaller \( x_{min} \)). Evaluating every \( D(c) \)
 * costs \( O(n^2) \).
 *
 * <h2>The bound (why the result is exact)</h2>
 * For any subset \( P \) of a candidate's points, \( L_P(c) = \max_{p \in P} e(c, p) \le D(c) \): a maximum over fewer
 * terms. The terms are computed by the same code as in a full pass, so the inequality holds exactly in floating point,
 * not just approximately. Hence if \( L_P(c) > D(b) \) for a candidate \( b \) already evaluated in full (or
 * \( L_P(c) = D(b) \) and \( c > b \)), \( c \) cannot be the minimiser and is discarded without a full pass; and a
 * full pass may stop as soon as its running maximum exceeds the best \( D \) known (the candidate then loses). Only
 * candidates that cannot win are ever discarded, and the winner's \( D \) is computed in full by the same function as
 * in a brute-force scan, whatever the order of evaluation and the interleaving of threads: the result (candidate and
 * \( D \), bit for bit) is that of the brute-force scan ({@link #bruteForce}; tested on random mixtures with ties).
 *
 * <h2>The search</h2>
 * Neighbouring candidates have nearly the same deviation curve (one point less, an exponent that moves by
 * \( O(1/n_{tail}) \)), so the point where one candidate's deviation peaks (a "witness") gives every other candidate
 * a lower bound that is usually close to its \( D \), at one term each.
 * <ol>
 * <li>A dozen candidates spread evenly in log tail size are evaluated in full: a first best and first witnesses.</li>
 * <li>Best first: every candidate carries its bound from the witnesses so far; the candidate with the smallest bound is
 *     evaluated in full (the points split over the threads), its peak becomes a witness and updates every bound
 *     (\( O(\#\text{candidates}) \), in parallel). When the smallest bound is no better than the best \( D \) found,
 *     every remaining candidate is discarded and the scan is over. Because the bound usually equals \( D \) at the
 *     witness, this ends after a handful of rounds.</li>
 * <li>If {@value #ROUNDS} rounds do not settle it, a sweep over all remaining candidates in chunks (in parallel)
 *     tries each candidate's bound, its chunk's recent witnesses, strided passes over 32 and 1024 of its points, and
 *     only then a full pass.</li>
 * </ol>
 */
final class KsScan {
    /** Candidates evaluated in full at the start, spread evenly in log tail size. */
    static final int GRID = 12;
    /** Best-first rounds before the sweep. */
    static final int ROUNDS = 64;
    /** Witnesses kept per sweep chunk. */
    static final int WITNESSES = 8;
    /** Strided passes of the sweep before a full pass: number of points sampled. */
    static final int[] STRIDED = {32, 1024};
    /** Points per block of a parallel full pass. */
    static final int PASS_BLOCK = 1 << 16;

    /** Full passes done (all scans of this JVM; a diagnostic for benchmarks, not part of any result). */
    static final AtomicLong FULL_PASSES = new AtomicLong();
    /** Points evaluated in full passes (diagnostic, as above). */
    static final AtomicLong FULL_POINTS = new AtomicLong();
    /** Candidates left to the sweep (diagnostic, as above). */
    static final AtomicLong SWEPT = new AtomicLong();

    private KsScan() {
    }

    /** A KS minimisation problem (see the class comment). */
    interface KsProblem {
        /** Number of candidates. */
        int candidates();

        /** Whether candidate c has a fitted law (invalid ones are skipped). */
        boolean valid(int c);

        /** First evaluation point of candidate c. */
        int first(int c);

        /** One past the last evaluation point (the same for every candidate). */
        int end();

        /** \( e(c, p) \ge 0 \): the deviation around point p; the KS distance is its maximum over the points. */
        double deviation(int c, int p);

        /**
         * The maximum of {@link #deviation} over points [from, to), stopping once it exceeds {@code cutoff}; its
         * position goes to {@code argmax[0]}. A problem may override this with a faster loop computing the same terms
         * bit for bit.
         */
        default double pass(int c, int from, int to, double cutoff, int[] argmax) {
            double d = -1;
            int at = -1;
            for (int q = from; q < to; q++) {
                double e = deviation(c, q);
                if (e > d) {
                    d = e;
                    at = q;
                    if (d > cutoff) {
                        break;
                    }
                }
            }
            argmax[0] = at;
            return d;
        }
    }

    /**
     * The winner.
     *
     * @param candidate the minimiser (ties to the smaller index), -1 if no candidate is valid
     * @param ks        its KS distance
     */
    record Best(int candidate, double ks) {
        boolean beats(double d, int c) {
            return candidate < 0 || d < ks || (d == ks && c < candidate);
        }

        /** Whether a lower bound lb for candidate c proves it no better than this. */
        boolean prunes(double lb, int c) {
            return candidate >= 0 && (lb > ks || (lb == ks && c > candidate));
        }
    }

    /** \( D(c) \) on one thread, or a value above cutoff once exceeded; the peak's position in argmax[0]. */
    static double fullPass(KsProblem p, int c, double cutoff, int[] argmax) {
        double d = p.pass(c, p.first(c), p.end(), cutoff, argmax);
        FULL_PASSES.incrementAndGet();
        FULL_POINTS.addAndGet(p.end() - p.first(c));
        return d;
    }

    /** \( D(c) \) with the points split over threads in fixed blocks (ties in the peak go to the first block). */
    static double parallelPass(KsProblem p, int c, double cutoff, int[] argmax, int threads) {
        int first = p.first(c);
        int end = p.end();
        int blocks = (end - first + PASS_BLOCK - 1) / PASS_BLOCK;
        if (threads <= 1 || blocks <= 1) {
            return fullPass(p, c, cutoff, argmax);
        }
        double[][] parts = new double[blocks][];
        LocalBackend.inThreads(blocks, threads, b -> {
            int from = first + b * PASS_BLOCK;
            int to = Math.min(end, from + PASS_BLOCK);
            int[] at = new int[1];
            double d = p.pass(c, from, to, cutoff, at);
            parts[b] = new double[] {d, at[0]};
            return null;
        });
        double d = -1;
        int at = -1;
        for (double[] part : parts) {
            if (part[0] > d) {
                d = part[0];
                at = (int) part[1];
            }
        }
        FULL_PASSES.incrementAndGet();
        FULL_POINTS.addAndGet(end - first);
        argmax[0] = at;
        return d;
    }

    /** The brute-force scan: every valid candidate in full (the reference of the tests). */
    static Best bruteForce(KsProblem p, int threads) {
        int count = p.candidates();
        int chunks = Math.max(1, Math.min(count, 4 * threads));
        List<Best> parts = LocalBackend.inThreads(chunks, threads, k -> {
            int from = (int) ((long) count * k / chunks);
            int to = (int) ((long) count * (k + 1) / chunks);
            Best best = new Best(-1, Double.POSITIVE_INFINITY);
            int[] argmax = new int[1];
            for (int c = from; c < to; c++) {
                if (p.valid(c)) {
                    double d = p.pass(c, p.first(c), p.end(), Double.POSITIVE_INFINITY, argmax);
                    if (best.beats(d, c)) {
                        best = new Best(c, d);
                    }
                }
            }
            return best;
        });
        Best best = new Best(-1, Double.POSITIVE_INFINITY);
        for (Best b : parts) {
            if (b.candidate() >= 0 && best.beats(b.ks(), b.candidate())) {
                best = b;
            }
        }
        return best;
    }

    /** The exact branch-and-bound scan (same answer as {@link #bruteForce}). */
    static Best minimise(KsProblem p, int threads) {
        int count = p.candidates();
        int[] all = new int[count];
        int validCount = 0;
        for (int c = 0; c < count; c++) {
            if (p.valid(c)) {
                all[validCount++] = c;
            }
        }
        if (validCount == 0) {
            return new Best(-1, Double.POSITIVE_INFINITY);
        }
        int[] valid = Arrays.copyOf(all, validCount);
        int end = p.end();
        AtomicReference<Best> best = new AtomicReference<>(new Best(-1, Double.POSITIVE_INFINITY));
        BitSet evaluated = new BitSet(validCount);
        double[] bound = new double[validCount];
        Arrays.fill(bound, -1);

        // (1) a grid spread evenly in log tail size
        double largest = end - p.first(valid[0]);
        double smallest = end - p.first(valid[validCount - 1]);
        List<Integer> grid = new ArrayList<>();
        int cursor = 0;
        for (int g = 0; g < GRID; g++) {
            double target = largest * Math.pow(smallest / largest, g / (double) (GRID - 1));
            while (cursor < validCount - 1 && end - p.first(valid[cursor]) > target) {
                cursor++;
            }
            if (grid.isEmpty() || grid.get(grid.size() - 1) != cursor) {
                grid.add(cursor);
            }
        }
        List<Integer> peaks = LocalBackend.inThreads(grid.size(), threads, g -> {
            int i = grid.get(g);
            int[] argmax = new int[1];
            double d = fullPass(p, valid[i], Double.POSITIVE_INFINITY, argmax);
            offer(best, d, valid[i]);
            return argmax[0];
        });
        for (int i : grid) {
            evaluated.set(i);
        }
        int chunks = Math.max(1, Math.min(validCount, 16 * threads));
        updateBounds(p, valid, bound, evaluated, peaks.stream().mapToInt(Integer::intValue).toArray(), best.get().ks(), chunks,
                threads);

        // (2) best first
        int[] argmax = new int[1];
        for (int round = 0; round < ROUNDS; round++) {
            int next = argminBound(valid, bound, evaluated, chunks, threads);
            if (next < 0 || best.get().prunes(bound[next], valid[next])) {
                return best.get();
            }
            Best b = best.get();
            double d = parallelPass(p, valid[next], b.ks(), argmax, threads);
            evaluated.set(next);
            offer(best, d, valid[next]);
            updateBounds(p, valid, bound, evaluated, new int[] {argmax[0]}, best.get().ks(), chunks, threads);
        }

        // (3) the sweep
        int candidatesLeft = validCount;
        int sweepChunks = Math.max(1, Math.min(validCount, Math.max(64, 8 * threads)));
        LocalBackend.inThreads(sweepChunks, threads, k -> {
            int from = (int) ((long) candidatesLeft * k / sweepChunks);
            int to = (int) ((long) candidatesLeft * (k + 1) / sweepChunks);
            sweep(p, valid, bound, evaluated, from, to, best);
            return null;
        });
        return best.get();
    }

    /**
     * bound[i] = max(bound[i], e(c_i, w)) over the witnesses w, for every candidate not yet evaluated. A candidate
     * whose bound already exceeds {@code enough} (the best D known) is excluded whatever else is added, so its bound is
     * not refined further (it stays a valid lower bound).
     */
    private static void updateBounds(KsProblem p, int[] valid, double[] bound, BitSet evaluated, int[] witnesses,
                                     double enough, int chunks, int threads) {
        int n = valid.length;
        LocalBackend.inThreads(chunks, threads, k -> {
            int from = (int) ((long) n * k / chunks);
            int to = (int) ((long) n * (k + 1) / chunks);
            for (int i = from; i < to; i++) {
                double lb = bound[i];
                if (lb > enough || evaluated.get(i)) {
                    continue;
                }
                int c = valid[i];
                int first = p.first(c);
                for (int w : witnesses) {
                    if (w >= first) {
                        lb = Math.max(lb, p.deviation(c, w));
                        if (lb > enough) {
                            break;
                        }
                    }
                }
                bound[i] = lb;
            }
            return null;
        });
    }

    /** The candidate (index into valid) with the smallest bound, ties to the smaller index; -1 if none is left. */
    private static int argminBound(int[] valid, double[] bound, BitSet evaluated, int chunks, int threads) {
        int n = valid.length;
        List<Integer> parts = LocalBackend.inThreads(chunks, threads, k -> {
            int from = (int) ((long) n * k / chunks);
            int to = (int) ((long) n * (k + 1) / chunks);
            int at = -1;
            for (int i = from; i < to; i++) {
                if (!evaluated.get(i) && (at < 0 || bound[i] < bound[at])) {
                    at = i;
                }
            }
            return at;
        });
        int at = -1;
        for (int i : parts) {
            if (i >= 0 && (at < 0 || bound[i] < bound[at])) {
                at = i;
            }
        }
        return at;
    }

    private static void offer(AtomicReference<Best> best, double d, int c) {
        while (true) {
            Best b = best.get();
            if (!b.beats(d, c)) {
                return;
            }
            if (best.compareAndSet(b, new Best(c, d))) {
                return;
            }
        }
    }

    private static void sweep(KsProblem p, int[] valid, double[] bound, BitSet evaluated, int from, int to,
                              AtomicReference<Best> best) {
        int[] ring = new int[WITNESSES];
        int ringSize = 0;
        int ringNext = 0;
        int hot = -1; // the witness that pruned last
        int[] argmax = new int[1];
        int end = p.end();
        long swept = 0;
        for (int i = from; i < to; i++) {
            if (evaluated.get(i)) {
                continue;
            }
            int c = valid[i];
            Best b = best.get();
            double lb = bound[i];
            if (b.prunes(lb, c)) {
                continue;
            }
            swept++;
            int first = p.first(c);
            boolean pruned = false;
            if (hot >= first) {
                lb = Math.max(lb, p.deviation(c, hot));
                pruned = b.prunes(lb, c);
            }
            for (int w = 0; w < ringSize && !pruned; w++) {
                int q = ring[w];
                if (q >= first && q != hot) {
                    lb = Math.max(lb, p.deviation(c, q));
                    if (b.prunes(lb, c)) {
                        pruned = true;
                        hot = q;
                    }
                }
            }
            int m = end - first;
            for (int level = 0; level < STRIDED.length && !pruned; level++) {
                int samples = STRIDED[level];
                if (m <= 2 * samples) {
                    break;
                }
                int stride = m / samples;
                double levelMax = -1;
                int at = -1;
                for (int q = first + stride / 2; q < end; q += stride) {
                    double e = p.deviation(c, q);
                    if (e > levelMax) {
                        levelMax = e;
                        at = q;
                    }
                }
                lb = Math.max(lb, levelMax);
                ring[ringNext] = at;
                ringNext = (ringNext + 1) % WITNESSES;
                ringSize = Math.min(ringSize + 1, WITNESSES);
                if (b.prunes(lb, c)) {
                    pruned = true;
                    hot = at;
                }
            }
            if (pruned) {
                continue;
            }
            b = best.get();
            double d = fullPass(p, c, b.candidate() < 0 ? Double.POSITIVE_INFINITY : b.ks(), argmax);
            ring[ringNext] = argmax[0];
            ringNext = (ringNext + 1) % WITNESSES;
            ringSize = Math.min(ringSize + 1, WITNESSES);
            hot = argmax[0];
            offer(best, d, c);
        }
        SWEPT.addAndGet(swept);
    }
}
