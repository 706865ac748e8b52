package org.deeprg.sft;

/**
 * Locality of a source under the chosen embedding and under the standard flat indexing (the JSON of
 * {@code sft locality}).
 *
 * @param example    perceptron, hidden or mlp
 * @param parameters number of parameters
 * @param chosen     under the chosen embedding
 * @param standard   under the standard flat indexing
 */
public record LocalityResult(String example, int parameters, Locality chosen, Locality standard) { }
