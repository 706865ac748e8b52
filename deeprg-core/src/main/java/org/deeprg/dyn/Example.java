package org.deeprg.dyn;

import java.util.Arrays;
import org.deeprg.InvalidInputException;

/**
 * One training example (x, y) of a width-N dynamic-neuron network: input h^(0) = x and target y, both of
 * length N.
 *
 * @param x input (copied)
 * @param y target (copied)
 */
public record Example(double[] x, double[] y) implements java.io.Serializable {
    public Example {
        x = x.clone();
        y = y.clone();
        for (double v : x) {
            InvalidInputException.requireFinite("example", v);
        }
        for (double v : y) {
            InvalidInputException.requireFinite("example", v);
        }
    }

    /** Parses {@code "X:Y"} with X and Y comma-separated components, e.g. {@code "1,0:0,1"}. */
    public static Example parse(String parameter, String text) {
        String[] xy = text.split(":");
        if (xy.length != 2) {
            throw new InvalidInputException(parameter, text, "must be X:Y with X and Y comma-separated numbers, e.g. 1,0:0,1");
        }
        try {
            return new Example(parseVector(xy[0]), parseVector(xy[1]));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(parameter, text, "must be X:Y with X and Y comma-separated finite numbers, e.g. 1,0:0,1");
        } catch (InvalidInputException e) {
            throw new InvalidInputException(parameter, text, "components must be finite numbers");
        }
    }

    private static double[] parseVector(String s) {
        String[] parts = s.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Double.parseDouble(parts[i].trim());
        }
        return v;
    }

    /** Width N of the example. */
    public int width() {
        return x.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Example e && Arrays.equals(x, e.x) && Arrays.equals(y, e.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return Arrays.toString(x) + ":" + Arrays.toString(y);
    }
}
