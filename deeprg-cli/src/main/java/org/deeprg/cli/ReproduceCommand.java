package org.deeprg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.deeprg.InvalidInputException;
import org.deeprg.json.Json;
import org.deeprg.run.Progress;
import org.deeprg.random.RandomStreams;
import org.deeprg.report.Provenance;
import org.deeprg.report.ReportWriter;
import org.deeprg.report.ResultWriter;
import org.deeprg.result.ClaimTally;
import org.deeprg.study.Scale;
import org.deeprg.study.Studies;
import org.deeprg.study.Study;
import org.deeprg.study.StudyContext;
import org.deeprg.run.Backend;
import org.deeprg.run.BackendException;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deeprg reproduce}: runs every registered paper study and writes one report directory whose
 * index.html has a section per paper with each checked claim, the paper's value, deeprg's value and the
 * verdict. Each study gets its own random stream, split from the root seed by the study's id.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Run every paper study (quick scale unless --full) and write the HTML report.",
        footer = {"%nExamples:", "  ./deeprg reproduce", "  ./deeprg reproduce --full --out results/paper-scale",
                "  ./deeprg reproduce --only lee2024-decimation-rg --json"})
public final class ReproduceCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    BackendOptions backendOptions;

    @Spec
    CommandSpec spec;

    @Option(names = "--full", description = "Run the paper-scale settings (can take hours) instead of the quick scale.")
    boolean full;

    @Option(names = "--only", split = ",", paramLabel = "ID", description = "Run only these studies (ids as listed by --list).")
    List<String> only;

    @Option(names = "--list", description = "List the studies and exit.")
    boolean list;

    /** The spec of a reproduce run (for provenance). */
    public record ReproduceSpec(String scale, List<String> studies) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Study> studies = Studies.all();
        if (list) {
            for (Study s : studies) {
                out.println(s.id() + "\t" + s.paper().key() + "\t" + s.title());
            }
            return ExitCodes.OK;
        }
        if (only != null) {
            Set<String> known = new HashSet<>();
            studies.forEach(s -> known.add(s.id()));
            for (String id : only) {
                if (!known.contains(id)) {
                    throw new InvalidInputException("only", id, "must be one of " + String.join(", ", known.stream().sorted().toList()));
                }
            }
            Set<String> wanted = new HashSet<>(only);
            studies = studies.stream().filter(s -> wanted.contains(s.id())).toList();
        }
        Instant start = Instant.now();
        int threads = common.threads();
        Scale scale = full ? Scale.FULL : Scale.QUICK;
        if (common.out() != null) {
            ResultWriter.checkTarget(common.out());
        }
        try (ResultWriter.TargetClaim claim = common.out() != null ? ResultWriter.claim(common.out())
                : ResultWriter.claimDefault(Path.of("results"), "reproduce" + (full ? "-full" : ""), start)) {
            return run(claim.target(), studies, start, threads, scale, out, err);
        }
    }

    private int run(Path target, List<Study> studies, Instant start, int threads, Scale scale, PrintWriter out,
                    PrintWriter err) throws IOException {
        ReproduceSpec rs = new ReproduceSpec(scale.name().toLowerCase(Locale.ROOT), studies.stream().map(Study::id).toList());
        backendOptions.validate();
        Provenance provenance = Provenance.capture(DeepRg.currentArgs(), rs, common.seed(), threads, start);
        RandomStreams root = RandomStreams.root(common.seed());
        List<ReportWriter.StudyRun> runs = new ArrayList<>();
        boolean internalFailure = false;
        try (Backend backend = backendOptions.open()) {
            provenance = provenance.withBackend(backend.describe());
            for (Study s : studies) {
                if (!common.quiet()) {
                    err.println("deeprg reproduce: " + s.id() + " (" + s.title() + ") ...");
                    err.flush();
                }
                Progress progress = ConsoleProgress.create(common.quiet());
                StudyContext ctx = new StudyContext(new RunContext(root.split(s.id()), threads, backend, progress), scale);
                long t0 = System.nanoTime();
                try {
                    runs.add(new ReportWriter.StudyRun(s.id(), s.paper(), s.title(), s.run(ctx), null, (System.nanoTime() - t0) * 1e-9));
                } catch (BackendException e) {
                    throw e; // the cluster failed: no report (exit 4)
                } catch (RuntimeException e) {
                    internalFailure = true;
                    runs.add(new ReportWriter.StudyRun(s.id(), s.paper(), s.title(), null, String.valueOf(e), (System.nanoTime() - t0) * 1e-9));
                    err.println("deeprg reproduce: study " + s.id() + " failed: " + e);
                    if (Arrays.asList(DeepRg.currentArgs().toArray(new String[0])).contains("--stacktrace")) {
                        e.printStackTrace(err);
                    }
                } finally {
                    progress.finish();
                }
                if (!common.quiet()) {
                    ReportWriter.StudyRun r = runs.get(runs.size() - 1);
                    err.printf(Locale.ROOT, "  done in %.1f s%n", r.seconds());
                    err.flush();
                }
            }
        }
        Path written = ReportWriter.write(target, runs, provenance.finished(List.of()), scale.name());
        ClaimTally tally = ReportWriter.tally(runs);
        long failed = runs.stream().filter(r -> r.result() == null).count();
        if (common.json()) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("report", written.resolve("index.html").toString());
            summary.put("studies", runs.size());
            summary.put("failedStudies", failed);
            summary.put("counts", tally);
            out.println(Json.write(summary));
        } else {
            out.printf(Locale.ROOT, "%d studies%s%n", runs.size(), failed > 0 ? ", " + failed + " FAILED" : "");
            for (String line : tally.lines()) {
                out.println(line);
            }
            out.println("report: " + written.resolve("index.html"));
        }
        out.flush();
        return internalFailure ? ExitCodes.INTERNAL_ERROR : ExitCodes.OK;
    }
}
