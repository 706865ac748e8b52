/**
 * The studies of the NN-QFT correspondence (Erbin, Lahoche, Samary 2022) with their claims, and the presenters of the
 * ensemble and coupling results.
 */
package org.deeprg.studies.qft;
