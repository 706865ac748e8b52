package org.deeprg.fit;

/**
 * A positive smooth function \( f \) on \( x > 0 \), given by \( \ln f \), the first three derivatives of \( \ln f \)
 * and \( \ln \int_a^b f \): what {@link DiscreteSum} needs to sum \( f \) over the integers exactly (explicit terms)
 * or by the Euler-Maclaurin formula where \( f \) is smooth.
 */
interface LogSmooth {
    /** \( \ln f(x) \). */
    double logF(double x);

    /**
     * \( (\ln f)' \), \( (\ln f)'' \), \( (\ln f)''' \) at x.
     *
     * @param out modified: three values
     */
    void logDerivatives(double x, double[] out);

    /** \( \ln \int_a^b f(x)\,dx \), \( b \le +\infty \) (\( +\infty \) when divergent). */
    double logIntegral(double a, double b);
}
