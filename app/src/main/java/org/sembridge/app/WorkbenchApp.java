package org.sembridge.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.sembridge.app.common.FxDialogService;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.common.Navigator;
import org.sembridge.app.map.MapView;
import org.sembridge.app.map.MapViewModel;
import org.sembridge.app.models.ModelsView;
import org.sembridge.app.models.ModelsViewModel;
import org.sembridge.app.runs.RunsView;
import org.sembridge.app.runs.RunsViewModel;
import org.sembridge.app.shell.MainWindow;
import org.sembridge.app.shell.WorkbenchPage;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.run.TransferRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The JavaFX application: builds the shell and its pages, wires the task runner and dialogs,
/// and preloads the bundled sample models (Korean target by default) once the window shows.
///
/// Parameters: `--language=xx` picks the sample target tokenizer (`ko`, `ru`, `ar`, `hi`, `zh`);
/// `--workspace=DIR` the workspace folder (default [Workspace#defaultRoot()]); the system property `sembridge.repo.root` (set by `bin/workbench`) locates `sample-models/`.
public final class WorkbenchApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);

    private FxTaskRunner taskRunner;
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        long startNanos = System.nanoTime();
        taskRunner = new FxTaskRunner();
        FxDialogService dialogs = new FxDialogService(stage);
        WorkbenchState state = new WorkbenchState(openWorkspace(dialogs));
        Navigator navigator = pageId -> window.showPage(pageId);
        ModelsViewModel models = new ModelsViewModel(taskRunner, dialogs);
        RunsViewModel runs = new RunsViewModel(taskRunner, dialogs, state, models, TransferRunner.atDefaultLocation(),
                Platform::runLater);
        MapViewModel map = new MapViewModel(state, taskRunner, dialogs, navigator, Platform::runLater);
        List<WorkbenchPage> pages = List.of(
                new WorkbenchPage("models", "Models", "Choose source encoder, target tokenizer and bridge",
                        new ModelsView(models, dialogs).root()),
                new WorkbenchPage("runs", "Runs", "Start a transfer, watch its progress, keep runs side by side",
                        new RunsView(runs).root()),
                new WorkbenchPage("map", "Map", "Embedding map of the current run: zoom, select, lasso",
                        new MapView(map).root()));
        window = new MainWindow(pages, taskRunner);
        Scene scene = new Scene(window.root(), 1280, 800);
        window.installShortcuts(scene);
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Unexpected error on the JavaFX thread", error);
            dialogs.showError("Unexpected error", error);
        });
        stage.setTitle("SemBridge Workbench");
        stage.setScene(scene);
        stage.setOnShown(e -> {
            LOG.info("Workbench window shown {} ms after start", (System.nanoTime() - startNanos) / 1_000_000);
            String language = getParameters().getNamed().getOrDefault("language", "ko");
            models.loadSampleModels(repositoryRoot(), language);
            runs.openWorkspaceRuns();
            runs.ensureDemoRuns(repositoryRoot(), language);
            models.detectDevice();
        });
        stage.show();
    }

    @Override
    public void stop() {
        if (taskRunner != null) {
            taskRunner.close();
        }
    }

    /// Opens the workspace named by `--workspace=DIR` (else the default); when it cannot be
    /// created, says why and falls back to a temporary folder so the session still works.
    private Workspace openWorkspace(FxDialogService dialogs) {
        Path root = Optional.ofNullable(getParameters().getNamed().get("workspace"))
                .map(Path::of)
                .orElseGet(Workspace::defaultRoot);
        try {
            Workspace workspace = Workspace.open(root);
            LOG.info("Workspace {}", workspace.root());
            return workspace;
        } catch (IOException e) {
            dialogs.showError("Could not open the workspace " + root, e);
            try {
                return Workspace.open(Files.createTempDirectory("sembridge-workspace"));
            } catch (IOException fallback) {
                throw new UncheckedIOException("no writable temporary folder for a workspace", fallback);
            }
        }
    }

    private static Path repositoryRoot() {
        return Path.of(System.getProperty("sembridge.repo.root", ".")).toAbsolutePath().normalize();
    }
}
