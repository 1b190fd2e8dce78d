package org.sembridge.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.sembridge.app.common.FxDialogService;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.models.ModelsView;
import org.sembridge.app.models.ModelsViewModel;
import org.sembridge.app.shell.MainWindow;
import org.sembridge.app.shell.WorkbenchPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The JavaFX application: builds the shell and its pages, wires the task runner and dialogs,
/// and preloads the bundled sample models (Korean target by default) once the window shows.
///
/// Parameters: `--language=xx` picks the sample target tokenizer (`ko`, `ru`, `ar`, `hi`, `zh`);
/// the system property `sembridge.repo.root` (set by `bin/workbench`) locates `sample-models/`.
public final class WorkbenchApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);

    private FxTaskRunner taskRunner;

    @Override
    public void start(Stage stage) {
        long startNanos = System.nanoTime();
        taskRunner = new FxTaskRunner();
        FxDialogService dialogs = new FxDialogService(stage);
        ModelsViewModel models = new ModelsViewModel(taskRunner, dialogs);
        List<WorkbenchPage> pages = List.of(
                new WorkbenchPage("models", "Models", "Choose source encoder, target tokenizer and bridge",
                        new ModelsView(models, dialogs).root()));
        MainWindow window = new MainWindow(pages, taskRunner);
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
            models.loadSampleModels(repositoryRoot(), getParameters().getNamed().getOrDefault("language", "ko"));
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

    private static Path repositoryRoot() {
        return Path.of(System.getProperty("sembridge.repo.root", ".")).toAbsolutePath().normalize();
    }
}
