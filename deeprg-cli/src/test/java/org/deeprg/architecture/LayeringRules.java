package org.deeprg.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of deeprg as ArchUnit rules, parameterised by the root package so that {@link LayeringTest} can apply
 * them to the real code ({@code org.deeprg}) and, to show that they bite, to a fixture tree with a deliberate
 * violation.
 *
 * <pre>
 * cli        org.deeprg.cli          picocli commands: options -> spec -> run(spec, RunContext) -> report
 * report     org.deeprg.report       result directories, the reproduce report (XChart)
 * studies    org.deeprg.study, .result, .studies   paper studies, claims, typed result -> tables/figures/text
 * backends   org.deeprg.spark        distributed execution of indexed tasks (module deeprg-spark: the only user of
 *                                    Apache Spark; depends on the foundation only; nothing depends on it)
 * physics    org.deeprg.net, .dyn, .rg, .mc, .sft, .critical, .train, .fit, .qft   models and methods
 * foundation org.deeprg, .random, .stats, .run, .json, .io, .numerics
 * </pre>
 */
final class LayeringRules {
    /** The packages of models and methods, relative to the root. */
    static final String[] PHYSICS = {"net", "dyn", "rg", "mc", "sft", "critical", "train", "fit", "qft"};
    /** The foundation packages, relative to the root (the root package itself is foundation too). */
    static final String[] FOUNDATION = {"random", "stats", "run", "json", "io", "numerics"};

    private LayeringRules() {
    }

    private static String[] under(String root, String... relative) {
        String[] out = new String[relative.length];
        for (int i = 0; i < relative.length; i++) {
            out[i] = root + "." + relative[i] + "..";
        }
        return out;
    }

    /** The presentation side: what physics and foundation must never import. */
    private static String[] presentation(String root) {
        return new String[] {"picocli..", "org.knowm.xchart..", "me.tongfei..", "org.apache.spark..",
                root + ".result..", root + ".study..", root + ".studies..", root + ".report..", root + ".cli..", root + ".spark.."};
    }

    /** Physics packages import no picocli, no report/figure/claim types, no study types, no backend. */
    static ArchRule physicsIsFreeOfPresentation(String root) {
        return noClasses().that().resideInAnyPackage(under(root, PHYSICS))
                .should().dependOnClassesThat().resideInAnyPackage(presentation(root))
                .because("physics packages return typed results; the studies/report layers present them (docs/ARCHITECTURE.md)");
    }

    /** Foundation imports neither physics nor presentation. */
    static ArchRule foundationIsAtTheBottom(String root) {
        String[] forbidden = concat(under(root, PHYSICS), presentation(root));
        return noClasses().that().resideInAnyPackage(concat(under(root, FOUNDATION), new String[] {root}))
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("the foundation (streams, statistics, run context, I/O) is shared by every layer above it");
    }

    /** Studies build tables, figures and claims as data: no plotting library, no report writer, no CLI. */
    static ArchRule studiesDoNotRender(String root) {
        return noClasses().that().resideInAnyPackage(root + ".studies..", root + ".study..", root + ".result..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.knowm.xchart..", root + ".report..",
                        root + ".cli..", root + ".spark..")
                .because("studies describe results as data; the report module renders them");
    }

    /** The report module knows nothing of the command line. */
    static ArchRule reportIsBelowCli(String root) {
        return noClasses().that().resideInAPackage(root + ".report..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", root + ".cli..")
                .because("result directories and reports are written the same way by the CLI and by library callers");
    }

    /** Apache Spark is used only by the backend module (org.deeprg.spark): core, studies, report and cli never load it. */
    static ArchRule sparkOnlyInTheBackendModule(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .because("a local run must not need Spark; the backend is found at run time (org.deeprg.run.Backends)");
    }

    /** Nothing depends on a backend module: the command line finds it through org.deeprg.run.BackendProvider. */
    static ArchRule nothingDependsOnTheBackendModule(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".spark..")
                .should().dependOnClassesThat().resideInAPackage(root + ".spark..")
                .because("deeprg-spark is optional at run time and absent at compile time");
    }

    /** The backend module runs tasks: it uses the foundation (run, random, json) only, no physics, studies, report or cli. */
    static ArchRule backendUsesOnlyTheFoundation(String root) {
        String[] forbidden = concat(under(root, PHYSICS), new String[] {"picocli..", "org.knowm.xchart..", root + ".result..",
            root + ".study..", root + ".studies..", root + ".report..", root + ".cli.."});
        return noClasses().that().resideInAPackage(root + ".spark..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because("a backend ships any job's tasks and knows none of them");
    }

    /** No cycles between the packages below the root. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
