package org.deeprg.dyn.mc;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeprg.Domain;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;

/**
 * Everything a dynamic-neuron Monte Carlo run depends on (its only input besides the seed).
 *
 * @param network           width N, depth M, activation
 * @param examples          the training set (L >= 1)
 * @param sampler           METROPOLIS (discrete alphabets), LANGEVIN (unadjusted, the noisy gradient descent of
 *                          Eq. 3) or MALA (Metropolis-adjusted Langevin, exact)
 * @param weightAlphabet    values of W (METROPOLIS only, else null)
 * @param biasAlphabet      values of b (METROPOLIS only, else null)
 * @param neuronAlphabet    values of h (METROPOLIS only, else null)
 * @param beta              inverse temperature of the cost, finite, >= 0 (> 0 for Langevin)
 * @param betaVLadder       the constraint strengths; one value, or an increasing ladder sampled by parallel
 *                          tempering (the last, largest, is the target)
 * @param weightRegulariser c_W of Eq. (A2), >= 0 (> 0 for Langevin: the weights must be normalisable)
 * @param biasRegulariser   c_b of Eq. (A2), >= 0 (> 0 for Langevin)
 * @param stepSize          Langevin step eta (> 0 for Langevin; ignored by Metropolis)
 * @param sweeps            measured sweeps per chain (a sweep = one update of every variable, or one Langevin step)
 * @param thermalization    sweeps discarded before measuring
 * @param chains            independent chains (run in parallel)
 * @param maxDistance       largest distance r of G_h(r) (capped at M - 1)
 * @param histogramBins     bins of continuous histograms
 */
public record DynMcSpec(DynNetwork network, List<Example> examples, Sampler sampler,
                        Alphabet weightAlphabet, Alphabet biasAlphabet, Alphabet neuronAlphabet,
                        double beta, double[] betaVLadder, double weightRegulariser, double biasRegulariser,
                        double stepSize, long sweeps, long thermalization, int chains, int maxDistance,
                        int histogramBins) implements java.io.Serializable {

    /** The samplers. */
    public enum Sampler {
        METROPOLIS, LANGEVIN, MALA;

        public boolean isGradient() {
            return this != METROPOLIS;
        }

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Measured sweeps per chain accepted ({@code --sweeps}). Even the smallest network takes minutes per 10^9 sweeps
     * and chain; statistics beyond that come cheaper from more chains ({@code --chains}), which also give R-hat.
     */
    public static final String SWEEPS_RANGE = "[2, 1e9]";
    /** Discarded sweeps per chain accepted ({@code --thermalization}). */
    public static final String THERMALIZATION_RANGE = "[0, 1e9]";
    /** The reason quoted with {@link #SWEEPS_RANGE}. */
    static final String SWEEPS_WHY = "at most 10^9 sweeps per chain; for more statistics use more chains";
    /**
     * The most single-variable updates a run may request (sweeps x variables x chains x rungs): about a day at
     * 10^9 updates per second. Larger requests are refused up front instead of running for weeks.
     */
    public static final double MAX_UPDATES = 1e14;

    /**
     * Refuses a run of more than {@link #MAX_UPDATES} updates.
     *
     * @param updates     the updates the run would do
     * @param description how they come about, for the message
     */
    static void requireWork(double updates, String description) {
        if (!(updates <= MAX_UPDATES)) {
            throw new InvalidInputException("sweeps", description + String.format(Locale.ROOT, " = %.2g updates", updates),
                    "a run may do at most " + String.format(Locale.ROOT, "%.0g", MAX_UPDATES)
                            + " updates (about a day); reduce sweeps, chains or the network");
        }
    }

    /** Upper bound on the memory of a run, in bytes. */
    public static final long MAX_BYTES = 1L << 30;
    /** The most measurements stored per chain and rung (longer runs are thinned). */
    public static final int MAX_MEASUREMENTS = 1 << 16;
    /** Blocks per chain for binned errors and jackknife. */
    public static final int BLOCKS_PER_CHAIN = 16;

    public DynMcSpec {
        if (network == null) {
            throw new InvalidInputException("network", null, "width, depth and activation are required");
        }
        if (sampler == null) {
            throw new InvalidInputException("sampler", null, "must be one of metropolis, langevin, mala");
        }
        examples = List.copyOf(examples);
        betaVLadder = betaVLadder.clone();
        if (betaVLadder.length == 0) {
            throw new InvalidInputException("betaV", "[]", "give one betaV or an increasing ladder");
        }
        for (int k = 0; k < betaVLadder.length; k++) {
            InvalidInputException.requireFinite("betaV", betaVLadder[k]);
            InvalidInputException.requireNonNegative("betaV", betaVLadder[k]);
            if (k > 0 && !(betaVLadder[k] > betaVLadder[k - 1])) {
                throw new InvalidInputException("betaV", Arrays.toString(betaVLadder), "a betaV ladder must be strictly increasing");
            }
        }
        if (betaVLadder.length > 64) {
            throw new InvalidInputException("betaV", betaVLadder.length + " rungs", "at most 64 rungs");
        }
        InvalidInputException.requireFinite("beta", beta);
        InvalidInputException.requireNonNegative("beta", beta);
        Domain.check("sweeps", sweeps, SWEEPS_RANGE, SWEEPS_WHY);
        Domain.check("thermalization", thermalization, THERMALIZATION_RANGE, SWEEPS_WHY);
        if (chains < 1 || chains > 4096) {
            throw new InvalidInputException("chains", chains, "must be an integer in [1, 4096]");
        }
        if (maxDistance < 0) {
            throw new InvalidInputException("maxDistance", maxDistance, "must be an integer >= 0");
        }
        if (histogramBins < 2 || histogramBins > 1000) {
            throw new InvalidInputException("histogramBins", histogramBins, "must be an integer in [2, 1000]");
        }
        if (sampler == Sampler.METROPOLIS) {
            if (weightAlphabet == null || biasAlphabet == null || neuronAlphabet == null) {
                throw new InvalidInputException("alphabet", null, "Metropolis needs alphabets for W, b and h (e.g. --alphabet=-1,1)");
            }
        } else {
            if (!network.activation().isDifferentiable()) {
                throw new InvalidInputException("activation", network.activation().name(),
                        "heaviside has no gradient, so " + sampler.cliName() + " cannot sample it; use --sampler metropolis with alphabets");
            }
            if (!(beta > 0)) {
                throw new InvalidInputException("beta", beta, "Langevin sampling needs beta > 0");
            }
            if (!(weightRegulariser > 0) || !(biasRegulariser > 0)) {
                throw new InvalidInputException(!(weightRegulariser > 0) ? "weightRegulariser" : "biasRegulariser",
                        !(weightRegulariser > 0) ? weightRegulariser : biasRegulariser,
                        "continuous weights need c > 0 (Eq. A2 regularisers), else exp(-beta H) is not normalisable");
            }
            InvalidInputException.requirePositive("stepSize", stepSize);
            InvalidInputException.requireFinite("stepSize", stepSize);
        }
        // validated by the ensemble (example widths, regularisers)
        new DynEnsemble(network, examples, beta, betaVLadder[0], weightRegulariser, biasRegulariser);
        long dim = (long) (network.depth() + 1) * network.width() * (network.width() + 1)
                + (long) examples.size() * network.depth() * network.width();
        long lmn = (long) examples.size() * network.depth() * network.width();
        long perReplica = 12L * dim + 8L * (3 * dim + 5L * Math.min(sweeps, MAX_MEASUREMENTS)
                + BLOCKS_PER_CHAIN * (lmn + maxDistance + 2 * histogramBins + 8));
        long total = perReplica * chains * betaVLadder.length;
        requireWork((double) (sweeps + thermalization) * dim * chains * betaVLadder.length,
                String.format(Locale.ROOT, "%d + %d sweeps x %d variables x %d chains x %d rungs", thermalization, sweeps, dim,
                        chains, betaVLadder.length));
        if (dim > Integer.MAX_VALUE / 4 || total > MAX_BYTES) {
            throw new InvalidInputException("size", String.format(Locale.ROOT, "%d variables x %d chains x %d rungs (%.1f GB)",
                    dim, chains, betaVLadder.length, total / 1e9),
                    "a run may use at most " + MAX_BYTES / (1 << 20) + " MB; reduce width, depth, examples, chains or rungs");
        }
    }

    /** The target betaV (the largest rung). */
    public double betaV() {
        return betaVLadder[betaVLadder.length - 1];
    }

    /** Largest distance actually measured: min(maxDistance, M - 1). */
    public int distances() {
        return Math.min(maxDistance, network.depth() - 1);
    }

    /** Thinning: measure every this many sweeps so that at most {@link #MAX_MEASUREMENTS} are stored. */
    public int measureEvery() {
        return (int) Math.max(1, (sweeps + MAX_MEASUREMENTS - 1) / MAX_MEASUREMENTS);
    }

    /** Measurements per chain and rung. */
    public int measurements() {
        return (int) (sweeps / measureEvery());
    }

    /** The ensemble at rung k. */
    public DynEnsemble ensemble(int k) {
        return new DynEnsemble(network, examples, beta, betaVLadder[k], weightRegulariser, biasRegulariser);
    }

    /**
     * A hash of everything the run's numbers depend on besides the seed: the first 16 hexadecimal digits of the
     * SHA-256 of {@link #toString()}. Stored in checkpoints ({@link DynMcCheckpoint}) and used in default checkpoint
     * file names.
     */
    public String specHash() {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DynMcSpec s && s.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "DynMcSpec[" + network + ", " + examples + ", " + sampler + ", " + weightAlphabet + ", " + biasAlphabet + ", "
                + neuronAlphabet + ", beta=" + beta + ", betaV=" + Arrays.toString(betaVLadder) + ", cW=" + weightRegulariser
                + ", cb=" + biasRegulariser + ", eta=" + stepSize + ", sweeps=" + sweeps + ", therm=" + thermalization
                + ", chains=" + chains + ", R=" + maxDistance + ", bins=" + histogramBins + "]";
    }
}
