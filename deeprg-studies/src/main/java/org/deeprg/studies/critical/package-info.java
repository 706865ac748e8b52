/**
 * The studies of "Criticality &amp; Deep Learning II" (2017): the Gaussian field theory of a layer and the trained-network
 * experiment of Sec. 3, with their claims, and the presenters that turn the criticality results into tables and figures.
 */
package org.deeprg.studies.critical;
