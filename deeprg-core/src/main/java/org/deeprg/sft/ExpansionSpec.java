package org.deeprg.sft;

import java.util.Objects;
import org.deeprg.InvalidInputException;

/**
 * The cost expansion into sources J1..J{order} (Eqs. 11-12) of a network at its reference point.
 *
 * @param network the network, data and reference point
 * @param order   highest source, 1..4
 */
public record ExpansionSpec(SftNetworkSpec network, int order) {
    public ExpansionSpec {
        Objects.requireNonNull(network, "network");
        InvalidInputException.requireInRange("order", order, 1, 4);
    }
}
