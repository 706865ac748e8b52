package org.deeprg.study;

import org.deeprg.result.Paper;

import org.deeprg.result.Result;

/**
 * A paper-level experiment run by {@code deeprg reproduce}: composes models and methods and checks the
 * paper's claims ({@link Result#claims()}). Implementations are registered in
 * {@code META-INF/services/org.deeprg.study.Study} of the module that holds them, have a public no-argument
 * constructor, and must be deterministic given the context's seed.
 */
public interface Study {
    /** Stable identifier ({@code [a-z0-9-]+}), used as the sub-directory of the report. */
    String id();

    /** The paper this study checks. */
    Paper paper();

    /** One-line title. */
    String title();

    /** Runs the study at the context's scale. */
    Result run(StudyContext context);
}
