package org.deeprg.fit;

import java.io.Serializable;

/**
 * Two models to compare by a likelihood-ratio test on the power law's tail.
 *
 * @param first  the model R > 0 favours
 * @param second the other
 */
public record ModelPair(Model first, Model second) implements Serializable {
    public ModelPair {
        if (first == second) {
            throw new IllegalArgumentException("a comparison needs two different models, got " + first + " twice");
        }
    }

    @Override
    public String toString() {
        return first.key() + ":" + second.key();
    }
}
