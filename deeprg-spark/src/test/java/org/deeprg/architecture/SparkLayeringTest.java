package org.deeprg.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/ARCHITECTURE.md on every module including deeprg-spark (whose test class path sees them all;
 * deeprg-cli's LayeringTest cannot, since the command line does not depend on this module): all of deeprg-cli's rules,
 * and the backend's own: Spark only in org.deeprg.spark, nothing depends on it, it depends on the foundation only.
 */
class SparkLayeringTest {
    private static JavaClasses deeprg;

    @BeforeAll
    static void importAll() {
        deeprg = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.deeprg");
        assertThat(deeprg.containPackage("org.deeprg.spark")).as("spark imported").isTrue();
        assertThat(deeprg.containPackage("org.deeprg.cli")).as("cli imported").isTrue();
        assertThat(deeprg.containPackage("org.deeprg.qft")).as("core imported").isTrue();
        assertThat(deeprg.containPackage("org.deeprg.architecture")).as("test fixtures left out").isFalse();
    }

    @Test
    void sparkStaysInTheBackendModule() {
        LayeringRules.sparkOnlyInTheBackendModule("org.deeprg").check(deeprg);
        LayeringRules.nothingDependsOnTheBackendModule("org.deeprg").check(deeprg);
        LayeringRules.backendUsesOnlyTheFoundation("org.deeprg").check(deeprg);
    }

    @Test
    void theRestOfTheLayeringHoldsWithTheBackendModule() {
        LayeringRules.physicsIsFreeOfPresentation("org.deeprg").check(deeprg);
        LayeringRules.foundationIsAtTheBottom("org.deeprg").check(deeprg);
        LayeringRules.studiesDoNotRender("org.deeprg").check(deeprg);
        LayeringRules.reportIsBelowCli("org.deeprg").check(deeprg);
        LayeringRules.noPackageCycles("org.deeprg").check(deeprg);
    }
}
