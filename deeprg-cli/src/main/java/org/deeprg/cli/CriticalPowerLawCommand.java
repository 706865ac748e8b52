package org.deeprg.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.deeprg.InvalidInputException;
import org.deeprg.fit.Comparison;
import org.deeprg.fit.PowerLaw;
import org.deeprg.fit.PowerLawData;
import org.deeprg.fit.PowerLawFit;
import org.deeprg.studies.critical.PowerLawPlots;
import org.deeprg.result.Result;
import org.deeprg.result.Table;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deeprg critical powerlaw}: a Clauset-Shalizi-Newman power-law analysis of a sample. */
@Command(name = "powerlaw", mixinStandardHelpOptions = true,
        description = "Fit a power law to a sample (one positive number per line) the Clauset-Shalizi-Newman way: "
                + "maximum likelihood, x_min by minimising the KS distance, bootstrap goodness-of-fit p-value, "
                + "likelihood-ratio tests against lognormal, exponential and truncated power law.",
        footer = {"%nExamples:", "  ./deeprg critical powerlaw --input degrees.txt --json",
                "  ./deeprg critical powerlaw --input counts.txt --type discrete --bootstrap 1000"})
public final class CriticalPowerLawCommand extends ComputeCommand<CriticalPowerLawCommand.PowerLawSpec> {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Sample: one positive number per line ('#' comments allowed).")
    Path input;

    @Option(names = "--type", paramLabel = "TYPE", description = "auto (discrete if every value is an integer), continuous or discrete (default: ${DEFAULT-VALUE}).")
    String type = "auto";

    @Option(names = "--bootstrap", paramLabel = "B", description = "Goodness-of-fit resamples; 0 skips the p-value (default: ${DEFAULT-VALUE}; CSN: 2500 for two digits).")
    int bootstrap = 200;

    /**
     * The spec of a power-law analysis.
     *
     * @param input     the sample file
     * @param type      "auto", "continuous" or "discrete"
     * @param bootstrap goodness-of-fit resamples
     */
    public record PowerLawSpec(Path input, String type, int bootstrap) {
        public PowerLawSpec {
            if (!type.equals("auto") && !type.equals("continuous") && !type.equals("discrete")) {
                throw new InvalidInputException("type", type, "must be auto, continuous or discrete");
            }
            InvalidInputException.requireInRange("bootstrap", bootstrap, 0, 100_000);
        }
    }

    @Override
    protected PowerLawSpec spec() {
        return new PowerLawSpec(input, type.toLowerCase(Locale.ROOT), bootstrap);
    }

    @Override
    protected Result compute(PowerLawSpec spec, RunContext context) {
        double[] data = PowerLawData.read(spec.input());
        PowerLaw.Kind kind = switch (spec.type()) {
            case "continuous" -> PowerLaw.Kind.CONTINUOUS;
            case "discrete" -> PowerLaw.Kind.DISCRETE;
            default -> PowerLaw.Kind.detect(data);
        };
        if (kind == PowerLaw.Kind.DISCRETE && spec.type().equals("discrete")) {
            for (int i = 0; i < data.length; i++) {
                if (data[i] != Math.rint(data[i])) {
                    throw new InvalidInputException("type", "discrete", "value " + (i + 1) + " of " + spec.input()
                            + " (" + data[i] + ") is not an integer");
                }
            }
        }
        context.progress().start("power-law fit", 1);
        PowerLawFit fit = PowerLaw.analyse(data, kind, spec.bootstrap(), context.streams().split("bootstrap"), context.threads());
        context.progress().advance(1);
        Table.Builder table = Table.builder("comparisons", "alternative", "R (log-likelihood ratio)", "normalised R",
                "p-value", "favoured");
        for (Comparison c : fit.comparisons()) {
            table.row(c.alternative(), c.logLikelihoodRatio(), c.normalizedRatio(), c.pValue(), c.favoured());
        }
        Result.Builder b = Result.builder("Power-law fit of " + spec.input().getFileName())
                .data(fit)
                .table(table.build())
                .figure(PowerLawPlots.ccdfFigure("ccdf", "Power-law fit", "x", data, fit))
                .inputFile(spec.input())
                .summary(String.format(Locale.ROOT, "%s power law: alpha = %.4f +- %.4f above x_min = %.6g (%d of %d points)",
                        fit.discrete() ? "discrete" : "continuous", fit.alpha(), fit.alphaStderr(), fit.xmin(), fit.nTail(), fit.n()))
                .summary(String.format(Locale.ROOT, "KS distance %.5f, bootstrap p-value %.3f +- %.3f (%d resamples): %s",
                        fit.ks(), fit.pValue(), fit.pValueStderr(), fit.bootstrapResamples(),
                        Double.isNaN(fit.pValue()) ? "not computed" : fit.plausible() ? "power law plausible" : "power law ruled out (p < 0.1)"));
        for (Comparison c : fit.comparisons()) {
            b.summary(String.format(Locale.ROOT, "vs %s: R = %.3f, p = %.3g -> %s", c.alternative(), c.logLikelihoodRatio(),
                    c.pValue(), c.favoured()));
        }
        return b.build();
    }
}
