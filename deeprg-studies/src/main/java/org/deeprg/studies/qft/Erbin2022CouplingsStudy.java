package org.deeprg.studies.qft;

import org.deeprg.qft.CouplingResult;
import org.deeprg.qft.CouplingScan;
import org.deeprg.result.Result;
import org.deeprg.result.Paper;
import org.deeprg.study.Study;
import org.deeprg.study.StudyContext;

/** Sec. 3-4 and Fig. 2 of Erbin, Lahoche, Samary (2022): effective couplings u_4, u_6 and their sigma_W flow. */
public final class Erbin2022CouplingsStudy implements Study {
    @Override
    public String id() {
        return "erbin2022-couplings";
    }

    @Override
    public Paper paper() {
        return Paper.NNQFT_2022;
    }

    @Override
    public String title() {
        return "NN-QFT effective couplings u_4, u_6 against sigma_W and the flow equation (Eqs. 7-13, Fig. 2)";
    }

    @Override
    public Result run(StudyContext context) {
        CouplingResult r = CouplingScan.run(Erbin2022.fig2(context.scale()), context.run());
        return QftReports.couplings(title(), r);
    }
}
