package org.sembridge.app.search;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.Formats;
import org.sembridge.app.common.TaskHandle;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.index.Bm25Language;
import org.sembridge.engine.index.IndexBuildReport;
import org.sembridge.engine.workflow.IndexBuildJob;
import org.sembridge.engine.workflow.IndexBuilding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The index part of the [SearchViewModel]: lists the workspace's indexes, opens one (with the
/// model that built it) and builds one from a corpus with the current run's adapted model.
///
/// Holds the single [OpenIndex] the query and evaluation parts work on. Replacing it closes the
/// previous one in the background and calls the `replaced` callback given at construction, so
/// the other parts drop results that belonged to the old index. Toolkit-free; engine work goes
/// through the [TaskRunner].
final class IndexViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(IndexViewModel.class);

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final WorkbenchState state;
    private final Runnable replaced;

    private final ObservableList<IndexEntry> indexes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<IndexEntry> openedIndex = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper indexStatus = new ReadOnlyStringWrapper("No index open");
    private final StringProperty corpusPath = new SimpleStringProperty("");
    private final StringProperty language = new SimpleStringProperty(Bm25Language.KO.code());
    private final ReadOnlyBooleanWrapper building = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper buildStatus = new ReadOnlyStringWrapper("");
    private final BooleanBinding canBuild;

    private OpenIndex open;
    private boolean opening;
    private TaskHandle buildTask;

    /// @param replaced runs on the UI thread each time an opened index replaces the open one,
    ///     after [#openedIndexProperty()] and [#indexStatusProperty()] changed
    IndexViewModel(TaskRunner tasks, DialogService dialogs, WorkbenchState state, Runnable replaced) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.state = state;
        this.replaced = replaced;
        this.canBuild = Bindings.createBooleanBinding(
                () -> state.currentRunProperty().get() != null && !building.get(),
                state.currentRunProperty(), building);
    }

    /// The indexes of the workspace, newest first ([#refreshIndexes()]).
    ObservableList<IndexEntry> indexes() {
        return indexes;
    }

    /// The open index; `null` while none is open.
    ReadOnlyObjectProperty<IndexEntry> openedIndexProperty() {
        return openedIndex.getReadOnlyProperty();
    }

    /// One line on the open index (or why none is open).
    ReadOnlyStringProperty indexStatusProperty() {
        return indexStatus.getReadOnlyProperty();
    }

    /// The corpus file a build reads.
    StringProperty corpusPathProperty() {
        return corpusPath;
    }

    /// The language code of the BM25 field a build adds.
    StringProperty languageProperty() {
        return language;
    }

    /// Whether an index build is running.
    ReadOnlyBooleanProperty buildingProperty() {
        return building.getReadOnlyProperty();
    }

    /// The last build's outcome (documents, seconds, documents/s) or state.
    ReadOnlyStringProperty buildStatusProperty() {
        return buildStatus.getReadOnlyProperty();
    }

    /// Says in the build status why nothing was built by itself (the user builds with Build).
    void explainNoAutomaticBuild(String reason) {
        buildStatus.set(reason);
    }

    /// Whether a build can start: a run is current (its model encodes) and none is running.
    BooleanBinding canBuildBinding() {
        return canBuild;
    }

    /// The open index the other parts search and evaluate; `null` while none is open.
    OpenIndex open() {
        return open;
    }

    /// Whether an index is being opened or built, so one will be open soon.
    boolean preparing() {
        return opening || building.get();
    }

    /// The workspace folder a build of `corpus` with `run`'s model writes (`indexes/<run>-<corpus>`).
    Path folderFor(OpenRun run, Path corpus) {
        return state.workspace().indexes().resolve(IndexFolderName.of(run.run().directory(), corpus));
    }

    /// Re-reads the workspace's index folders in the background.
    void refreshIndexes() {
        Path folder = state.workspace().indexes();
        tasks.run("Listing indexes", (progress, cancel) -> IndexCatalog.list(folder), indexes::setAll,
                error -> dialogs.showError("Could not list the indexes in " + folder, error));
    }

    /// Opens the index in `folder` and loads the model that built it; then runs `then` (not on failure).
    void openIndex(Path folder, Runnable then) {
        Path absolute = folder.toAbsolutePath().normalize();
        opening = true;
        indexStatus.set("Opening " + absolute.getFileName() + "…");
        tasks.run("Opening index " + absolute.getFileName(),
                (progress, cancel) -> OpenIndex.open(absolute, DeviceChoice.AUTO),
                opened -> {
                    opening = false;
                    replaceOpenIndex(opened);
                    then.run();
                },
                error -> {
                    opening = false;
                    indexStatus.set(open == null ? "No index open" : describe(open.entry()));
                    dialogs.showError("Could not open the index " + absolute, error);
                });
    }

    /// Builds an index from [#corpusPathProperty()] with the current run's adapted model into
    /// [#folderFor], with a BM25 field in [#languageProperty()], opens it and then runs `then`.
    /// Does nothing without a current run or while a build runs; says so in the build status when
    /// no corpus file is chosen.
    void buildIndex(Runnable then) {
        OpenRun run = state.currentRunProperty().get();
        if (run == null || building.get()) {
            return;
        }
        if (corpusPath.get().isBlank()) {
            buildStatus.set("Choose a corpus file first");
            return;
        }
        Path corpus = Path.of(corpusPath.get()).toAbsolutePath().normalize();
        Path target = folderFor(run, corpus);
        Path model = run.run().modelDirectory();
        String code = language.get();
        building.set(true);
        buildStatus.set("Building " + target.getFileName() + " from " + corpus.getFileName() + "…");
        buildTask = tasks.run("Building index " + target.getFileName(),
                (progress, cancel) -> IndexBuilding.buildShowingRate(IndexBuildJob.of(corpus, target, model,
                        code == null || code.isBlank() ? Optional.empty() : Optional.of(Bm25Language.forCode(code)),
                        DeviceChoice.AUTO), progress, cancel),
                (IndexBuildReport report) -> {
                    building.set(false);
                    buildTask = null;
                    buildStatus.set(String.format(Locale.ROOT, "Built %s: %s documents in %s (%.0f documents/s)",
                            report.indexFolder().getFileName(), Formats.count(report.metadata().documentCount()),
                            Formats.duration(report.elapsedNanos()), report.documentsPerSecond()));
                    refreshIndexes();
                    openIndex(report.indexFolder(), then);
                },
                error -> {
                    building.set(false);
                    buildTask = null;
                    if (error instanceof OperationCancelledException) {
                        buildStatus.set("Build cancelled; nothing was written");
                    } else {
                        buildStatus.set("Build failed: " + error.getMessage());
                        dialogs.showError("Could not build the index " + target.getFileName(), error);
                    }
                });
    }

    /// Stops a running build at its next batch; nothing is written.
    void cancelBuild() {
        if (buildTask != null) {
            buildTask.cancel();
        }
    }

    private void replaceOpenIndex(OpenIndex opened) {
        OpenIndex previous = open;
        open = opened;
        openedIndex.set(opened.entry());
        indexStatus.set(describe(opened.entry()));
        replaced.run();
        if (indexes.stream().noneMatch(entry -> entry.folder().equals(opened.entry().folder()))) {
            refreshIndexes();
        }
        if (previous != null) {
            tasks.run("Closing index " + previous.entry().name(), (progress, cancel) -> {
                previous.close();
                return previous.entry();
            }, closed -> { }, error -> LOG.warn("closing {} failed", previous.entry().folder(), error));
        }
    }

    private static String describe(IndexEntry entry) {
        return String.format(Locale.ROOT, "%s · %s documents · %s · %s · model %s", entry.name(),
                Formats.count(entry.documentCount()), Formats.bytes(entry.sizeBytes()),
                entry.hasBm25() ? "BM25 " + entry.bm25Language() : "no BM25 field", entry.modelPath());
    }
}
