package org.sembridge.app.inspector;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
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
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.SetChangeListener;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.Formats;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.transfer.baseline.Alpha;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;
import org.sembridge.engine.workflow.InspectedToken;
import org.sembridge.engine.workflow.InspectedTokenJson;
import org.sembridge.engine.workflow.OpenedRun;
import org.sembridge.engine.workflow.PrintedJson;

/// The inspector's detail pane for the selected token: its record in the current run at the
/// slider's alpha (the run's own record at the run's alpha, a live re-alignment otherwise), the
/// same token in a second run side by side, its note and its bookmark.
///
/// Re-alignments run through a [LatestRequestRunner]: slider moves while one is running collapse
/// into the latest, and only the latest result is shown. The token is the shared
/// [WorkbenchState#selectedTokenProperty()]; notes and bookmarks are the shared maps, keyed by
/// the token string, so they follow the token across runs. FX thread only.
///
/// Alpha applies only where it means something: the slider is enabled for runs whose method
/// [reads alpha][org.sembridge.engine.transfer.baseline.TransferMethod#readsAlpha()] and that
/// have bridge vectors, and not for tokens copied from the source (an OFA run or an overlap token
/// shows the run's own weights, never an entmax re-solve). Selecting another token sets the
/// slider back to the run's alpha.
public final class TokenDetailViewModel {

    /// Slider range and step (entmax alpha; 1 is softmax, 2 sparsemax).
    public static final double MIN_ALPHA = Alpha.MIN;
    public static final double MAX_ALPHA = Alpha.MAX;
    public static final double ALPHA_STEP = 0.1;

    private final WorkbenchState state;
    private final ObservableValue<OpenRun> shownRun;
    private final LatestRequestRunner<Optional<TokenDetail>> realigner;
    private final LatestRequestRunner<Optional<AlignmentRecord>> comparer;
    private final ObjectProperty<TokenDetail> detail = new SimpleObjectProperty<>(this, "detail");
    private final ObjectProperty<OpenRun> detailRun = new SimpleObjectProperty<>(this, "detailRun");
    private final DoubleProperty alpha = new SimpleDoubleProperty(this, "alpha", 4.0);
    private final BooleanProperty realignable = new SimpleBooleanProperty(this, "realignable");
    private final BooleanProperty alphaEnabled = new SimpleBooleanProperty(this, "alphaEnabled");
    private final StringProperty status = new SimpleStringProperty(this, "status", "No token selected");
    private final ObjectProperty<OpenRun> compareRun = new SimpleObjectProperty<>(this, "compareRun");
    private final FilteredList<OpenRun> comparableRuns;
    private final ObjectProperty<AlignmentRecord> compareRecord = new SimpleObjectProperty<>(this, "compareRecord");
    private final StringProperty compareStatus = new SimpleStringProperty(this, "compareStatus", "");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final BooleanProperty bookmarked = new SimpleBooleanProperty(this, "bookmarked");
    private boolean showingToken;
    /// The selected token is not in the shown run: the comparison side stays empty too.
    private boolean tokenMissing;
    private boolean switchingRun;
    private boolean changingToken;
    private String lastToken;
    private double restoredAlpha = Double.NaN;

    /// A detail pane over the token selected in `state` and the run in `shownRun`: the run whose
    /// table the inspector shows, which follows the current run once that run's figures are read,
    /// so the pane never shows one run's token under another run's title.
    public TokenDetailViewModel(WorkbenchState state, ObservableValue<OpenRun> shownRun, TaskRunner runner,
            DialogService dialogs) {
        this.state = state;
        this.shownRun = shownRun;
        this.comparableRuns = new FilteredList<>(state.runs(), run -> run != shownRun.getValue());
        this.realigner = new LatestRequestRunner<>(runner, "Re-aligning token", this::showDetail,
                error -> dialogs.showError("Could not re-align " + token(), error));
        this.comparer = new LatestRequestRunner<>(runner, "Comparing token", this::showComparison,
                error -> dialogs.showError("Could not read " + token() + " in " + compareRun.get(), error));
        state.selectedTokenProperty().addListener((obs, old, now) -> {
            resetAlphaForAnotherToken(now);
            refresh();
        });
        shownRun.addListener((obs, old, now) -> {
            // the comparison and alpha change with the run: one refresh asks for both once; the
            // old run's record leaves the pane at once
            realigner.discard();
            detail.set(null);
            detailRun.set(null);
            switchingRun = true;
            comparableRuns.setPredicate(run -> run != now);
            chooseDefaultComparison();
            resetAlpha();
            if (!Double.isNaN(restoredAlpha) && now != null) {
                alpha.set(restoredAlpha);
                restoredAlpha = Double.NaN;
            }
            switchingRun = false;
            refresh();
        });
        alpha.addListener((obs, old, now) -> {
            if (!switchingRun && !changingToken) {
                requestDetail();
            }
        });
        compareRun.addListener((obs, old, now) -> {
            if (!switchingRun) {
                requestComparison();
            }
        });
        note.addListener((obs, old, now) -> storeNote(now));
        state.runs().addListener((ListChangeListener<OpenRun>) change -> {
            if (!state.runs().contains(compareRun.get())) {
                compareRun.set(null);
            }
            chooseDefaultComparison();
        });
        state.bookmarks().addListener((SetChangeListener<String>) change -> bookmarked.set(isBookmarked()));
        chooseDefaultComparison();
        resetAlpha();
    }

    /// With no other run chosen, compares with the first other open run (the demo's OFA run
    /// beside its SemBridge run), so a baseline is side by side without a click.
    private void chooseDefaultComparison() {
        OpenRun current = shownRun.getValue();
        if (compareRun.get() == null || compareRun.get() == current) {
            compareRun.set(state.runs().stream().filter(run -> run != current).findFirst().orElse(null));
        }
    }

    /// The detail shown; `null` while no token of the current run is selected, or the selected
    /// token is not in it.
    public ReadOnlyObjectProperty<TokenDetail> detailProperty() {
        return detail;
    }

    /// The run whose record [#detailProperty()] shows; `null` with no detail.
    public ReadOnlyObjectProperty<OpenRun> detailRunProperty() {
        return detailRun;
    }

    /// The slider's alpha in `[1, 8]`; changing it re-aligns the token.
    public DoubleProperty alphaProperty() {
        return alpha;
    }

    /// Whether the current run's tokens can be re-aligned at another alpha: its method reads
    /// alpha and it has bridge vectors (false for `ofa`, `focus` and statistical baselines such
    /// as `mean`).
    public ReadOnlyBooleanProperty realignableProperty() {
        return realignable;
    }

    /// Whether the slider applies to the token shown: the run is [realignable][#realignableProperty()]
    /// and the token was built by the method, not copied from a source token.
    public ReadOnlyBooleanProperty alphaEnabledProperty() {
        return alphaEnabled;
    }

    /// One line under the chart: whose weights are shown and how long they took.
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /// The run compared side by side; `null` for none.
    public ObjectProperty<OpenRun> compareRunProperty() {
        return compareRun;
    }

    /// The open runs the token can be compared with: every open run but the current one (a run
    /// compared with itself would show the same weights twice).
    public ObservableList<OpenRun> comparableRuns() {
        return comparableRuns;
    }

    /// The token's record in [#compareRunProperty()]: the same token as the bridge reads it
    /// (matched by decoded text, so `Ġhouse` finds `▁house` in a run of another tokenizer);
    /// `null` when none is chosen or that run lacks the token.
    public ReadOnlyObjectProperty<AlignmentRecord> compareRecordProperty() {
        return compareRecord;
    }

    /// What the comparison side says: the run's label, or why there is nothing.
    public ReadOnlyStringProperty compareStatusProperty() {
        return compareStatus;
    }

    /// The selected token's note (editable; an empty note removes the entry).
    public StringProperty noteProperty() {
        return note;
    }

    /// Whether the selected token is bookmarked.
    public ReadOnlyBooleanProperty bookmarkedProperty() {
        return bookmarked;
    }

    /// The current run's alpha (the reset value; 4 when no run is open).
    public double runAlpha() {
        OpenRun run = shownRun.getValue();
        return run == null ? 4.0 : clampAlpha(run.run().manifest().alpha());
    }

    /// Sets the slider back to the run's alpha, which shows the run's own record.
    public void resetAlpha() {
        OpenRun run = shownRun.getValue();
        realignable.set(run != null && hasBridge(run) && readsAlpha(run));
        updateAlphaEnabled();
        alpha.set(runAlpha());
    }

    /// A token other than the last one shown starts at the run's alpha (issue: the slider kept the
    /// previous token's alpha and re-solved a copied token as a softmax). The first token after
    /// a restore keeps the restored alpha.
    private void resetAlphaForAnotherToken(String token) {
        if (token == null) {
            return;
        }
        if (lastToken != null && !lastToken.equals(token)) {
            changingToken = true;
            try {
                alpha.set(runAlpha());
            } finally {
                changingToken = false;
            }
        }
        lastToken = token;
    }

    private void updateAlphaEnabled() {
        TokenDetail shown = detail.get();
        alphaEnabled.set(realignable.get() && (shown == null || !shown.record().isCopy()));
    }

    private static boolean hasBridge(OpenRun run) {
        return OpenedRun.of(run.run()).canRealign();
    }

    private static boolean readsAlpha(OpenRun run) {
        return InitializerRegistry.describe(run.run().manifest().method()).readsAlpha();
    }

    /// Sets the slider to a saved `value` (clamped to the slider); when no run is open yet, keeps
    /// it for the run a session restore opens next instead of that run's own alpha.
    void restoreAlpha(double value) {
        double restored = clampAlpha(value);
        alpha.set(restored);
        restoredAlpha = shownRun.getValue() == null ? restored : Double.NaN;
    }

    /// Bookmarks the selected token, or removes its bookmark (Ctrl+B).
    public void toggleBookmark() {
        String token = token();
        if (token == null) {
            return;
        }
        if (!state.bookmarks().remove(token)) {
            state.bookmarks().add(token);
        }
    }

    /// Shows the selected token again (after a selection, a run switch or a restore).
    void refresh() {
        showingToken = true;
        String token = token();
        note.set(token == null ? "" : state.notes().getOrDefault(token, ""));
        bookmarked.set(isBookmarked());
        showingToken = false;
        requestDetail();
        requestComparison();
    }

    private void requestDetail() {
        OpenRun open = shownRun.getValue();
        String token = token();
        if (open == null || token == null) {
            realigner.discard();
            detail.set(null);
            detailRun.set(null);
            updateAlphaEnabled();
            status.set(open == null ? "No run open" : "No token selected");
            return;
        }
        tokenMissing = false;
        OpenedRun run = OpenedRun.of(open.run());
        double requested = clampAlpha(alpha.get());
        double ownAlpha = runAlpha();
        boolean stored = Math.abs(requested - ownAlpha) < ALPHA_STEP / 2 || !realignable.get();
        realigner.submit((progress, cancel) -> {
            OptionalInt found = run.run().idOf(token);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            int id = found.getAsInt();
            InspectedToken own = run.inspect(id, OptionalDouble.empty());
            if (stored || own.record().isCopy()) {
                return Optional.of(new TokenDetail(own.record(), stored ? requested : ownAlpha, false,
                        own.elapsedNanos()));
            }
            InspectedToken shown = run.inspect(id, OptionalDouble.of(requested));
            return Optional.of(new TokenDetail(shown.record(), requested, true,
                    own.elapsedNanos() + shown.elapsedNanos()));
        });
    }

    /// Shows the latest request's record; a token the run lacks (a Korean token after a switch to
    /// a Russian run) clears the pane and says so on the status line, without a dialog.
    private void showDetail(Optional<TokenDetail> found) {
        OpenRun run = shownRun.getValue();
        if (found.isEmpty()) {
            tokenMissing = true;
            detail.set(null);
            detailRun.set(null);
            comparer.discard();
            compareRecord.set(null);
            compareStatus.set("");
            updateAlphaEnabled();
            status.set(token() + " is not in " + (run == null ? "this run" : run.label())
                    + "; select one of its tokens");
            return;
        }
        TokenDetail shown = found.get();
        detail.set(shown);
        detailRun.set(run);
        updateAlphaEnabled();
        status.set(shown.realigned()
                ? String.format(Locale.ROOT, "re-aligned at α = %.1f in %s", shown.alpha(), millis(shown.elapsedNanos()))
                : "the run's weights" + storedNote(shown));
    }

    /// Why the run's own weights are shown: the alpha they were built at, or why alpha does not
    /// apply (no bridge, a method without alpha, a copied token).
    private String storedNote(TokenDetail shown) {
        OpenRun run = shownRun.getValue();
        if (run == null || !hasBridge(run)) {
            return " (no bridge: alpha does not apply)";
        }
        if (!readsAlpha(run)) {
            return " (" + run.run().manifest().method() + " does not use alpha)";
        }
        if (shown.record().isCopy()) {
            return " (copied from a source token: alpha does not apply)";
        }
        return String.format(Locale.ROOT, " (α = %.1f)", shown.alpha());
    }

    /// `12.3 ms` below a second (re-alignments are fast; whole ms would often read `0 ms`).
    private static String millis(long elapsedNanos) {
        return elapsedNanos < 1_000_000_000L ? String.format(Locale.ROOT, "%.1f ms", elapsedNanos / 1e6)
                : Formats.duration(elapsedNanos);
    }

    private void requestComparison() {
        OpenRun other = compareRun.get();
        String token = token();
        if (other == null || token == null) {
            comparer.discard();
            compareRecord.set(null);
            compareStatus.set(other == null ? "Choose a run to compare" : "");
            return;
        }
        OpenRun current = shownRun.getValue();
        comparer.submit((progress, cancel) -> current == null ? OpenedRun.of(other.run()).find(token)
                : OpenedRun.of(other.run()).sameToken(OpenedRun.of(current.run()), token));
    }

    private void showComparison(Optional<AlignmentRecord> record) {
        if (tokenMissing) {
            return;
        }
        compareRecord.set(record.orElse(null));
        String token = token();
        if (record.isEmpty()) {
            compareStatus.set(token + " is not in " + compareRun.get());
        } else if (record.get().token().equals(token)) {
            compareStatus.set(compareRun.get().label());
        } else {
            // another tokenizer spells it differently: say which of its tokens is shown
            compareStatus.set(compareRun.get().label() + " · as " + record.get().token());
        }
    }

    private void storeNote(String text) {
        String token = token();
        if (showingToken || token == null) {
            return;
        }
        if (text == null || text.isBlank()) {
            state.notes().remove(token);
        } else {
            state.notes().put(token, text);
        }
    }

    private boolean isBookmarked() {
        String token = token();
        return token != null && state.bookmarks().contains(token);
    }

    private String token() {
        return state.selectedTokenProperty().get();
    }

    /// The token shown as `sembridge inspect --json` prints it (the same codec), for "Copy as
    /// JSON"; empty while no token of the current run is shown.
    public Optional<String> detailJson() {
        OpenRun run = detailRun.get() != null ? detailRun.get() : state.currentRunProperty().get();
        TokenDetail shown = detail.get();
        if (run == null || shown == null) {
            return Optional.empty();
        }
        InspectedToken token = new InspectedToken(shown.record(), shown.alpha(), shown.realigned(),
                shown.elapsedNanos());
        return Optional.of(PrintedJson.of(InspectedTokenJson.toJson(run.run().directory(),
                run.run().manifest().method(), token)));
    }

    /// `value` rounded to the slider's step and clamped to `[1, 8]`.
    static double clampAlpha(double value) {
        double stepped = Math.round(value / ALPHA_STEP) * ALPHA_STEP;
        return Math.min(MAX_ALPHA, Math.max(MIN_ALPHA, Math.round(stepped * 10) / 10.0));
    }
}
