package org.deeprg.critical;

import java.io.Serializable;
import org.deeprg.Domain;
import org.deeprg.InvalidInputException;

/**
 * What {@link TwoPointFunction#run} computes: the two-point function of the Gaussian theory (App. C) with couplings
 * {@code r}, {@code g} in {@code d} dimensions on a periodic lattice.
 *
 * @param dimension d, 1 to 3 ({@code --dim})
 * @param r         mass coupling, finite and &gt;= 0 ({@code --r}); 0 is the critical point (Eq. 65)
 * @param g         gradient coupling, finite and &gt; 0 ({@code --g})
 * @param sites     lattice sites per dimension L (even, &gt;= 16), or 0 for the default of the dimension
 *                  ({@link #latticeSites()}); at most {@link TwoPointFunction#MAX_SITES} sites in all
 * @param spacing   lattice spacing a &gt; 0, or 0 for the default ({@link #latticeSpacing()}: xi/16, xi/8, xi/4 for
 *                  d = 1, 2, 3 when r &gt; 0, with xi = sqrt(g/r); 1 when r = 0)
 */
public record TwoPointSpec(int dimension, double r, double g, int sites, double spacing) implements Serializable {
    /** Where r is meaningful and numerically safe (issue 15; quoted in the option's help). */
    public static final String R_RANGE = "[0, 1e6]";
    /** Where g is meaningful and numerically safe (issue 15; quoted in the option's help). */
    public static final String G_RANGE = "[0, 1e6]";

    public TwoPointSpec {
        InvalidInputException.requireInRange("dim", dimension, 1, 3);
        Domain.check("r", r, R_RANGE, "beyond it the correlation length is below any lattice spacing the sites allow");
        Domain.check("g", g, G_RANGE, "the automatic lattice resolves correlation lengths sqrt(g / r) for g in this range");
        if (g == 0) {
            throw new InvalidInputException("g", g, "must be > 0 (a finite number in " + G_RANGE + ")");
        }
        if (sites != 0 && (sites < 16 || sites % 2 != 0)) {
            throw new InvalidInputException("sites", sites, "0 (automatic) or an even integer >= 16");
        }
        if (sites != 0 && Math.pow(sites, dimension) > TwoPointFunction.MAX_SITES) {
            throw new InvalidInputException("sites", sites, "at most " + TwoPointFunction.MAX_SITES
                    + " lattice sites in all (" + sites + "^" + dimension + " = " + (long) Math.pow(sites, dimension)
                    + " requested)");
        }
        InvalidInputException.requireNonNegative("spacing", spacing);
    }

    /** The spec with the automatic lattice. */
    public static TwoPointSpec of(int dimension, double r, double g) {
        return new TwoPointSpec(dimension, r, g, 0, 0);
    }

    /** Lattice sites per dimension actually used: {@code sites}, or 16384 / 512 (1024 at r = 0) / 128 for d = 1 / 2 / 3. */
    public int latticeSites() {
        if (sites != 0) {
            return sites;
        }
        return switch (dimension) {
            case 1 -> 1 << 14;
            case 2 -> r > 0 ? 512 : 1024;
            default -> 128;
        };
    }

    /** Lattice spacing actually used. */
    public double latticeSpacing() {
        if (spacing != 0) {
            return spacing;
        }
        if (r == 0) {
            return 1.0;
        }
        double xi = Math.sqrt(g / r);
        return xi / (dimension == 1 ? 16 : dimension == 2 ? 8 : 4);
    }
}
