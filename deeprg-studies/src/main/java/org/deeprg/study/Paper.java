package org.deeprg.study;

/** The four papers deeprg implements, in report order. */
public enum Paper {
    DYNAMIC_NEURONS_2024("dynamic-neurons-2024",
            "D. Lee, H.-S. Lee, J. Yi, \"Dynamic neurons: a statistical physics approach for analyzing deep neural networks\", Phys. Rev. Research 7, 023276 (2025)"),
    SYNAPTIC_FIELD_THEORY_2025("synaptic-field-theory-2025",
            "D. Lee, H.-S. Lee, J. Yi, \"Synaptic field theory for neural networks\" (2025)"),
    CRITICALITY_2017("criticality-momentum-rg-2017",
            "\"Criticality & Deep Learning II: Momentum Renormalisation Group\", arXiv:1705.11023 (2017)"),
    NNQFT_2022("nnqft-renormalization-2022",
            "H. Erbin, V. Lahoche, D. O. Samary, \"Renormalization in the neural network-quantum field theory correspondence\", NeurIPS 2022 ML4PS workshop");

    private final String key;
    private final String citation;

    Paper(String key, String citation) {
        this.key = key;
        this.citation = citation;
    }

    /** Short key, the paper's file stem in shared/papers. */
    public String key() {
        return key;
    }

    /** Full citation. */
    public String citation() {
        return citation;
    }
}
