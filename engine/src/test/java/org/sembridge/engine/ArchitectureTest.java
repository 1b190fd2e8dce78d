package org.sembridge.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("library code reports through slf4j and return values; only the CLI owns the terminal");

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
                noUnseededShuffle, writesGoThroughAtomicFiles, contentDerivedPathsAreConfined);
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
