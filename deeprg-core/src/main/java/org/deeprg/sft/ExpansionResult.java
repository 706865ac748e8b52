package org.deeprg.sft;

import java.util.List;
import java.util.Map;
import org.deeprg.net.DenseNetwork;

/**
 * The sources of Eq. 11 (the JSON of {@code sft expand}).
 *
 * @param parameters number of parameters
 * @param labels     the parameters' labels (layer, row, column; column 0 = bias), standard indexing
 * @param reference  the expansion point W0
 * @param constant   C(W0)
 * @param sources    "J1".."J{order}": the nonzero monomials of each degree
 */
public record ExpansionResult(int parameters, List<DenseNetwork.Label> labels, double[] reference, double constant,
                              Map<String, List<Term>> sources) {

    /** One monomial {@code coefficient * prod w_indices}; {@code tensorEntry} the symmetric J_n entry. */
    public record Term(int[] indices, double coefficient, double tensorEntry) { }
}
