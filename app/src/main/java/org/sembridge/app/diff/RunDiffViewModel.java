package org.sembridge.app.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.Formats;
import org.sembridge.app.common.Navigator;
import org.sembridge.app.common.TaskHandle;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.workflow.OpenedRun;
import org.sembridge.engine.workflow.RunDiff;
import org.sembridge.engine.workflow.RunDifference;
import org.sembridge.engine.workflow.RunDifferenceCsv;
import org.sembridge.engine.workflow.TokenDifference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The run diff's state: the two runs (A and B), the engine's [RunDifference] of them, the
/// filter that turns it into the table's rows, and the commands: compare, cancel, export the
/// rows as CSV, show a row's token in the inspector with A and B side by side. FX thread only;
/// engine work goes through the [TaskRunner].
///
/// Choosing runs starts nothing: [#compare()] does (the page's Compare button, Ctrl+Enter). A
/// result whose runs were changed or closed before it arrived is dropped.
public final class RunDiffViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(RunDiffViewModel.class);

    private final WorkbenchState state;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Navigator navigator;
    private final Consumer<OpenRun> compareInInspector;
    private final ObjectProperty<OpenRun> runA = new SimpleObjectProperty<>(this, "runA");
    private final ObjectProperty<OpenRun> runB = new SimpleObjectProperty<>(this, "runB");
    private final ObjectProperty<RunDifference> result = new SimpleObjectProperty<>(this, "result");
    private final ObservableList<TokenDifference> rows = FXCollections.observableArrayList();
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final BooleanProperty topSourceChangedOnly = new SimpleBooleanProperty(this, "topSourceChangedOnly");
    private final DoubleProperty minDivergence = new SimpleDoubleProperty(this, "minDivergence", 0.0);
    private final BooleanProperty computing = new SimpleBooleanProperty(this, "computing");
    private final BooleanProperty comparable = new SimpleBooleanProperty(this, "comparable");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private TaskHandle task;
    private long generation;

    /// @param compareInInspector sets the run the inspector shows beside the current one (the
    ///     detail pane's compared run)
    public RunDiffViewModel(WorkbenchState state, TaskRunner runner, DialogService dialogs, Navigator navigator,
            Consumer<OpenRun> compareInInspector) {
        this.state = state;
        this.runner = runner;
        this.dialogs = dialogs;
        this.navigator = navigator;
        this.compareInInspector = compareInInspector;
        ChangeListener<OpenRun> runChanged = (obs, old, now) -> runsChanged();
        runA.addListener(runChanged);
        runB.addListener(runChanged);
        ChangeListener<Object> refilter = (obs, old, now) -> applyFilter();
        filterText.addListener(refilter);
        topSourceChangedOnly.addListener(refilter);
        minDivergence.addListener(refilter);
        state.runs().addListener((ListChangeListener<OpenRun>) change -> chooseDefaults());
        chooseDefaults();
        runsChanged();
    }

    /// The first run (support changes read A to B); `null` while none is chosen.
    public ObjectProperty<OpenRun> runAProperty() {
        return runA;
    }

    /// The second run.
    public ObjectProperty<OpenRun> runBProperty() {
        return runB;
    }

    /// The open runs to choose from.
    public ObservableList<OpenRun> runs() {
        return state.runs();
    }

    /// The last diff of the chosen runs; `null` before one or after the runs changed.
    public ReadOnlyObjectProperty<RunDifference> resultProperty() {
        return result;
    }

    /// The runner its work goes through (the view ranks the table's columns on it).
    public TaskRunner tasks() {
        return runner;
    }

    /// The table's rows: the result's tokens the filter keeps, in rank order.
    public ObservableList<TokenDifference> rows() {
        return rows;
    }

    /// Keep tokens whose text or a top source contains this, case-insensitive.
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /// Keep only tokens whose heaviest source changed.
    public BooleanProperty topSourceChangedOnlyProperty() {
        return topSourceChangedOnly;
    }

    /// Keep only tokens with at least this divergence, in bits (`[0, 1]`; 0 keeps all).
    public DoubleProperty minDivergenceProperty() {
        return minDivergence;
    }

    /// Whether a diff is running.
    public ReadOnlyBooleanProperty computingProperty() {
        return computing;
    }

    /// Whether the chosen runs can be compared: two different runs of one target tokenizer.
    public ReadOnlyBooleanProperty comparableProperty() {
        return comparable;
    }

    /// One line over the table: why the runs cannot be compared, the progress, or the counts.
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /// The current filter as a value.
    public DiffFilter filter() {
        return new DiffFilter(filterText.get(), topSourceChangedOnly.get(), Math.max(0.0, minDivergence.get()));
    }

    /// Diffs the chosen runs in the background (a diff already running is cancelled first).
    public void compare() {
        OpenRun a = runA.get();
        OpenRun b = runB.get();
        if (!comparable.get()) {
            return;
        }
        cancel();
        long requested = ++generation;
        computing.set(true);
        summary.set("Comparing " + Formats.tokens(a.run().targetSize()) + " of " + a.label() + " and " + b.label()
                + "…");
        task = runner.run("Comparing " + a.label() + " with " + b.label(),
                (progress, cancel) -> RunDiff.compare(OpenedRun.of(a.run()), OpenedRun.of(b.run()), progress, cancel),
                difference -> {
                    if (requested != generation) {
                        return;
                    }
                    computing.set(false);
                    LOG.info("Diffed {} and {}: {} tokens in {} ms", a.label(), b.label(), difference.targetTokens(),
                            difference.elapsedNanos() / 1_000_000);
                    result.set(difference);
                    applyFilter();
                },
                error -> {
                    if (requested != generation) {
                        return;
                    }
                    computing.set(false);
                    if (error instanceof OperationCancelledException) {
                        summary.set("Comparison cancelled");
                    } else {
                        summary.set("Could not compare " + a.label() + " and " + b.label());
                        dialogs.showError("Could not compare " + a.label() + " and " + b.label(), error);
                    }
                });
    }

    /// Cancels a running diff.
    public void cancel() {
        if (task != null && computing.get()) {
            task.cancel();
        }
        task = null;
    }

    /// Asks for a file and writes the rows shown (filtered, in rank order) as CSV, in the
    /// background; the file is written whole or not at all.
    public void exportCsv() {
        RunDifference shown = result.get();
        if (shown == null) {
            return;
        }
        List<TokenDifference> exported = new ArrayList<>(rows);
        String name = shown.runA().folder().getFileName() + "-vs-" + shown.runB().folder().getFileName() + "-diff.csv";
        dialogs.chooseSaveFile("Export " + Formats.tokens(exported.size()) + " of the diff as CSV",
                state.workspace().root(), name).ifPresent(file -> runner.run("Exporting the diff",
                (progress, cancel) -> {
                    RunDifferenceCsv.write(exported, file, progress, cancel);
                    return file;
                },
                written -> summary.set(describe(shown) + " · exported " + Formats.tokens(exported.size()) + " to "
                        + written.getFileName()),
                error -> {
                    if (!(error instanceof OperationCancelledException)) {
                        dialogs.showError("Could not export the diff to " + file, error);
                    }
                }));
    }

    /// Shows `row`'s token in the inspector: run A current, run B compared beside it.
    public void showInInspector(TokenDifference row) {
        RunDifference shown = result.get();
        OpenRun a = runA.get();
        OpenRun b = runB.get();
        if (row == null || shown == null || a == null || b == null) {
            return;
        }
        state.currentRunProperty().set(a);
        compareInInspector.accept(b);
        state.selectedTokenProperty().set(row.token());
        navigator.showPage("inspector");
    }

    /// With nothing chosen, A is the current run and B the first other open run of its target
    /// tokenizer; a closed run is dropped from the choice.
    private void chooseDefaults() {
        if (runA.get() != null && !state.runs().contains(runA.get())) {
            runA.set(null);
        }
        if (runB.get() != null && !state.runs().contains(runB.get())) {
            runB.set(null);
        }
        if (runA.get() == null) {
            OpenRun current = state.currentRunProperty().get();
            runA.set(current != null ? current : state.runs().isEmpty() ? null : state.runs().getFirst());
        }
        if (runB.get() == null && runA.get() != null) {
            OpenRun a = runA.get();
            runB.set(state.runs().stream().filter(run -> run != a && sameTokenizer(a, run)).findFirst().orElse(null));
        }
    }

    private void runsChanged() {
        generation++;
        cancel();
        computing.set(false);
        result.set(null);
        rows.clear();
        OpenRun a = runA.get();
        OpenRun b = runB.get();
        boolean ready = a != null && b != null && a != b && sameTokenizer(a, b);
        comparable.set(ready);
        if (a == null || b == null) {
            summary.set(state.runs().size() < 2 ? "Open two runs of one target tokenizer to compare them"
                    : "Choose two runs");
        } else if (a == b) {
            summary.set("Choose two different runs");
        } else if (!ready) {
            summary.set(a.label() + " and " + b.label() + " were made with different target tokenizers: a diff"
                    + " compares the same target tokens built two ways");
        } else {
            summary.set("Press Compare (Ctrl+Enter) to rank the " + Formats.tokens(a.run().targetSize())
                    + " by how differently the two runs built them");
        }
    }

    private static boolean sameTokenizer(OpenRun a, OpenRun b) {
        return RunDiff.sameTargetTokenizer(OpenedRun.of(a.run()), OpenedRun.of(b.run()));
    }

    private void applyFilter() {
        RunDifference shown = result.get();
        if (shown == null) {
            rows.clear();
            return;
        }
        DiffFilter filter = filter();
        List<TokenDifference> kept = new ArrayList<>();
        for (TokenDifference row : shown.tokens()) {
            if (filter.keeps(row)) {
                kept.add(row);
            }
        }
        rows.setAll(kept);
        summary.set(describe(shown) + (kept.size() == shown.targetTokens() ? ""
                : " · " + Formats.count(kept.size()) + " shown"));
    }

    private static String describe(RunDifference difference) {
        return String.format(Locale.ROOT, "%s: %s built differently, %s with another top source, %s not comparable"
                        + " · %s", Formats.tokens(difference.targetTokens()), Formats.count(difference.differing()),
                Formats.count(difference.topSourceChanges()), Formats.count(difference.notComparable()),
                Formats.duration(difference.elapsedNanos()));
    }
}
