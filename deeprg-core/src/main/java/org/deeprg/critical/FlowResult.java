package org.deeprg.critical;

/**
 * The flow of the couplings of a layer on a grid of RG scales ({@link CouplingFlow#run}).
 *
 * @param dimension                d
 * @param singularTau              the scale where {@code 1 - 2 a w} becomes singular and the flow ends
 * @param tau                      the grid of scales {@code tau = ln b}
 * @param integratedSpectrum       eigenvalues of {@code a w(tau)} from the numerical integration of Eq. 26,
 *                                 ascending, {@code [point][eigenvalue]}
 * @param closedFormSpectrum       the same from the closed form {@code x - x^2 = e^{2 tau}(x0 - x0^2)}
 * @param maxFlowDeviation         largest {@code |w_integrated - w_closed form|} over the grid and the entries
 * @param massRecursionDeviation   largest relative deviation of {@code r(w(tau))} from {@code e^{2 tau} r(w(0))}
 *                                 (Eq. 21; max entry difference over max entry)
 * @param linearRecursionDeviation largest relative deviation of {@code u(w(tau), h(tau))} from
 *                                 {@code e^{(d+2) tau/2} u(0)} (Eq. 21)
 */
public record FlowResult(int dimension, double singularTau, double[] tau, double[][] integratedSpectrum,
                         double[][] closedFormSpectrum, double maxFlowDeviation, double massRecursionDeviation,
                         double linearRecursionDeviation) {
}
