/**
 * Criticality of a layer seen as a Gaussian field theory ("Criticality &amp; Deep Learning II: Momentum
 * Renormalisation Group", arXiv:1705.11023, 2017): the couplings of a layer (Eqs. 11-13, 55), their RG flow
 * (Eqs. 21-26), the fixed points and criticality conditions of Sec. 2.5 (Eqs. 27-33), the critical regulariser
 * (Eq. 33 with {@code w = v v^T}, Eq. 32), and the two-point function of the Gaussian theory (App. C, Eqs. 62-65).
 *
 * <h2>Computations</h2>
 * Each has the shape {@code XxxResult run(XxxSpec spec, RunContext context)}; specs are validated records whose
 * compact constructors throw {@link org.deeprg.InvalidInputException} naming the parameter:
 * <ul>
 *   <li>{@link org.deeprg.critical.CouplingsAnalysis#run} ({@link org.deeprg.critical.CouplingsSpec} -&gt;
 *       {@link org.deeprg.critical.CouplingsResult}): the couplings, case and residuals of every layer of a weight
 *       file ({@code critical couplings}).</li>
 *   <li>{@link org.deeprg.critical.TwoPointFunction#run} ({@link org.deeprg.critical.TwoPointSpec} -&gt;
 *       {@link org.deeprg.critical.TwoPointResult}): C(x) on a lattice by FFT, with the correlation length or the
 *       critical exponent ({@code critical correlation}).</li>
 *   <li>{@link org.deeprg.critical.CouplingFlow#run} ({@link org.deeprg.critical.FlowSpec} -&gt;
 *       {@link org.deeprg.critical.FlowResult}): the flow of {@code w, h} integrated and in closed form, checked
 *       against Eq. 21.</li>
 *   <li>{@link org.deeprg.critical.RegulariserDescent#run} ({@link org.deeprg.critical.RegulariserDescentSpec}
 *       -&gt; {@link org.deeprg.critical.RegulariserDescentResult}): where gradient descent on the critical
 *       regulariser ends.</li>
 *   <li>{@link org.deeprg.critical.ConditionSearch#run} ({@link org.deeprg.critical.ConditionSearchSpec} -&gt;
 *       {@link org.deeprg.critical.ConditionSearchResult}): the smallest residual of Eq. 30 or Eq. 33 over
 *       {@code w = v v^T}, symmetric or general real couplings (the numerical route beside the derivations of
 *       {@link org.deeprg.critical.CriticalityConditions}).</li>
 * </ul>
 * The audit of the paper's theory claims built on these is docs/audit-criticality2017.md.
 * The building blocks ({@link org.deeprg.critical.LayerCouplings}, {@link org.deeprg.critical.CriticalityAnalysis},
 * {@link org.deeprg.critical.CriticalRegulariser}) are public for library callers. Nothing here builds reports:
 * the presenters are in {@code org.deeprg.studies.critical}.
 */
package org.deeprg.critical;
