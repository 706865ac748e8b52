/**
 * The studies of the NN-QFT correspondence (Erbin, Lahoche, Samary 2022, arXiv:2212.11811) with their claims
 * ({@link org.deeprg.studies.qft.Erbin2022Claims}), and the presenters that turn the typed results of
 * {@link org.deeprg.qft} into report {@link org.deeprg.result.Result}s: tables, figures and self-checks
 * ({@link org.deeprg.studies.qft.QftReports}). {@link org.deeprg.studies.qft.Erbin2022} holds the paper's settings.
 */
package org.deeprg.studies.qft;
