/**
 * The criticality paper (arXiv:1705.11023) as studies and presenters: the theory study
 * ({@link org.deeprg.studies.critical.Criticality2017TheoryStudy}), the training experiment
 * ({@link org.deeprg.studies.critical.CriticalExperimentStudy}, {@link org.deeprg.studies.critical.CriticalExperiment})
 * and the figures and tables of their results ({@link org.deeprg.studies.critical.CriticalReports},
 * {@link org.deeprg.studies.critical.PowerLawPlots}).
 */
package org.deeprg.studies.critical;
