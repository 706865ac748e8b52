package org.deeprg.cli;

import java.nio.file.Path;
import org.deeprg.InvalidInputException;
import org.deeprg.fit.DiscreteEstimate;
import org.deeprg.fit.PowerLaw;
import org.deeprg.fit.PowerLawOptions;
import org.deeprg.fit.PowerLawResult;
import org.deeprg.fit.PowerLawSpec;
import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import org.deeprg.studies.critical.PowerLawPlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code deeprg critical powerlaw}: a Clauset-Shalizi-Newman power-law analysis of a sample. The options build a
 * {@link PowerLawSpec}; {@link PowerLaw#run} computes; {@link PowerLawPlots} presents.
 */
@Command(name = "powerlaw", mixinStandardHelpOptions = true,
        description = "Fit a power law to a sample (one positive number per line) the Clauset-Shalizi-Newman way: "
                + "maximum likelihood, x_min by the exact minimum of the two-sided KS distance over every value, bootstrap "
                + "goodness-of-fit p-value and uncertainties, and likelihood-ratio tests against exponential, stretched "
                + "exponential, lognormal, positive lognormal and truncated power law, each fitted on the same tail.",
        footer = {"%nExamples:", "  ./deeprg critical powerlaw --input degrees.txt --json",
                "  ./deeprg critical powerlaw --input counts.txt --type discrete --bootstrap 1000",
                "  ./deeprg critical powerlaw --input sizes.txt --xmin-range 1:100 --compare lognormal,truncatedPowerLaw:lognormal",
                "  ./deeprg critical powerlaw --input sizes.txt --xmin 5 --xmax 1e4 --bootstrap 0 --uncertainty-resamples 0"})
public final class CriticalPowerLawCommand extends ComputeCommand<PowerLawSpec> {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Sample: one positive number per line ('#' comments allowed).")
    Path input;

    @Option(names = "--type", paramLabel = "TYPE", description = "auto (discrete if every value is an integer), continuous or discrete (default: ${DEFAULT-VALUE}).")
    String type = "auto";

    @Option(names = "--bootstrap", paramLabel = "B", description = "Goodness-of-fit resamples; 0 skips the p-value (default: ${DEFAULT-VALUE}; CSN: 2500 for two digits).")
    int bootstrap = 200;

    @Option(names = "--uncertainty-resamples", paramLabel = "U", description = "Resamples of the data for the standard errors of x_min, alpha, KS and n_tail; 0 skips them (default: ${DEFAULT-VALUE}).")
    int uncertaintyResamples = 100;

    @Option(names = "--xmin", paramLabel = "X", description = "A fixed x_min (no scan); the tail is x >= X.")
    Double xmin;

    @Option(names = "--xmin-range", paramLabel = "A:B", description = "Scan x_min only over values in [A, B] (either end may be empty).")
    String xminRange;

    @Option(names = "--xmax", paramLabel = "X", description = "Bounded fits: leave out values above X and normalise every distribution on [x_min, X].")
    Double xmax;

    @Option(names = "--compare", paramLabel = "LIST", description = "all, none, or a comma-separated list of alternatives (exponential, "
            + "stretchedExponential, lognormal, lognormalPositive, truncatedPowerLaw; each tested against the power law) and pairs a:b "
            + "(any two models, powerLaw included) (default: ${DEFAULT-VALUE}).")
    String compare = "all";

    @Option(names = "--discrete-estimate", paramLabel = "E", description = "Discrete exponent: exact (maximum likelihood with the Hurwitz zeta) "
            + "or approx (the closed form of CSN Eq. 3.7); both are reported (default: ${DEFAULT-VALUE}).")
    String discreteEstimate = "exact";

    @Override
    protected PowerLawSpec spec() {
        Double lower = null;
        Double upper = null;
        if (xminRange != null) {
            String[] ab = xminRange.split(":", -1);
            if (ab.length != 2 || (ab[0].isBlank() && ab[1].isBlank())) {
                throw new InvalidInputException("xminRange", xminRange, "must be A:B (either end may be empty), e.g. 1:100");
            }
            lower = ab[0].isBlank() ? null : number("xminRange", xminRange, ab[0]);
            upper = ab[1].isBlank() ? null : number("xminRange", xminRange, ab[1]);
        }
        PowerLawOptions options = new PowerLawOptions(PowerLaw.Kind.parse("type", type), xmin, lower, upper, xmax,
                DiscreteEstimate.parse("discreteEstimate", discreteEstimate), null, null, bootstrap, uncertaintyResamples)
                .withCompare(compare);
        return new PowerLawSpec(input, options);
    }

    private static double number(String parameter, String whole, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(parameter, whole, "'" + text.strip() + "' is not a number; give A:B, e.g. 1:100");
        }
    }

    @Override
    protected Result compute(PowerLawSpec spec, RunContext context) {
        PowerLawResult r = PowerLaw.run(spec, context);
        return PowerLawPlots.result("Power-law analysis of " + spec.input().getFileName(), r, spec.input());
    }
}
