package org.deeprg.fit;

import java.nio.file.Path;
import java.util.Objects;
import org.deeprg.InvalidInputException;

/**
 * The spec of {@code deeprg critical powerlaw}: a sample file (one positive number per line, '#' comments) and the
 * analysis options. Run with {@link PowerLaw#run(PowerLawSpec, org.deeprg.run.RunContext)}.
 *
 * @param input   the sample file
 * @param options the analysis
 */
public record PowerLawSpec(Path input, PowerLawOptions options) {
    public PowerLawSpec {
        if (input == null) {
            throw new InvalidInputException("input", null, "a sample file is required");
        }
        Objects.requireNonNull(options, "options");
    }
}
