package org.deeprg.train;

import java.util.List;

/**
 * Numbers of one training epoch.
 *
 * @param epoch            1-based epoch number
 * @param trainLoss        mean cross-entropy over the epoch's mini-batches (measured during training)
 * @param trainAccuracy    fraction of training examples classified correctly during the epoch (before each step)
 * @param testLoss         mean cross-entropy on the test set after the epoch
 * @param testAccuracy     test accuracy after the epoch
 * @param criticalPenalty  sum over hidden layers of the Eq. 33 penalty P after the epoch
 * @param penaltyPerLayer  P of each hidden layer after the epoch
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                         double criticalPenalty, List<Double> penaltyPerLayer) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public EpochStats {
        penaltyPerLayer = List.copyOf(penaltyPerLayer);
    }
}
