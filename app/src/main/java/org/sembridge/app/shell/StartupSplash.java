package org.sembridge.app.shell;

import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
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
/// or opening the demo runs). It is the scene's root while the workbench's pages are built
/// ([#root()]), then a layer over the workbench ([#layer()]) until the launch tasks are done (no
/// task for a short settle period, so the next of a chain of tasks does not let the workbench
/// flash in between), or until "Continue" is pressed.
///
/// The first frame and the layer are two node trees showing the same stage and progress: moving
/// the first scene root into the workbench's root made JavaFX re-apply its styles while it was
/// between the two, which logged a ClassCastException for a looked-up colour (issue 12, seen in
/// the screenshot tour's log).
public final class StartupSplash {

    /// How long the task list must stay empty before the splash goes: the next task of a chain
    /// (the OFA demo run after the SemBridge one) is listed a moment after the previous one ends,
    /// later on a busy machine (600 ms let the splash go between the two at load 17).
    private static final Duration SETTLE = Duration.seconds(1.5);

    private final StringProperty stage = new SimpleStringProperty("Opening the workspace…");
    private final DoubleProperty progress = new SimpleDoubleProperty(ProgressBar.INDETERMINATE_PROGRESS);
    private final StackPane root;
    private final StackPane layer;
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private Runnable onDone = () -> { };

    public StartupSplash() {
        root = splash("startupSplash");
        root.getStyleClass().add("workbench");
        root.getStylesheets().add(Objects.requireNonNull(
                StartupSplash.class.getResource("workbench.css")).toExternalForm());
        layer = splash("startupLayer");
        settle.setOnFinished(e -> finish());
    }

    private StackPane splash(String id) {
        StackPane pane = new StackPane();
        pane.setId(id);
        pane.getStyleClass().add("startup-splash");
        Label title = new Label("SemBridge Workbench");
        title.getStyleClass().add("app-title");
        Label subtitle = new Label("language transfer for sparse encoders");
        subtitle.getStyleClass().add("app-subtitle");
        Label stageLabel = new Label();
        stageLabel.setId("startupStage");
        stageLabel.getStyleClass().add("muted");
        stageLabel.setWrapText(true);
        stageLabel.textProperty().bind(stage);
        ProgressBar bar = new ProgressBar();
        bar.setId("startupProgress");
        bar.setPrefWidth(360);
        bar.progressProperty().bind(progress);
        Button skip = new Button("Continue");
        skip.setId("startupContinue");
        skip.setOnAction(e -> finish());
        VBox card = new VBox(12, title, subtitle, bar, stageLabel, skip);
        card.setId("startupCard");
        card.getStyleClass().add("card");
        card.setAlignment(Pos.CENTER);
        card.setMaxSize(460, 260);
        pane.getChildren().add(card);
        return pane;
    }

    /// The first scene's root, shown while the workbench is built.
    public Parent root() {
        return root;
    }

    /// The layer over the workbench (for [MainWindow#addLayer]) until the launch work is done.
    public Parent layer() {
        return layer;
    }

    /// Shows the first running task of `tasks` (its message and progress) and goes once none has
    /// run for the settle period, then runs `whenDone` (FX thread). Call after starting the
    /// launch tasks.
    public void followUntilIdle(FxTaskRunner tasks, Runnable whenDone) {
        onDone = whenDone;
        tasks.runningTasks().addListener((ListChangeListener<Task<?>>) change -> show(tasks));
        show(tasks);
    }

    private void show(FxTaskRunner tasks) {
        if (!layer.isVisible()) {
            return;
        }
        if (tasks.runningTasks().isEmpty()) {
            settle.playFromStart();
            return;
        }
        settle.stop();
        Task<?> task = tasks.runningTasks().getFirst();
        stage.bind(task.messageProperty());
        progress.bind(task.progressProperty());
    }

    private void finish() {
        if (layer.isVisible()) {
            settle.stop();
            layer.setVisible(false);
            layer.setManaged(false);
            stage.unbind();
            progress.unbind();
            onDone.run();
        }
    }
}
