package org.deeprg.qft;

import java.util.List;

/**
 * The couplings along the sigma_W flow of Eq. 13.
 *
 * @param dimensionU4 the canonical dimension of u_4 that drives the flow ({@code 4 - d_in})
 * @param dimensionU6 the canonical dimension of u_6 ({@code 6 - 2 d_in})
 * @param points      one entry per requested sigma_W, in the spec's order
 */
public record FlowResult(double dimensionU4, double dimensionU6, List<Point> points) {
    /**
     * The couplings at one sigma_W.
     *
     * @param sigmaW weight scale
     * @param u4     u_4 there
     * @param u6     u_6 there
     */
    public record Point(double sigmaW, double u4, double u6) {
    }
}
