package org.deeprg;

/**
 * Bad input from a user: an invalid option value, a malformed file, a size too large to handle.
 *
 * <p>Carries the name of the offending parameter in camelCase words as used in spec records
 * ({@code betaV}, {@code width}); the command line turns that into the option name ({@code --beta-v}).
 * The message is one line: which parameter or file, the value, and what is allowed. The CLI prints it
 * and exits with code 2, never with a stack trace.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String value;
    private final String allowed;

    /**
     * @param parameter the spec parameter (camelCase) or a file path; may be null for general errors
     * @param value     the offending value as the user wrote it
     * @param allowed   what is allowed, e.g. "a finite number >= 0"
     */
    public InvalidInputException(String parameter, Object value, String allowed) {
        super(format(parameter, value, allowed));
        this.parameter = parameter;
        this.value = String.valueOf(value);
        this.allowed = allowed;
    }

    /** A file-level error: {@code file} is the path, {@code detail} says what is wrong (line, column, ...). */
    public static InvalidInputException file(Object file, String detail) {
        return new InvalidInputException(null, null, "file " + file + ": " + detail);
    }

    private static String format(String parameter, Object value, String allowed) {
        if (parameter == null) {
            return allowed;
        }
        return parameter + " = " + value + " is not allowed: " + allowed;
    }

    /** The parameter name in camelCase, or null for a general or file error. */
    public String parameter() {
        return parameter;
    }

    /** The offending value as text. */
    public String value() {
        return value;
    }

    /** What is allowed instead. */
    public String allowed() {
        return allowed;
    }

    // ---- small validation helpers used by spec records' compact constructors ----

    /** Requires {@code x} finite and {@code >= 0}. */
    public static double requireNonNegative(String parameter, double x) {
        if (!Double.isFinite(x) || x < 0) {
            throw new InvalidInputException(parameter, x, "must be a finite number >= 0");
        }
        return x;
    }

    /** Requires {@code x} finite and {@code > 0}. */
    public static double requirePositive(String parameter, double x) {
        if (!Double.isFinite(x) || x <= 0) {
            throw new InvalidInputException(parameter, x, "must be a finite number > 0");
        }
        return x;
    }

    /** Requires {@code x} finite. */
    public static double requireFinite(String parameter, double x) {
        if (!Double.isFinite(x)) {
            throw new InvalidInputException(parameter, x, "must be a finite number");
        }
        return x;
    }

    /** Requires {@code min <= n <= max}. */
    public static int requireInRange(String parameter, long n, long min, long max) {
        if (n < min || n > max) {
            String range = max == Integer.MAX_VALUE || max == Long.MAX_VALUE
                    ? "an integer >= " + min : "an integer in [" + min + ", " + max + "]";
            throw new InvalidInputException(parameter, n, "must be " + range);
        }
        return (int) n;
    }
}
