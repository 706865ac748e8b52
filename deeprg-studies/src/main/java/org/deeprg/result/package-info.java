/**
 * What a report shows, as data: {@link org.deeprg.result.Result} (title, typed data, tables, figures, claims,
 * summary), {@link org.deeprg.result.Figure}/{@link org.deeprg.result.Series} (plots without a plotting library),
 * {@link org.deeprg.result.Table}, and claims with the fixed verdict vocabulary ({@link org.deeprg.result.Claim},
 * {@link org.deeprg.result.Verdict}, {@link org.deeprg.result.ClaimKind}, {@link org.deeprg.result.Paper}) and their counts
 * by kind and verdict ({@link org.deeprg.result.ClaimTally}).
 */
package org.deeprg.result;
