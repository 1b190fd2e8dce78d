package org.sembridge.app.shell;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sembridge.app.common.FxTaskRunner;

/// The task tray: a panel above the status bar listing every queued or running task with its
/// stage, its progress and a cancel button of its own. Opened from the status bar's task
/// button; rebuilt whenever the runner's task list changes.
final class TaskTray extends VBox {

    private final GridPane rows = new GridPane();
    private final Label empty = new Label("No tasks running");

    TaskTray(FxTaskRunner runner) {
        setId("taskTray");
        getStyleClass().addAll("card", "task-tray");
        setSpacing(8);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setVisible(false);
        setManaged(false);
        Label title = new Label("Running tasks");
        title.getStyleClass().add("card-title");
        empty.setId("taskTrayEmpty");
        empty.getStyleClass().add("muted");
        rows.setId("taskTrayRows");
        rows.setHgap(10);
        rows.setVgap(6);
        getChildren().addAll(title, empty, rows);
        runner.runningTasks().addListener((ListChangeListener<Task<?>>) change -> show(runner));
        show(runner);
    }

    /// Shows or hides the tray.
    void setShown(boolean shown) {
        setVisible(shown);
        setManaged(shown);
    }

    private void show(FxTaskRunner runner) {
        rows.getChildren().clear();
        var tasks = runner.runningTasks();
        empty.setVisible(tasks.isEmpty());
        empty.setManaged(tasks.isEmpty());
        for (int i = 0; i < tasks.size(); i++) {
            Task<?> task = tasks.get(i);
            Label name = new Label();
            name.setId("trayTask-" + i);
            name.textProperty().bind(task.titleProperty());
            name.getStyleClass().add("card-headline");
            Label stage = new Label();
            stage.getStyleClass().add("muted");
            stage.textProperty().bind(Bindings.when(task.runningProperty())
                    .then(task.messageProperty()).otherwise("queued"));
            stage.setTooltip(new Tooltip("The task's current stage"));
            ProgressBar progress = new ProgressBar();
            progress.setPrefWidth(180);
            progress.progressProperty().bind(task.progressProperty());
            progress.setTooltip(new Tooltip("Progress of this task (indeterminate while the engine cannot tell)"));
            Button cancel = new Button("Cancel");
            cancel.setId("trayCancel-" + i);
            cancel.setTooltip(new Tooltip("Cancel this task; results it replaces stay as they were"));
            cancel.setOnAction(e -> task.cancel());
            cancel.setMinWidth(Region.USE_PREF_SIZE);
            rows.addRow(i, name, stage, progress, cancel);
            GridPane.setFillWidth(stage, true);
        }
        setAlignment(Pos.TOP_LEFT);
    }
}
