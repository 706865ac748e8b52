package org.deeprg.study;

/** How big a study runs: QUICK for {@code reproduce} (all studies together under 5 minutes on 2 cores), FULL for the paper's settings. */
public enum Scale { QUICK, FULL }
