package org.sembridge.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/// Architecture rules of the workbench module; each says why it exists.
class ArchitectureTest {

    private static final ArchRule appUsesOnlyTheEngineApi = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "org.apache.lucene..", "smile..")
            .because("the GUI calls the engine's public API so CLI and GUI run the same code and tensors stay in the engine");

    private static final ArchRule viewModelsAreToolkitFree = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("ViewModels are tested without the JavaFX toolkit; only Views build nodes")
            .allowEmptyShould(true);

    private static final ArchRule noPrinting = noClasses()
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("the workbench reports through the status bar, dialogs and slf4j");

    private static final ArchRule noJavaUtilLogging = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..")
            .because("all logging goes through slf4j-api");

    private static final ArchRule noAnonymousPools = noClasses()
            .should().callMethod(java.util.concurrent.Executors.class, "newFixedThreadPool", int.class)
            .orShould().callMethod(java.util.concurrent.Executors.class, "newCachedThreadPool")
            .because("background work goes through TaskRunner and its one named engine thread");

    private static final ArchRule noPathsGet = noClasses()
            .should().callMethod(java.nio.file.Paths.class, "get", String.class, String[].class)
            .because("Path.of is the one way to make paths in this code base");

    private static final ArchRule writesGoThroughAtomicFiles = noClasses()
            .should().callMethod(java.nio.file.Files.class, "write", java.nio.file.Path.class, byte[].class,
                    java.nio.file.OpenOption[].class)
            .orShould().callMethod(java.nio.file.Files.class, "write", java.nio.file.Path.class, Iterable.class,
                    java.nio.file.OpenOption[].class)
            .orShould().callMethod(java.nio.file.Files.class, "writeString", java.nio.file.Path.class,
                    CharSequence.class, java.nio.file.OpenOption[].class)
            .orShould().callMethod(java.nio.file.Files.class, "newOutputStream", java.nio.file.Path.class,
                    java.nio.file.OpenOption[].class)
            .orShould().callMethod(java.nio.file.Files.class, "newBufferedWriter", java.nio.file.Path.class,
                    java.nio.file.OpenOption[].class)
            .orShould().callConstructor(java.io.FileOutputStream.class, java.io.File.class)
            .orShould().callConstructor(java.io.FileOutputStream.class, String.class)
            .orShould().callConstructor(java.io.FileWriter.class, java.io.File.class)
            .orShould().callConstructor(java.io.FileWriter.class, String.class)
            .orShould().callMethod(javax.imageio.ImageIO.class, "write", java.awt.image.RenderedImage.class,
                    String.class, java.io.File.class)
            .because("every file the workbench writes (sessions, exports, screenshots) goes through the engine's"
                    + " org.sembridge.engine.io.AtomicFiles (temp file + rename), so a crash or a full disk never"
                    + " leaves a half-written file, as in the engine");

    private static final ArchRule appDoesNotUseTheEngineEntryPoints = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.sembridge.engine.cli..",
                    "org.sembridge.engine.bench..")
            .because("the CLI and the benchmark harness are entry points of their own on top of the engine library;"
                    + " the workbench is another, calling the library (and its workflow services) directly");

    /// The engine packages the workbench may use: the workflow services and the value types they
    /// hand out, progress, file safety, and the method descriptors (plus the root exception family).
    private static final ArchRule appUsesAtMostEightEnginePackages = noClasses()
            .should().dependOnClassesThat(resideInAPackage("org.sembridge.engine..").and(not(resideInAnyPackage(
                    "org.sembridge.engine", "org.sembridge.engine.workflow", "org.sembridge.engine.progress",
                    "org.sembridge.engine.io", "org.sembridge.engine.run", "org.sembridge.engine.index",
                    "org.sembridge.engine.eval", "org.sembridge.engine.projection",
                    "org.sembridge.engine.transfer.baseline"))))
            .because("the GUI calls whole jobs through engine.workflow; reaching past it into readers, encoders or"
                    + " vocabularies would assemble workflows a second time beside the CLI (issue 11)");

    private static final JavaClasses PRODUCTION_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sembridge.app");

    static Stream<ArchRule> rules() {
        return Stream.of(appUsesOnlyTheEngineApi, viewModelsAreToolkitFree, noPrinting, noJavaUtilLogging, noAnonymousPools, noPathsGet,
                writesGoThroughAtomicFiles, appDoesNotUseTheEngineEntryPoints,
                appUsesAtMostEightEnginePackages);
    }

    /// Runs each rule as its own test (ArchUnit's JUnit engine is not picked up by surefire with
    /// JUnit 5.14, so the rules run through Jupiter).
    @ParameterizedTest
    @MethodSource("rules")
    void productionCodeFollowsRule(ArchRule rule) {
        rule.check(PRODUCTION_CLASSES);
    }
}
