/**
 * The study of the synaptic field theory (Lee, Lee, Yi 2025) with its claims, and the presenters of the sft results.
 */
package org.deeprg.studies.sft;
