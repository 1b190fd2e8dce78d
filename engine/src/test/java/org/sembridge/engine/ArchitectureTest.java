package org.sembridge.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// Architecture rules of the engine module; each says why it exists (its `because`).
class ArchitectureTest {

    private static final ArchRule engineHasNoJavaFx = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the engine is a headless library used by the CLI, tests and servers without a display");

    private static final ArchRule onlyTheCliPrints = noClasses()
            .that().resideOutsideOfPackage("org.sembridge.engine.cli..")
            .and().doNotBelongToAnyOf(org.sembridge.engine.io.StandardErrorHandover.class)
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("library code reports through slf4j and return values; only the CLI owns the terminal"
                    + " (StandardErrorHandover, shared by both launchers, only flushes System.err before it hands"
                    + " the terminal's standard error back)");

    private static final ArchRule noJavaUtilLogging = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..")
            .because("all logging goes through slf4j-api so launchers choose one binding");

    private static final ArchRule noFixedSizeThreadPools = noClasses()
            .should().callMethod(java.util.concurrent.Executors.class, "newFixedThreadPool", int.class)
            .orShould().callMethod(java.util.concurrent.Executors.class, "newCachedThreadPool")
            .because("tensor work runs on one named engine thread; anonymous pools hide ownership of native memory");

    private static final ArchRule noPathsGet = noClasses()
            .should().callMethod(java.nio.file.Paths.class, "get", String.class, String[].class)
            .because("Path.of is the one way to make paths in this code base");

    private static final ArchRule noUnseededShuffle = noClasses()
            .should().callMethod(java.util.Collections.class, "shuffle", java.util.List.class)
            .because("every random choice takes an explicit seeded Random so runs are reproducible");

    private static final ArchRule writesGoThroughAtomicFiles = noClasses()
            .that().resideOutsideOfPackage("org.sembridge.engine.io..")
            .should().callMethod(java.nio.file.Files.class, "write", java.nio.file.Path.class, byte[].class,
                    java.nio.file.OpenOption[].class)
            .orShould().callMethod(java.nio.file.Files.class, "writeString", java.nio.file.Path.class,
                    CharSequence.class, java.nio.file.OpenOption[].class)
            .orShould().callMethod(java.nio.file.Files.class, "newOutputStream", java.nio.file.Path.class,
                    java.nio.file.OpenOption[].class)
            .orShould().callMethod(java.nio.file.Files.class, "newBufferedWriter", java.nio.file.Path.class,
                    java.nio.file.OpenOption[].class)
            .orShould().callConstructor(java.io.FileOutputStream.class, java.io.File.class)
            .orShould().callConstructor(java.io.FileOutputStream.class, String.class)
            .because("every write is atomic (temp file + rename) so no reader ever sees a half-written result");

    private static final String CLI = "org.sembridge.engine.cli..";
    private static final String BENCH = "org.sembridge.engine.bench..";

    /// The layers of docs/architecture.md ("Layers"), top to bottom: each may use the layers below
    /// it and its own, never one above. `workflow` (one service per user-level job) sits above the
    /// operations it composes and below the experiment runner and the entry points that call it.
    private static final ArchRule enginePackagesFormLayers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Entry points").definedBy(CLI)
            .layer("Benchmarks").definedBy(BENCH)
            .layer("Experiment").definedBy("org.sembridge.engine.experiment..")
            .layer("Workflows").definedBy("org.sembridge.engine.workflow..")
            .layer("Operations").definedBy("org.sembridge.engine.run..", "org.sembridge.engine.index..",
                    "org.sembridge.engine.eval..", "org.sembridge.engine.projection..")
            .layer("Compute").definedBy("org.sembridge.engine.encoder..", "org.sembridge.engine.transfer..",
                    "org.sembridge.engine.bridge..")
            .layer("Formats").definedBy("org.sembridge.engine.safetensors..", "org.sembridge.engine.hf..",
                    "org.sembridge.engine.vocab..", "org.sembridge.engine.provenance..")
            .layer("Foundation").definedBy("org.sembridge.engine", "org.sembridge.engine.io..",
                    "org.sembridge.engine.progress..", "org.sembridge.engine.confinement..",
                    "org.sembridge.engine.linalg..")
            .whereLayer("Entry points").mayNotBeAccessedByAnyLayer()
            .whereLayer("Benchmarks").mayOnlyBeAccessedByLayers("Entry points")
            .whereLayer("Experiment").mayOnlyBeAccessedByLayers("Entry points", "Benchmarks")
            .whereLayer("Workflows").mayOnlyBeAccessedByLayers("Experiment", "Entry points", "Benchmarks")
            .whereLayer("Operations").mayOnlyBeAccessedByLayers("Workflows", "Experiment", "Entry points",
                    "Benchmarks")
            .whereLayer("Compute").mayOnlyBeAccessedByLayers("Operations", "Workflows", "Experiment",
                    "Entry points", "Benchmarks")
            .whereLayer("Formats").mayOnlyBeAccessedByLayers("Compute", "Operations", "Workflows", "Experiment",
                    "Entry points", "Benchmarks")
            .because("a lower layer that reaches up (a reader calling the run pipeline, an operation calling a"
                    + " workflow) makes the engine one knot that cannot be tested or reused in parts; the picture"
                    + " in docs/architecture.md is the contract");

    private static final ArchRule packagesAreFreeOfCycles = slices()
            .matching("org.sembridge.engine.(*)..")
            .should().beFreeOfCycles()
            .because("packages that need each other are one package in two folders: neither can be understood,"
                    + " tested or moved alone");

    private static final ArchRule libraryDoesNotDependOnEntryPoints = noClasses()
            .that().resideOutsideOfPackages(CLI, BENCH)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, BENCH)
            .because("the CLI and the benchmark harness ship in the engine jar but are entry points on top of the"
                    + " library; the workbench and the tests use the library without them");

    private static final ArchRule noDjlTypesInPublicSignatures = members()
            .that().arePublic()
            .and().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat().resideOutsideOfPackage("org.sembridge.engine.encoder..")
            .should(new ForeignTypesInSignature("ai.djl"))
            .because("DJL (devices, NDArrays, managers) is the encoder's internal detail: callers name a device"
                    + " with run.DeviceChoice or encoder.SelectedDevice and get records and arrays back, so the"
                    + " native engine can change without touching them");

    private static final JavaClasses PRODUCTION_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sembridge.engine");

    /// Paths named inside a folder's files (module paths, shard names, recorded run and index
    /// folders) are resolved only by `FolderConfinement`; see [ContentDerivedPaths] for what the
    /// rule sees and what it cannot.
    private static final ArchRule contentDerivedPathsAreConfined = codeUnits()
            .that().areDeclaredInClassesThat().resideOutsideOfPackage("org.sembridge.engine.confinement..")
            .should(new ContentDerivedPaths(PRODUCTION_CLASSES))
            .because("a path taken from the contents of a model, run, index or experiment folder may name"
                    + " ../../x, an absolute path or a link out of the folder; FolderConfinement refuses those"
                    + " with the file and entry, while a path in user-written configuration is resolved against"
                    + " the naming file (the check follows strings within one method and through string-returning"
                    + " helpers, not through plain parameters)");

    static Stream<ArchRule> rules() {
        return Stream.of(engineHasNoJavaFx, onlyTheCliPrints, noJavaUtilLogging, noFixedSizeThreadPools, noPathsGet,
                noUnseededShuffle, writesGoThroughAtomicFiles, contentDerivedPathsAreConfined, enginePackagesFormLayers,
                packagesAreFreeOfCycles, libraryDoesNotDependOnEntryPoints, noDjlTypesInPublicSignatures);
    }

    /// The content-path rule is not vacuous: it refuses a shard name resolved by hand, a module
    /// path read through a string helper, and a lambda doing the same, and lets constant names
    /// through.
    @Test
    void contentPathRuleCatchesPathsResolvedByHand() {
        JavaClasses fixture = new ClassFileImporter().importClasses(UnconfinedShardReader.class);
        AssertionError e = assertThrows(AssertionError.class, () -> codeUnits()
                .should(new ContentDerivedPaths(fixture)).check(fixture));
        assertTrue(e.getMessage().contains("violated (3 times)"), e.getMessage());
        assertTrue(e.getMessage().contains("UnconfinedShardReader.shard("), e.getMessage());
        assertTrue(e.getMessage().contains("UnconfinedShardReader.viaHelper("), e.getMessage());
        assertTrue(e.getMessage().contains("UnconfinedShardReader.inALambda("), e.getMessage());
    }

    /// Runs each rule as its own test (ArchUnit's JUnit engine is not picked up by surefire with
    /// JUnit 5.14, so the rules run through Jupiter).
    @ParameterizedTest
    @MethodSource("rules")
    void productionCodeFollowsRule(ArchRule rule) {
        rule.check(PRODUCTION_CLASSES);
    }
}
