package org.sembridge.app.runs;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/// The run in progress: title, stage, a progress bar, done of total with units, elapsed time and
/// the stage's time left, Cancel, and the log. A timeline ticks the clock twice a second while a
/// run is active, so the elapsed time moves during stages that report nothing.
final class RunProgressPane {

    private static final Duration TICK = Duration.millis(500);

    private final VBox root = new VBox(8);

    RunProgressPane(RunsViewModel viewModel) {
        RunProgress progress = viewModel.progress();
        root.setId("runProgressPane");
        root.getStyleClass().addAll("card", "run-progress");
        Label title = new Label();
        title.setId("runTitle");
        title.getStyleClass().add("card-title");
        title.textProperty().bind(progress.titleProperty());
        Label stage = new Label();
        stage.setId("runStage");
        stage.getStyleClass().add("card-headline");
        stage.textProperty().bind(progress.stageProperty());
        ProgressBar bar = new ProgressBar(0);
        bar.setId("runProgressBar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(progress.fractionProperty());
        bar.setTooltip(new Tooltip("Progress of the current stage (moving while its size is unknown)"));
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelRun");
        cancel.setTooltip(new Tooltip("Stop the run at its next block; nothing is written (Esc)"));
        cancel.disableProperty().bind(progress.activeProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());
        HBox barRow = new HBox(10, bar, cancel);
        barRow.setAlignment(Pos.CENTER_LEFT);
        Label count = label("runCount", "Units done of the stage's total");
        count.textProperty().bind(progress.countProperty());
        Label elapsed = label("runElapsed", "Time since the run started");
        elapsed.textProperty().bind(progress.elapsedProperty());
        Label remaining = label("runRemaining", "Estimated from this stage's rate so far: (total - done) × time / done");
        remaining.textProperty().bind(progress.remainingProperty());
        HBox figures = new HBox(18, count, elapsed, remaining);
        ListView<String> log = new ListView<>(progress.log());
        log.setId("runLog");
        log.getStyleClass().add("run-log");
        log.setTooltip(new Tooltip("One line per stage with its measured seconds, then the counts; errors with "
                + "the engine's message"));
        log.setPrefHeight(220);
        VBox.setVgrow(log, Priority.ALWAYS);
        progress.log().addListener((ListChangeListener<String>) change -> {
            if (!progress.log().isEmpty()) {
                log.scrollTo(progress.log().size() - 1);
            }
        });
        Timeline clock = new Timeline(new KeyFrame(TICK, e -> progress.tick()));
        clock.setCycleCount(Animation.INDEFINITE);
        progress.activeProperty().subscribe(active -> {
            if (active) {
                clock.play();
            } else {
                clock.stop();
            }
        });
        root.getChildren().addAll(title, stage, barRow, figures, log);
    }

    Region root() {
        return root;
    }

    private static Label label(String id, String tooltip) {
        Label label = new Label();
        label.setId(id);
        label.setTooltip(new Tooltip(tooltip));
        return label;
    }
}
