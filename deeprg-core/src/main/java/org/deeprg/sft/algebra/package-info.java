/** Truncated multivariate polynomial algebra and the cost expansion into sources J1..J4 (Eqs. 11-12). */
package org.deeprg.sft.algebra;
