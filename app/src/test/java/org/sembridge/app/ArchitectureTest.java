package org.sembridge.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/// Architecture rules of the workbench module; each says why it exists.
@AnalyzeClasses(packages = "org.sembridge.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule appUsesOnlyTheEngineApi = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "org.apache.lucene..", "smile..")
            .because("the GUI calls the engine's public API so CLI and GUI run the same code and tensors stay in the engine");

    @ArchTest
    static final ArchRule viewModelsAreToolkitFree = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("ViewModels are tested without the JavaFX toolkit; only Views build nodes");

    @ArchTest
    static final ArchRule noPrinting = noClasses()
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("the workbench reports through the status bar, dialogs and slf4j");

    @ArchTest
    static final ArchRule noJavaUtilLogging = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..")
            .because("all logging goes through slf4j-api");

    @ArchTest
    static final ArchRule noAnonymousPools = noClasses()
            .should().callMethod(java.util.concurrent.Executors.class, "newFixedThreadPool", int.class)
            .orShould().callMethod(java.util.concurrent.Executors.class, "newCachedThreadPool")
            .because("background work goes through TaskRunner and its one named engine thread");

    @ArchTest
    static final ArchRule noPathsGet = noClasses()
            .should().callMethod(java.nio.file.Paths.class, "get", String.class, String[].class)
            .because("Path.of is the one way to make paths in this code base");
}
