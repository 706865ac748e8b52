package org.deeprg.train;

import java.util.Arrays;
import java.util.List;

/**
 * The readings of the Sec. 3.1 measurements ({@link LayerDiagnostics}) and the test each is judged by: a
 * Clauset-Shalizi-Newman power-law analysis for Figs. 3-6, Hartigan's dip test of unimodality for Figs. 7-8.
 */
public enum Diagnostic {
    /** Figs. 3-4, pattern reading: counts of the distinct binary activation patterns of the layer. */
    PATTERN_COUNTS("activationPatternCounts", "Figs. 3-4", Test.POWER_LAW, true, false),
    /** Figs. 3-4, per-unit reading: per unit, the number of inference examples on which it is active (dead units left out). */
    UNIT_ACTIVE_COUNTS("unitActivationCounts", "Figs. 3-4", Test.POWER_LAW, true, false),
    /** Figs. 5-6, per-example reading (the figures'): the layer's mean activation for each example (positive ones). */
    EXAMPLE_MEANS("exampleMeanActivations", "Figs. 5-6", Test.POWER_LAW, false, false),
    /** Figs. 5-6, per-unit reading: each unit's mean activation over the inference set (positive ones). */
    UNIT_MEANS("unitMeanActivations", "Figs. 5-6", Test.POWER_LAW, false, false),
    /** Figs. 7-8 (the figures' reading): sum of the absolute outgoing weights, tested on log10 (the paper's axis). */
    DEGREE_ABSOLUTE("weightedDegreeAbsolute", "Figs. 7-8", Test.BIMODALITY, false, true),
    /** Figs. 7-8, signed reading: sum of the outgoing weights, tested on the linear scale (it can be negative). */
    DEGREE_SIGNED("weightedDegreeSigned", "Figs. 7-8", Test.BIMODALITY, false, false);

    /** How a reading is judged. */
    public enum Test {
        /** CSN power-law analysis with likelihood-ratio comparisons. */
        POWER_LAW,
        /** Dip test of unimodality. */
        BIMODALITY
    }

    private final String key;
    private final String figures;
    private final Test test;
    private final boolean discrete;
    private final boolean logScale;

    Diagnostic(String key, String figures, Test test, boolean discrete, boolean logScale) {
        this.key = key;
        this.figures = figures;
        this.test = test;
        this.discrete = discrete;
        this.logScale = logScale;
    }

    /** The name in JSON and tables ({@code activationPatternCounts}, ...). */
    public String key() {
        return key;
    }

    /** The paper's figures this reading belongs to. */
    public String figures() {
        return figures;
    }

    /** The test that judges it. */
    public Test test() {
        return test;
    }

    /** Integer counts (a discrete power law) or real values. */
    public boolean discrete() {
        return discrete;
    }

    /** Whether the bimodality test runs on log10 of the values. */
    public boolean logScale() {
        return logScale;
    }

    /** The readings judged by a power-law analysis. */
    public static List<Diagnostic> powerLawReadings() {
        return Arrays.stream(values()).filter(d -> d.test == Test.POWER_LAW).toList();
    }

    /** The readings judged by the dip test. */
    public static List<Diagnostic> bimodalityReadings() {
        return Arrays.stream(values()).filter(d -> d.test == Test.BIMODALITY).toList();
    }

    /** All values of this reading for a layer, decreasing (not filtered). */
    public double[] raw(LayerDiagnostics d) {
        return switch (this) {
            case PATTERN_COUNTS -> Arrays.stream(d.patternCounts()).asDoubleStream().toArray();
            case UNIT_ACTIVE_COUNTS -> Arrays.stream(d.unitActiveCounts()).asDoubleStream().toArray();
            case EXAMPLE_MEANS -> d.exampleMeans().clone();
            case UNIT_MEANS -> d.unitMeans().clone();
            case DEGREE_ABSOLUTE -> d.degreeAbsolute().clone();
            case DEGREE_SIGNED -> d.degreeSigned().clone();
        };
    }

    /**
     * The values the test analyses, decreasing: the positive ones for a power law (zero counts of dead units, zero
     * mean activations cannot lie on a power law's support), log10 of the values for {@link #logScale()}.
     */
    public double[] analysed(LayerDiagnostics d) {
        double[] v = raw(d);
        if (test == Test.POWER_LAW) {
            return Arrays.stream(v).filter(x -> x > 0).toArray();
        }
        if (logScale) {
            return Arrays.stream(v).filter(x -> x > 0).map(Math::log10).toArray();
        }
        return v;
    }
}
