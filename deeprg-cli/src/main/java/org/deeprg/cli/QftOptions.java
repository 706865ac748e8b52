package org.deeprg.cli;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;
import org.deeprg.qft.NetworkSpec;

/** Parsing helpers shared by the {@code qft} commands. */
final class QftOptions {
    private QftOptions() {
    }

    /** Points: items separated by ',', coordinates by ':' ("-0.01,0.002" or "0:1,1:0"). */
    static double[][] points(List<String> items, int dIn) {
        List<double[]> out = new ArrayList<>();
        for (String item : items) {
            String[] parts = item.trim().split(":");
            double[] p = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    p[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("points", item, "must be numbers: separate points with ',' and coordinates with ':'");
                }
                if (!Double.isFinite(p[i])) {
                    throw new InvalidInputException("points", item, "must be finite numbers");
                }
            }
            if (p.length != dIn) {
                throw new InvalidInputException("points", item, "every point must have d_in = " + dIn
                        + " coordinates separated by ':' (see --d-in)");
            }
            out.add(p);
        }
        return out.toArray(new double[0][]);
    }

    /** The activation for the NN-QFT commands ({@link NetworkSpec#ACTIVATIONS}); unknown names are bad input. */
    static Activation activation(String name) {
        return NetworkSpec.activation(name);
    }
}
