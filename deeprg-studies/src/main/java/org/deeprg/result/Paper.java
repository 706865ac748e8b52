package org.deeprg.result;

/** The four papers deeprg implements, in report order. */
public enum Paper {
    DYNAMIC_NEURONS_2024("dynamic-neurons-2024", "lee2024", "https://doi.org/10.1103/PhysRevResearch.7.023276",
            "D. Lee, H.-S. Lee, J. Yi, \"Dynamic neurons: a statistical physics approach for analyzing deep neural networks\", Phys. Rev. Research 7, 023276 (2025)"),
    SYNAPTIC_FIELD_THEORY_2025("synaptic-field-theory-2025", "lee2025", "https://arxiv.org/abs/2503.08827",
            "D. Lee, H.-S. Lee, J. Yi, \"Synaptic field theory for neural networks\" (2025)"),
    CRITICALITY_2017("criticality-momentum-rg-2017", "criticality2017", "https://arxiv.org/abs/1705.11023",
            "\"Criticality & Deep Learning II: Momentum Renormalisation Group\", arXiv:1705.11023 (2017)"),
    NNQFT_2022("nnqft-renormalization-2022", "erbin2022", "https://arxiv.org/abs/2212.11811",
            "H. Erbin, V. Lahoche, D. O. Samary, \"Renormalization in the neural network-quantum field theory correspondence\", NeurIPS 2022 ML4PS workshop");

    private final String key;
    private final String shortKey;
    private final String link;
    private final String citation;

    Paper(String key, String shortKey, String link, String citation) {
        this.key = key;
        this.shortKey = shortKey;
        this.link = link;
        this.citation = citation;
    }

    /** The short key with the year used in claim ids and {@code claims.json} ({@code erbin2022}). */
    public String shortKey() {
        return shortKey;
    }

    /** The paper's DOI or arXiv address, or null where the paper map gives none. */
    public String link() {
        return link;
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
