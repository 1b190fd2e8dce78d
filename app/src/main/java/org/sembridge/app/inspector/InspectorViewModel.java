package org.sembridge.app.inspector;

import com.google.gson.JsonElement;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WritableValue;
import javafx.collections.SetChangeListener;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.Formats;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.app.workspace.TokenFocus;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.run.TargetTokenKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The alignment inspector's state: the current run's [TokenFigures] (read once in the
/// background), the filter and sort that turn them into the table's rows ([RowIndexList]), the
/// selected row kept in step with [WorkbenchState#selectedTokenProperty()], the detail pane
/// ([TokenDetailViewModel]) and CSV export. Saved in sessions under `inspector`.
///
/// Sorting and filtering work on index permutations: a sort runs on an engine thread (latest
/// request wins) and its order is kept, so a filter change is one pass over the rows on the FX
/// thread (measured in [#filterNanosProperty()]; a few ms at 250,000 rows, see
/// `RowQueryScaleTest`). FX thread only.
public final class InspectorViewModel implements SessionPart {

    private static final Logger LOG = LoggerFactory.getLogger(InspectorViewModel.class);

    private final WorkbenchState state;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final TokenDetailViewModel detail;
    private final RowIndexList rows = new RowIndexList();
    private final ObjectProperty<TokenFigures> figures = new SimpleObjectProperty<>(this, "figures");
    private final ObjectProperty<OpenRun> figuresRun = new SimpleObjectProperty<>(this, "figuresRun");
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<TargetTokenKind> kindFilter = new SimpleObjectProperty<>(this, "kindFilter");
    private final BooleanProperty bookmarkedOnly = new SimpleBooleanProperty(this, "bookmarkedOnly");
    private final BooleanProperty bridgeUnknownOnly = new SimpleBooleanProperty(this, "bridgeUnknownOnly");
    private final IntegerProperty minSupport = new SimpleIntegerProperty(this, "minSupport", 0);
    private final IntegerProperty maxSupport = new SimpleIntegerProperty(this, "maxSupport", Integer.MAX_VALUE);
    private final ObjectProperty<LexiconFilter> lexiconFilter =
            new SimpleObjectProperty<>(this, "lexiconFilter", LexiconFilter.ANY);
    private final ObjectProperty<TokenSort> sort = new SimpleObjectProperty<>(this, "sort", TokenSort.BY_ID);
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(this, "selectedRow", -1);
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "No run open");
    private final LongProperty filterNanos = new SimpleLongProperty(this, "filterNanos");
    private final LatestRequestRunner<SortedRows> sorter;
    private int[] sortedRows = new int[0];
    private TokenFigures sortedFor;
    private long sortNanos;
    private final RunFiguresCache figuresCache;
    /// The last sort of each run's figures, so that switching back to a run shows it sorted at once.
    private final Map<TokenFigures, SortedRows> keptSorts = new WeakHashMap<>();

    /// @param lexiconFile the concepts TSV (`assets/lexicon/concepts.tsv`); when missing or without
    ///     the run's language the lexicon column says `n/a`
    public InspectorViewModel(WorkbenchState state, TaskRunner runner, DialogService dialogs, Path lexiconFile) {
        this(state, runner, (run, progress, cancel) -> TokenFiguresLoader.load(run.run(), lexiconFile, progress, cancel),
                dialogs);
    }

    /// An inspector whose figures come from `reader` (tests hand in synthetic figures).
    InspectorViewModel(WorkbenchState state, TaskRunner runner, RunFiguresCache.Reader reader, DialogService dialogs) {
        this.state = state;
        this.runner = runner;
        this.dialogs = dialogs;
        this.figuresCache = new RunFiguresCache(state, runner, reader, this::figuresRead, this::figuresFailed);
        this.detail = new TokenDetailViewModel(state, figuresRun, runner, dialogs);
        this.sorter = new LatestRequestRunner<>(runner, "Sorting tokens", this::showSorted,
                error -> dialogs.showError("Could not sort the tokens", error));
        ChangeListener<Object> refilter = (obs, old, now) -> applyFilter();
        filterText.addListener(refilter);
        kindFilter.addListener(refilter);
        bookmarkedOnly.addListener(refilter);
        bridgeUnknownOnly.addListener(refilter);
        minSupport.addListener(refilter);
        maxSupport.addListener(refilter);
        lexiconFilter.addListener(refilter);
        state.focusProperty().addListener(refilter);
        state.bookmarks().addListener((SetChangeListener<String>) change -> {
            if (bookmarkedOnly.get()) {
                applyFilter();
            }
        });
        sort.addListener((obs, old, now) -> applySort());
        state.selectedTokenProperty().addListener((obs, old, now) -> selectedRow.set(rowOf(now)));
        state.currentRunProperty().addListener((obs, old, now) -> loadRun(now));
        loadRun(state.currentRunProperty().get());
    }

    @Override
    public String key() {
        return InspectorSessionState.KEY;
    }

    /// The detail pane of the selected token.
    public TokenDetailViewModel detail() {
        return detail;
    }

    /// The table's items: row indices into [#figuresProperty()], filtered and sorted.
    public RowIndexList rows() {
        return rows;
    }

    /// The figures shown; `null` before the first run is read.
    public ReadOnlyObjectProperty<TokenFigures> figuresProperty() {
        return figures;
    }

    /// The run whose figures are shown (after a cancelled load, the previous one).
    public ReadOnlyObjectProperty<OpenRun> figuresRunProperty() {
        return figuresRun;
    }

    /// Substring of the token, case-insensitive; empty for any.
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /// The kind kept; `null` for any.
    public ObjectProperty<TargetTokenKind> kindFilterProperty() {
        return kindFilter;
    }

    /// Keep bookmarked tokens only.
    public BooleanProperty bookmarkedOnlyProperty() {
        return bookmarkedOnly;
    }

    /// Keep only rows whose bridge text embeds like the bridge's unknown token.
    public BooleanProperty bridgeUnknownOnlyProperty() {
        return bridgeUnknownOnly;
    }

    /// Smallest support kept (0 for any).
    public IntegerProperty minSupportProperty() {
        return minSupport;
    }

    /// Largest support kept ([Integer#MAX_VALUE] for any).
    public IntegerProperty maxSupportProperty() {
        return maxSupport;
    }

    /// The lexicon outcomes kept.
    public ObjectProperty<LexiconFilter> lexiconFilterProperty() {
        return lexiconFilter;
    }

    /// The sort of the rows.
    public ObjectProperty<TokenSort> sortProperty() {
        return sort;
    }

    /// The selected row (a target id), -1 for none; follows the shared selected token.
    public ReadOnlyIntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    /// Whether the figures are being read.
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /// One line over the table: rows shown of all, and how long the last sort + filter took.
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /// Time of the last filter pass on the FX thread, in ns (computing the rows, without the
    /// table's update).
    public ReadOnlyLongProperty filterNanosProperty() {
        return filterNanos;
    }

    /// The current filter as a value.
    public TokenFilter filter() {
        return new TokenFilter(filterText.get(), kindFilter.get(), bookmarkedOnly.get(), Math.max(0, minSupport.get()),
                maxSupport.get(), lexiconFilter.get(), bridgeUnknownOnly.get());
    }

    /// Shows the figures of `run`: at once when they were read before (open runs stay loaded, see
    /// [RunFiguresCache]), else after reading them in the background (a read-ahead of another run
    /// waits). `null` empties the table. A cancelled or failed read keeps the figures shown before.
    public void loadRun(OpenRun run) {
        if (run == null) {
            loading.set(false);
            show(null, null);
            return;
        }
        Optional<TokenFigures> kept = figuresCache.get(run);
        if (kept.isPresent()) {
            loading.set(false);
            show(kept.get(), run);
            return;
        }
        loading.set(true);
        summary.set("Reading the token figures of " + run.label() + "…");
        figuresCache.request(run);
    }

    private void figuresRead(OpenRun run, TokenFigures read) {
        if (run == state.currentRunProperty().get() && figuresRun.get() != run) {
            loading.set(false);
            show(read, run);
        }
    }

    private void figuresFailed(OpenRun run, Throwable error) {
        if (run != state.currentRunProperty().get()) {
            return;
        }
        loading.set(false);
        if (error instanceof OperationCancelledException) {
            summary.set("Reading cancelled; " + describeRows());
        } else {
            summary.set("Could not read " + run.label());
            dialogs.showError("Could not read the token figures of " + run.label(), error);
        }
    }

    /// Cancels reading the current run's figures, if running; that run is then read only when
    /// asked for again.
    public void cancelLoad() {
        if (loading.get()) {
            figuresCache.cancel();
        }
    }

    /// Shows `shown` (of `run`, `null` for figures without a run, as in scale tests) with the
    /// current filter and sort.
    void show(TokenFigures shown, OpenRun run) {
        figures.set(shown);
        figuresRun.set(run);
        applySort();
        selectedRow.set(rowOf(state.selectedTokenProperty().get()));
        if (run != null && state.selectedTokenProperty().get() == null) {
            select(exampleRow(shown));
        }
    }

    /// The row a fresh page shows in detail when nothing is selected: the first lexicon word
    /// whose heaviest source is a gold translation (Korean `집` -> `house`), else the first built
    /// token, else the first row.
    private static int exampleRow(TokenFigures shown) {
        int firstBuilt = -1;
        for (int row = 0; row < shown.size(); row++) {
            if (shown.lexicon(row) == LexiconOutcome.HIT_AT_1 && shown.support(row) > 1) {
                return row;
            }
            if (firstBuilt < 0 && shown.kind(row) == TargetTokenKind.NEW && shown.support(row) > 1) {
                firstBuilt = row;
            }
        }
        return firstBuilt >= 0 ? firstBuilt : shown.size() > 0 ? 0 : -1;
    }

    /// Sorts by `column` in the given direction (the table's header click).
    public void sortBy(TokenColumn column, boolean ascending) {
        sort.set(new TokenSort(column, ascending));
    }

    /// Selects the token of `row` everywhere (the shared selection); -1 clears it.
    public void select(int row) {
        TokenFigures shown = figures.get();
        state.selectedTokenProperty().set(shown == null || row < 0 ? null : shown.token(row));
    }

    /// Removes the focused token group (the chip's ×).
    public void clearFocus() {
        state.focusProperty().set(null);
    }

    /// Asks for a file and exports `selected` rows to CSV, or every filtered row when `selected`
    /// is empty (Ctrl+E), in the background.
    public void exportRows(int[] selected) {
        OpenRun run = figuresRun.get();
        TokenFigures shown = figures.get();
        if (run == null || shown == null) {
            return;
        }
        int[] exported = selected.length > 0 ? selected.clone() : rows.toRowArray();
        String name = run.run().directory().getFileName() + "-tokens.csv";
        dialogs.chooseSaveFile("Export " + Formats.tokens(exported.length) + " as CSV", state.workspace().root(),
                name).ifPresent(file -> runner.run("Exporting " + Formats.tokens(exported.length),
                (progress, cancel) -> {
                    TokenCsvExport.write(run.run(), shown, exported, file, progress, cancel);
                    return file;
                },
                written -> {
                    LOG.info("Exported {} tokens of {} to {}", exported.length, run.label(), written);
                    summary.set(describeRows() + " · exported " + Formats.count(exported.length) + " to "
                            + written.getFileName());
                },
                error -> {
                    if (!(error instanceof OperationCancelledException)) {
                        dialogs.showError("Could not export the tokens to " + file, error);
                    }
                }));
    }

    /// Sorts in the background (cold code takes 100+ ms at 250,000 rows), then filters on the
    /// FX thread; header clicks while a sort runs collapse into the latest.
    private void applySort() {
        TokenFigures shown = figures.get();
        if (shown == null) {
            sorter.discard();
            sortedFor = null;
            sortedRows = new int[0];
            applyFilter();
            return;
        }
        TokenSort requested = sort.get();
        SortedRows kept = keptSorts.get(shown);
        if (kept != null && kept.sort().equals(requested) && !requested.equals(TokenSort.BY_ID)) {
            // this run was shown in this order before: no re-sort on a switch back
            sorter.discard();
            sortedFor = shown;
            sortedRows = kept.rows();
            sortNanos = kept.elapsedNanos();
            applyFilter();
            return;
        }
        if (sortedFor != shown || requested.equals(TokenSort.BY_ID)) {
            // id order is immediate; new figures show in id order until their sort lands
            sorter.discard();
            sortedFor = shown;
            sortedRows = RowSorter.sort(shown, TokenSort.BY_ID);
            sortNanos = 0;
            applyFilter();
            if (requested.equals(TokenSort.BY_ID)) {
                return;
            }
        }
        sorter.submit((progress, cancel) -> {
            long startNanos = System.nanoTime();
            return new SortedRows(shown, requested, RowSorter.sort(shown, requested), System.nanoTime() - startNanos);
        });
    }

    private void showSorted(SortedRows sorted) {
        if (sorted.figures() != figures.get()) {
            return;
        }
        sortedFor = sorted.figures();
        sortedRows = sorted.rows();
        sortNanos = sorted.elapsedNanos();
        keptSorts.put(sorted.figures(), sorted);
        applyFilter();
    }

    private void applyFilter() {
        TokenFigures shown = figures.get();
        if (shown == null) {
            rows.setRows(new int[0]);
            filterNanos.set(0);
            summary.set(state.currentRunProperty().get() == null ? "No run open" : summary.get());
            return;
        }
        TokenFocus focus = state.focusProperty().get();
        Set<String> focusTokens = focus == null ? null : new HashSet<>(focus.tokens());
        long startNanos = System.nanoTime();
        int[] kept = filter().apply(shown, sortedRows, state.bookmarks(), focusTokens);
        filterNanos.set(System.nanoTime() - startNanos);
        rows.setRows(kept);
        LOG.debug("Inspector query: {} of {} rows, sort {} us, filter {} us, table update {} us", kept.length,
                shown.size(), sortNanos / 1000, filterNanos.get() / 1000,
                (System.nanoTime() - startNanos - filterNanos.get()) / 1000);
        summary.set(describeRows());
    }

    private String describeRows() {
        TokenFigures shown = figures.get();
        if (shown == null) {
            return "no tokens";
        }
        return String.format(Locale.ROOT, "%s of %s tokens · sorted in %s, filtered in %s", Formats.count(rows.size()),
                Formats.count(shown.size()), Formats.duration(sortNanos), Formats.duration(filterNanos.get()));
    }

    private int rowOf(String token) {
        TokenFigures shown = figures.get();
        return shown == null || token == null ? -1 : shown.rowOf(token);
    }

    /// A sort's result: the order of `figures`' rows by `sort` and how long it took.
    private record SortedRows(TokenFigures figures, TokenSort sort, int[] rows, long elapsedNanos) {
    }

    @Override
    public JsonElement save() {
        return new InspectorSessionState(new InspectorSessionState.Filter(filterText.get(), kindFilter.get(),
                bookmarkedOnly.get(), bridgeUnknownOnly.get(), minSupport.get(), maxSupport.get(), lexiconFilter.get()),
                sort.get(), state.selectedTokenProperty().get(), detail.alphaProperty().get()).toJson();
    }

    @Override
    public void restore(JsonElement saved) {
        InspectorSessionState session = InspectorSessionState.fromJson(saved);
        InspectorSessionState.Filter filter = session.filter();
        if (filter != null) {
            setIfSaved(filter.text(), filterText);
            kindFilter.set(filter.kind());
            setIfSaved(filter.bookmarkedOnly(), bookmarkedOnly);
            setIfSaved(filter.bridgeUnknownOnly(), bridgeUnknownOnly);
            setIfSaved(filter.minSupport(), minSupport);
            setIfSaved(filter.maxSupport(), maxSupport);
            setIfSaved(filter.lexicon(), lexiconFilter);
        }
        if (session.sort() != null) {
            sortBy(session.sort().column(), session.sort().ascending());
        }
        setIfSaved(session.selectedToken(), state.selectedTokenProperty());
        if (session.alpha() != null) {
            detail.restoreAlpha(session.alpha());
        }
    }

    private static <T> void setIfSaved(T value, WritableValue<? super T> property) {
        if (value != null) {
            property.setValue(value);
        }
    }
}
