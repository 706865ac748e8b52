package org.deeprg.sft;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.deeprg.InvalidInputException;

/**
 * Locality of the sources J2 or J3 under an embedding of the weights ({@code sft locality}).
 *
 * @param example   {@code perceptron} (Example 1), {@code hidden} (Example 2) or {@code mlp} (the {@code network})
 * @param sites     sites S of the examples, in [2, 64]
 * @param embedding {@code standard}, {@code layer-row-column}, {@code paper} (the relabelling of Figs. 2-3; examples
 *                  only) or the path of an embedding CSV file ({@link Embedding#read})
 * @param order     the source, 2 or 3
 * @param network   the network of {@code mlp}; for the examples only its {@code examples} count is used
 */
public record LocalitySpec(String example, int sites, String embedding, int order, SftNetworkSpec network) {
    /** The named embeddings. */
    public static final List<String> NAMED_EMBEDDINGS = List.of("standard", "layer-row-column", "paper");

    public LocalitySpec {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(embedding, "embedding");
        if (!List.of("perceptron", "hidden", "mlp").contains(example)) {
            throw new InvalidInputException("example", example, "perceptron, hidden or mlp");
        }
        InvalidInputException.requireInRange("sites", sites, 2, 64);
        InvalidInputException.requireInRange("order", order, 2, 3);
        if (example.equals("mlp") && embedding.equals("paper")) {
            throw new InvalidInputException("embedding", embedding, "standard, layer-row-column or a file for --example mlp "
                    + "(the relabelling exists for the paper's examples)");
        }
    }

    /** The embedding file, or null for a named embedding. */
    public Path embeddingFile() {
        return NAMED_EMBEDDINGS.contains(embedding) ? null : Path.of(embedding);
    }
}
