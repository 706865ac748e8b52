package org.deeprg.studies.qft;

import org.deeprg.qft.Ensemble;
import org.deeprg.qft.EnsembleResult;
import org.deeprg.result.Paper;
import org.deeprg.result.Result;
import org.deeprg.study.Study;
import org.deeprg.study.StudyContext;

/**
 * Secs. 2-3, Eq. 4 and Fig. 1 of Erbin, Lahoche, Samary (2022) at Sec. 3's settings: n-point functions against width,
 * m_2 ~ 0, m_4 ~ 1/N, the cumulant orders, the Gaussian-process limit; sampled values with honest error bars beside
 * the exact finite-width values.
 */
public final class Erbin2022EnsembleStudy implements Study {
    @Override
    public String id() {
        return "erbin2022-ensembles";
    }

    @Override
    public Paper paper() {
        return Paper.NNQFT_2022;
    }

    @Override
    public String title() {
        return "NN-QFT ensembles: n-point functions, Wick deviations and exact finite-width values (Sec. 3, Fig. 1)";
    }

    @Override
    public Result run(StudyContext context) {
        EnsembleResult r = Ensemble.run(Erbin2022.ensemble(context.scale()), context.run());
        Result.Builder b = QftReports.ensembleBuilder(title(), r);
        Erbin2022Claims.ensembleClaims(b, r);
        return b.build();
    }
}
