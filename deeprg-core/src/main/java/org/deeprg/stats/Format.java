package org.deeprg.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting for reports: values with errors in parenthesis notation, plain values to 6 significant digits. */
public final class Format {
    private Format() {
    }

    /** {@code value(error)} with two significant digits of error, e.g. {@code 0.12345(12)}; plain if error is 0 or NaN. */
    public static String withError(double value, double error) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (!(error > 0) || !Double.isFinite(error)) {
            return plain(value);
        }
        int errExp = (int) Math.floor(Math.log10(error));
        int decimals = 1 - errExp; // two significant digits in the error
        if (decimals <= 0) {
            // error >= 10: print both rounded to the error's second digit, error in full
            return String.format(Locale.ROOT, "%s ± %s", round(value, decimals), round(error, decimals));
        }
        if (decimals > 15) {
            return String.format(Locale.ROOT, "%.6g ± %.2g", value, error);
        }
        long errDigits = Math.round(error * Math.pow(10, decimals));
        return String.format(Locale.ROOT, "%." + decimals + "f(%d)", value, errDigits);
    }

    /** Six significant digits, no trailing noise. */
    public static String plain(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return String.valueOf(value);
        }
        double a = Math.abs(value);
        if (a >= 1e-4 && a < 1e7) {
            return new BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.6g", value);
    }

    private static String round(double x, int decimals) {
        return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
}
