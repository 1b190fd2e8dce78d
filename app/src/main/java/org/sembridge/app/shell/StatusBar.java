package org.sembridge.app.shell;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.sembridge.app.common.FxTaskRunner;

/// The bottom bar: a status message on the left; on the right the newest running task with its
/// stage, a progress bar and a cancel button (Esc), a count of the other tasks, and the button
/// of the [TaskTray] that lists them all.
final class StatusBar extends HBox {

    private final Label message = new Label("Ready");
    private final Label taskLabel = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final Label queued = new Label();
    private final ToggleButton tray = new ToggleButton("Tasks");

    StatusBar(FxTaskRunner runner) {
        setId("statusBar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(4, 10, 4, 10));
        message.setId("statusMessage");
        message.setTooltip(new Tooltip("What the workbench did last"));
        taskLabel.setId("taskLabel");
        taskLabel.setTooltip(new Tooltip("The newest running task and its stage"));
        progress.setId("taskProgress");
        progress.setTooltip(new Tooltip("Progress of the newest running task"));
        queued.setId("queuedTasks");
        queued.setTooltip(new Tooltip("More tasks are running or queued: open the task tray to see them"));
        tray.setId("taskTrayToggle");
        tray.setTooltip(new Tooltip("Every running task with its progress and a cancel button (Ctrl+Shift+T)"));
        progress.setPrefWidth(220);
        cancel.setId("cancelTask");
        cancel.setTooltip(new Tooltip("Cancel the running task (Esc)"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(message, spacer, taskLabel, progress, cancel, queued, tray);
        // Hidden task controls give their room back; the message and the tray never shrink to "…".
        for (Node node : new Node[] {taskLabel, progress, cancel}) {
            node.managedProperty().bind(node.visibleProperty());
        }
        message.setMinWidth(Region.USE_PREF_SIZE);
        // the task's text gives way first; the cancel button never shrinks to "C…"
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        taskLabel.setMinWidth(0);
        progress.setMinWidth(60);
        tray.setMinWidth(Region.USE_PREF_SIZE);
        showTask(null);
        runner.runningTasks().addListener((ListChangeListener<Task<?>>) change -> {
            var tasks = runner.runningTasks();
            showTask(tasks.isEmpty() ? null : tasks.getLast());
            queued.setText(tasks.size() > 1 ? "+" + (tasks.size() - 1) + " more" : "");
            tray.setText(tasks.isEmpty() ? "Tasks" : "Tasks (" + tasks.size() + ")");
        });
    }

    /// The button that opens the task tray.
    ToggleButton trayToggle() {
        return tray;
    }

    void setMessage(String text) {
        message.setText(text);
    }

    /// Cancels the task shown, if any (bound to Esc by the main window).
    void cancelShownTask() {
        if (cancel.isVisible()) {
            cancel.fire();
        }
    }

    /// The task line: the title, then the stage when there is one that is not the title.
    static String taskText(String title, String stage) {
        return stage == null || stage.isBlank() || stage.equals(title) ? title : title + ": " + stage;
    }

    private void showTask(Task<?> task) {
        boolean visible = task != null;
        taskLabel.setVisible(visible);
        progress.setVisible(visible);
        cancel.setVisible(visible);
        if (!visible) {
            taskLabel.textProperty().unbind();
            progress.progressProperty().unbind();
            return;
        }
        // The runner starts each task's message at its title: show the title alone until a stage
        // differs ("Re-aligning token", not "Re-aligning token: Re-aligning token").
        taskLabel.textProperty().bind(Bindings.createStringBinding(() -> taskText(task.getTitle(), task.getMessage()),
                task.titleProperty(), task.messageProperty()));
        progress.progressProperty().bind(task.progressProperty());
        cancel.setOnAction(e -> task.cancel());
    }
}
