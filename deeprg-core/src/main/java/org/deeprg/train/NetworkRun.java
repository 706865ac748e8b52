package org.deeprg.train;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;

/**
 * One trained network of the experiment with its measurements: the result of one task (seed x setting).
 *
 * @param name                    {@code plain} or {@code critical}
 * @param seed                    0-based seed index
 * @param lambda                  regulariser strength used
 * @param epochs                  the numbers of every epoch
 * @param steps                   training steps done
 * @param regulariserApplications steps on which the regulariser's gradient was added
 * @param layers                  per hidden layer: distinct patterns and dead units on the inference set
 * @param fits                    the power-law analyses of the Figs. 3-6 readings, per layer
 * @param dips                    the dip tests of the Figs. 7-8 readings, per layer
 * @param weights                 the trained parameters (not in the JSON; written as weight files)
 * @param diagnostics             the measurements (not in the JSON: large; figures and CSV files show them)
 * @param timing                  wall times (not in the JSON, which must be identical on every run)
 */
public record NetworkRun(String name, int seed, double lambda, List<EpochStats> epochs, long steps,
                         long regulariserApplications, List<LayerSummary> layers, List<DiagnosticFit> fits,
                         List<BimodalityTest> dips, @JsonIgnore TrainedWeights weights,
                         @JsonIgnore List<LayerDiagnostics> diagnostics, @JsonIgnore Timing timing) implements Serializable {
    private static final long serialVersionUID = 1L;

    public NetworkRun {
        epochs = List.copyOf(epochs);
        layers = List.copyOf(layers);
        fits = List.copyOf(fits);
        dips = List.copyOf(dips);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * What the inference set shows of one hidden layer besides the readings.
     *
     * @param layer            1-based hidden layer
     * @param width            units
     * @param distinctPatterns distinct binary activation patterns over the inference set
     * @param examples         inference examples
     * @param deadUnits        units never active on the inference set
     */
    public record LayerSummary(int layer, int width, int distinctPatterns, int examples, int deadUnits) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Wall-clock cost of the run.
     *
     * @param millisPerStep        mean time of a training step (regulariser steps included)
     * @param millisPerRegulariser mean time of one application of the regulariser (all hidden layers), NaN if none
     * @param regulariserFraction  share of the training time spent in the regulariser
     * @param seconds              the whole task (data, training, diagnostics, tests)
     */
    public record Timing(double millisPerStep, double millisPerRegulariser, double regulariserFraction, double seconds)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The last epoch's numbers. */
    @JsonIgnore
    public EpochStats last() {
        return epochs.get(epochs.size() - 1);
    }

    /** Test accuracy after the last epoch. */
    @JsonProperty("finalTestAccuracy")
    public double finalTestAccuracy() {
        return last().testAccuracy();
    }

    /** The Eq. 33 penalty summed over the hidden layers after the last epoch. */
    @JsonProperty("finalPenalty")
    public double finalPenalty() {
        return last().criticalPenalty();
    }

    /** Layers of a reading with power-law behaviour. */
    public int powerLawLayers(Diagnostic d) {
        return (int) fits.stream().filter(f -> f.quantity().equals(d.key()) && f.powerLawBehaviour()).count();
    }

    /** Layers of a reading that have a fit at all (a distribution to judge). */
    public int fittedLayers(Diagnostic d) {
        return (int) fits.stream().filter(f -> f.quantity().equals(d.key()) && f.fitted()).count();
    }

    /** Layers of a reading whose dip test rejects unimodality. */
    public int bimodalLayers(Diagnostic d) {
        return (int) dips.stream().filter(t -> t.quantity().equals(d.key()) && t.bimodal()).count();
    }
}
