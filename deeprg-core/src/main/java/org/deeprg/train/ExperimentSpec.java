package org.deeprg.train;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.deeprg.InvalidInputException;

/**
 * The experiment of Sec. 3 of arXiv:1705.11023: the same network trained on the same data without and with the
 * critical regulariser, for several seeds, and the diagnostics of Figs. 3-8 of every trained network judged by their
 * tests. Run with {@link CriticalExperiment#run(ExperimentSpec, org.deeprg.run.RunContext)}.
 *
 * @param data         where the data come from (the test set is the inference set of the diagnostics)
 * @param training     the training of the plain run ({@code lambda = 0}); each critical run is the same with one of
 *                     {@code lambdas}
 * @param lambdas      the regulariser strengths of the critical runs (1 to {@value #MAX_LAMBDAS} distinct values
 *                     {@code > 0}, ascending): the paper gives none, so several can be compared
 * @param seeds        independent repetitions (1 to {@value #MAX_SEEDS}): seed {@code s} draws its initial weights and
 *                     batch order from its own stream, shared by its plain and critical runs
 * @param bootstrap    goodness-of-fit resamples per power-law fit (0 to 100000; 0: no p-value, so no power law is
 *                     accepted)
 * @param dipResamples uniform samples behind each dip-test p-value (1 to 10^6)
 */
public record ExperimentSpec(DataSource data, TrainingSpec training, List<Double> lambdas, int seeds, int bootstrap,
                             int dipResamples) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Largest number of seeds. */
    public static final int MAX_SEEDS = 1000;
    /** Largest number of regulariser strengths. */
    public static final int MAX_LAMBDAS = 20;

    public ExperimentSpec {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(training, "training");
        if (training.lambda() != 0) {
            training = training.withLambda(0);
        }
        if (lambdas == null || lambdas.isEmpty() || lambdas.size() > MAX_LAMBDAS) {
            throw new InvalidInputException("lambda", lambdas, "1 to " + MAX_LAMBDAS + " regulariser strengths > 0 (the critical "
                    + "runs; the plain run has lambda = 0)");
        }
        if (training.beta() == 0) {
            throw new InvalidInputException("beta", 0.0, "a nonzero number: at beta = 0 the Eq. 33 penalty is the constant N per "
                    + "layer, so the critical runs would be the plain one");
        }
        lambdas = List.copyOf(lambdas);
        for (int i = 0; i < lambdas.size(); i++) {
            double l = lambdas.get(i);
            if (!(l > 0 && l <= TrainingSpec.MAX_LAMBDA)) {
                throw new InvalidInputException("lambda", l, "each regulariser strength of the critical runs must be in (0, "
                        + TrainingSpec.MAX_LAMBDA + "] (the plain run has lambda = 0)");
            }
            if (i > 0 && !(l > lambdas.get(i - 1))) {
                throw new InvalidInputException("lambda", lambdas, "distinct strengths in ascending order");
            }
        }
        InvalidInputException.requireInRange("seeds", seeds, 1, MAX_SEEDS);
        InvalidInputException.requireInRange("bootstrap", bootstrap, 0, 100_000);
        InvalidInputException.requireInRange("dipResamples", dipResamples, 1, 1_000_000);
    }

    /** Settings per seed: the plain run and one critical run per strength. */
    public int settings() {
        return 1 + lambdas.size();
    }

    /** The training of setting {@code k}: 0 is the plain run, {@code k >= 1} the critical run with {@code lambdas[k-1]}. */
    public TrainingSpec training(int k) {
        return k == 0 ? training : training.withLambda(lambdas.get(k - 1));
    }

    /** The name of setting {@code k}: {@code plain}, {@code critical} (one strength) or {@code critical-lambda<L>}. */
    public String settingName(int k) {
        if (k == 0) {
            return "plain";
        }
        if (lambdas.size() == 1) {
            return "critical";
        }
        double l = lambdas.get(k - 1);
        String text = l == Math.rint(l) && Math.abs(l) < 1e15 ? String.valueOf((long) l) : String.valueOf(l);
        return "critical-lambda" + text;
    }
}
