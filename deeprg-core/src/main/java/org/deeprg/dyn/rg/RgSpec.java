package org.deeprg.dyn.rg;

import org.deeprg.InvalidInputException;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.rg.DecimationMap;

/**
 * Input of {@code dyn rg}: decimation RG of the Heaviside dynamic-neuron chain with neurons {0, 1}.
 *
 * @param preset     "lee2024" (the paper's N = L = 1, {-1, 1}, b = 2, with the closed form of Eq. 26) or "general"
 * @param width      N
 * @param examples   L
 * @param weightAlphabet values of W and b
 * @param rescaling  b &gt;= 2
 * @param starts     random Newton starts (>= 1)
 * @param fictitious whether sign-extended ("fictitious") couplings are searched too
 */
public record RgSpec(String preset, int width, int examples, Alphabet weightAlphabet, int rescaling, int starts, boolean fictitious)
        implements java.io.Serializable {
    /** Largest N L for the fixed-point search (4^{N L} - 1 couplings, finite-difference Jacobians). */
    public static final int MAX_SEARCH_BITS = 3;

    public RgSpec {
        if (!"lee2024".equals(preset) && !"general".equals(preset)) {
            throw new InvalidInputException("preset", preset, "must be lee2024 or general");
        }
        InvalidInputException.requireInRange("width", width, 1, DecimationMap.MAX_BITS);
        InvalidInputException.requireInRange("examples", examples, 1, DecimationMap.MAX_BITS);
        InvalidInputException.requireInRange("rescaling", rescaling, 2, 64);
        InvalidInputException.requireInRange("starts", starts, 1, 100_000);
        if ((long) width * examples > MAX_SEARCH_BITS) {
            throw new InvalidInputException("width", width + " x " + examples, "the fixed-point search handles N L <= "
                    + MAX_SEARCH_BITS + " (4^(N L) - 1 = " + ((1L << (2 * MAX_SEARCH_BITS)) - 1) + " couplings); got N L = " + ((long) width * examples));
        }
        if ("lee2024".equals(preset) && (width != 1 || examples != 1 || rescaling != 2 || !weightAlphabet.equals(Alphabet.BINARY_WEIGHTS))) {
            throw new InvalidInputException("preset", preset, "lee2024 is N = L = 1, alphabet -1,1, rescaling 2; use --preset general for other models");
        }
    }

    /** The paper's preset. */
    public static RgSpec lee2024(int starts) {
        return new RgSpec("lee2024", 1, 1, Alphabet.BINARY_WEIGHTS, 2, starts, true);
    }
}
