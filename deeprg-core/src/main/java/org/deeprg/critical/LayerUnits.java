package org.deeprg.critical;

/**
 * Which index of a stored weight matrix {@code v} counts the N units of the fully connected couplings {@code w}
 * (Eq. 32: {@code v} is {@code m x n} and {@code w = v v^T} is {@code m x m}).
 */
public enum LayerUnits {
    /** N = rows: {@code w = v v^T} over the rows of {@code v} as stored (Eq. 32 read literally). */
    ROWS,
    /** N = columns: {@code w = v^T v} over the columns (for a layer stored {@code in x out} whose outputs are the units). */
    COLUMNS
}
