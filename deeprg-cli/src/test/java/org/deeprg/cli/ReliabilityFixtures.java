package org.deeprg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeprg.Domain;
import org.deeprg.io.Checkpoints;
import org.deeprg.io.OutputPaths;
import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Test commands for the reliability suite, and a main class that adds them to the real command tree so the launcher
 * can run them in a child process ({@code DEEPRG_MAIN=org.deeprg.cli.ReliabilityFixtures}).
 */
final class ReliabilityFixtures {
    private ReliabilityFixtures() {
    }

    /** Main for the launcher: deeprg plus the fixture commands. */
    public static void main(String[] args) {
        DeepRg.main(args, ReliabilityFixtures::add);
    }

    static void add(CommandLine cl) {
        cl.addSubcommand(new Work());
    }

    /**
     * {@code work}: "computes" for {@code --seconds} (checking every 10 ms), with an optional checkpoint: written
     * periodically like a real checkpointing command, written again on interrupt ({@link #onInterrupt()}), and
     * deleted in {@link #afterWrite} once the result is in place.
     */
    @Command(name = "work", mixinStandardHelpOptions = true)
    static final class Work extends ComputeCommand<Work.Spec> {
        static final String FORMAT = "test-work";

        record Spec(double seconds, Path checkpoint, double scale) {
            static final String SCALE_RANGE = "(0, 1e6]";

            Spec {
                Domain.check("seconds", seconds, "[0, 3600]");
                Domain.check("scale", scale, SCALE_RANGE, "the test's own limit");
            }
        }

        record State(long steps) {
            State {
                Domain.check("steps", steps, "[0, 1e9]");
            }
        }

        @Option(names = "--seconds")
        double seconds = 0;
        @Option(names = "--checkpoint")
        Path checkpoint;
        @Option(names = "--scale", description = "A scale in " + Spec.SCALE_RANGE + ".")
        double scale = 1;
        @Option(names = "--nan", description = "Put a NaN into the result.")
        boolean nan;

        private volatile long steps;
        private volatile Spec running;

        @Override
        protected Spec spec() {
            return new Spec(seconds, checkpoint, scale);
        }

        @Override
        protected void checkOutputs(Spec spec) {
            if (spec.checkpoint() != null) {
                OutputPaths.checkCreatable("checkpoint", spec.checkpoint(), 1024);
            }
        }

        @Override
        protected Result compute(Spec spec, RunContext context) {
            running = spec;
            long end = System.nanoTime() + (long) (spec.seconds() * 1e9);
            while (System.nanoTime() < end) {
                steps++;
                if (spec.checkpoint() != null && steps % 50 == 1) {
                    Checkpoints.writeJson(spec.checkpoint(), FORMAT, 1, spec, new State(steps));
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (spec.checkpoint() != null) {
                Checkpoints.writeJson(spec.checkpoint(), FORMAT, 1, spec, new State(steps));
            }
            return Result.builder("work").data(Map.of("steps", steps, "scale", spec.scale(),
                    "value", nan ? Double.NaN : 1.0)).summary("done").build();
        }

        @Override
        protected void afterWrite(Spec spec, Path written) throws IOException {
            if (spec.checkpoint() != null) {
                Files.deleteIfExists(spec.checkpoint());
            }
        }

        @Override
        protected boolean onInterrupt() {
            Spec s = running;
            if (s == null || s.checkpoint() == null) {
                return false;
            }
            Checkpoints.writeJson(s.checkpoint(), FORMAT, 1, s, new State(steps));
            return true;
        }
    }
}
