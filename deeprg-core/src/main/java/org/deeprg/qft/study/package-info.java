/** Paper-level studies of Erbin, Lahoche, Samary (2022), "Renormalization in the NN-QFT correspondence". */
package org.deeprg.qft.study;
