/**
 * Paper studies run by {@code deeprg reproduce}: {@link org.deeprg.study.Study} (registered with ServiceLoader),
 * {@link org.deeprg.study.StudyContext} (the computations' RunContext and the Scale), {@link org.deeprg.study.Studies}.
 */
package org.deeprg.study;
