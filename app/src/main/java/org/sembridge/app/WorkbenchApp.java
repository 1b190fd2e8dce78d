package org.sembridge.app;

import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.shell.MainWindow;
import org.sembridge.app.shell.WorkbenchPage;

/// The JavaFX application: builds the shell and its pages, wires the task runner.
public final class WorkbenchApp extends Application {

    private FxTaskRunner taskRunner;

    @Override
    public void start(Stage stage) {
        taskRunner = new FxTaskRunner();
        List<WorkbenchPage> pages = List.of();
        MainWindow window = new MainWindow(pages, taskRunner);
        Scene scene = new Scene(window.root(), 1280, 800);
        window.installShortcuts(scene);
        stage.setTitle("SemBridge Workbench");
        stage.setScene(scene);
        stage.show();
    }

    @Override
    public void stop() {
        if (taskRunner != null) {
            taskRunner.close();
        }
    }
}
