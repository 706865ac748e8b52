package org.deeprg.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Enforces the layering of docs/ARCHITECTURE.md on all modules (this module's test class path sees them all). */
class LayeringTest {
    private static JavaClasses deeprg;

    @BeforeAll
    static void importAll() {
        deeprg = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.deeprg");
        assertThat(deeprg.containPackage("org.deeprg.qft")).as("core imported").isTrue();
        assertThat(deeprg.containPackage("org.deeprg.studies")).as("studies imported").isTrue();
        assertThat(deeprg.containPackage("org.deeprg.report")).as("report imported").isTrue();
        assertThat(deeprg.containPackage("org.deeprg.cli")).as("cli imported").isTrue();
    }

    @Test
    void physicsImportsNoPresentation() {
        LayeringRules.physicsIsFreeOfPresentation("org.deeprg").check(deeprg);
    }

    @Test
    void foundationIsAtTheBottom() {
        LayeringRules.foundationIsAtTheBottom("org.deeprg").check(deeprg);
    }

    @Test
    void studiesDoNotRender() {
        LayeringRules.studiesDoNotRender("org.deeprg").check(deeprg);
    }

    @Test
    void reportIsBelowCli() {
        LayeringRules.reportIsBelowCli("org.deeprg").check(deeprg);
    }

    @Test
    void sparkOnlyInTheBackendModule() {
        LayeringRules.sparkOnlyInTheBackendModule("org.deeprg").check(deeprg);
        LayeringRules.nothingDependsOnTheBackendModule("org.deeprg").check(deeprg);
    }

    @Test
    void noCyclesBetweenPackages() {
        LayeringRules.noPackageCycles("org.deeprg").check(deeprg);
    }

    /**
     * The rules bite: a fixture tree (test sources under {@code org.deeprg.architecture.fixture}) has a physics class
     * that imports a figure type and two packages that import each other.
     */
    @Test
    void theRulesFailOnAViolation() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.deeprg.architecture.fixture");
        String root = "org.deeprg.architecture.fixture";
        assertThatThrownBy(() -> LayeringRules.physicsIsFreeOfPresentation(root).check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("BadPhysics").hasMessageContaining("org.deeprg.architecture.fixture.result.Figure");
        assertThatThrownBy(() -> LayeringRules.noPackageCycles(root).check(fixture))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle");
        // and a fixture without a violation passes
        JavaClasses good = new ClassFileImporter().importPackages("org.deeprg.architecture.fixture.good");
        LayeringRules.physicsIsFreeOfPresentation("org.deeprg.architecture.fixture.good").check(good);
    }
}
