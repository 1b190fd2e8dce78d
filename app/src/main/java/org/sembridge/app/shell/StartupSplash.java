package org.sembridge.app.shell;

import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.sembridge.app.common.FxTaskRunner;

/// What the first window shows instead of a black frame: the title, a progress bar and the
/// stage of the work started at launch (opening the workspace, loading the sample models, making
/// or opening the demo runs). It is the scene's root while the workbench's pages are built, then
/// lies over the workbench until the launch tasks are done (no task for a short settle period,
/// so the next of a chain of tasks does not let the workbench flash in between), or until
/// "Continue" is pressed.
public final class StartupSplash {

    /// How long the task list must stay empty before the splash goes: the next task of a chain
    /// (the OFA demo run after the SemBridge one) is listed a moment after the previous one ends,
    /// later on a busy machine (600 ms let the splash go between the two at load 17).
    private static final Duration SETTLE = Duration.seconds(1.5);

    private final StackPane root = new StackPane();
    private final Label stage = new Label("Opening the workspace…");
    private final ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private Runnable onDone = () -> { };

    public StartupSplash() {
        root.setId("startupSplash");
        root.getStyleClass().addAll("workbench", "startup-splash");
        root.getStylesheets().add(Objects.requireNonNull(
                StartupSplash.class.getResource("workbench.css")).toExternalForm());
        Label title = new Label("SemBridge Workbench");
        title.getStyleClass().add("app-title");
        Label subtitle = new Label("language transfer for sparse encoders");
        subtitle.getStyleClass().add("app-subtitle");
        stage.setId("startupStage");
        stage.getStyleClass().add("muted");
        stage.setWrapText(true);
        progress.setId("startupProgress");
        progress.setPrefWidth(360);
        Button skip = new Button("Continue");
        skip.setId("startupContinue");
        skip.setOnAction(e -> finish());
        VBox card = new VBox(12, title, subtitle, progress, stage, skip);
        card.setId("startupCard");
        card.getStyleClass().add("card");
        card.setAlignment(Pos.CENTER);
        card.setMaxSize(460, 260);
        root.getChildren().add(card);
        settle.setOnFinished(e -> finish());
    }

    /// The splash's node: the first scene root, later the top layer of the window.
    public Parent root() {
        return root;
    }

    /// Shows the first running task of `tasks` (its message and progress) and goes once none has
    /// run for the settle period, then runs `whenDone` (FX thread). Call after starting the
    /// launch tasks.
    public void followUntilIdle(FxTaskRunner tasks, Runnable whenDone) {
        onDone = whenDone;
        root.getStyleClass().remove("workbench");
        tasks.runningTasks().addListener((ListChangeListener<Task<?>>) change -> show(tasks));
        show(tasks);
    }

    private void show(FxTaskRunner tasks) {
        if (!root.isVisible()) {
            return;
        }
        if (tasks.runningTasks().isEmpty()) {
            settle.playFromStart();
            return;
        }
        settle.stop();
        Task<?> task = tasks.runningTasks().getFirst();
        stage.textProperty().bind(task.messageProperty());
        progress.progressProperty().bind(task.progressProperty());
    }

    private void finish() {
        if (root.isVisible()) {
            settle.stop();
            root.setVisible(false);
            root.setManaged(false);
            stage.textProperty().unbind();
            progress.progressProperty().unbind();
            onDone.run();
        }
    }
}
