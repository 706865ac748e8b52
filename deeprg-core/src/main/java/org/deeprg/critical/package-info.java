/**
 * Criticality of a layer seen as a Gaussian field theory ("Criticality &amp; Deep Learning II: Momentum
 * Renormalisation Group", 2017): couplings of a layer, their RG flow, criticality residuals, the critical
 * regulariser, and the two-point function of the Gaussian theory.
 */
package org.deeprg.critical;
