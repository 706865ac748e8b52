/** The {@code reproduce} study of the synaptic-field-theory paper. */
package org.deeprg.sft.study;
