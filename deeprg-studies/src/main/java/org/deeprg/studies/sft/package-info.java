/**
 * The synaptic-field-theory paper (Lee, Lee, Yi 2025) as a study and its presenters:
 * {@link org.deeprg.studies.sft.SynapticFieldTheoryStudy} (the {@code lee2025-synaptic-field-theory} study of
 * {@code reproduce}, with the audited claims of docs/audit-lee2025.md) and {@link org.deeprg.studies.sft.SftReports}
 * (typed results of the {@code sft} computations to report results: figures, tables, summary lines).
 */
package org.deeprg.studies.sft;
