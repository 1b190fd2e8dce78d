package org.sembridge.app.runs;

import com.google.gson.JsonElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.Formats;
import org.sembridge.app.common.TaskHandle;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.models.ModelCard;
import org.sembridge.app.models.ModelRole;
import org.sembridge.app.models.ModelsViewModel;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.TransferRequest;
import org.sembridge.engine.workflow.ModelTransfer;
import org.sembridge.engine.workflow.RunFolderScan;
import org.sembridge.engine.workflow.TransferredRun;

/// State and commands of the runs page: the run form ([RunForm]), the run in progress
/// ([RunProgress]), and the open runs, which live in [WorkbenchState#runs()].
///
/// Commands: [#start()] a transfer with the models of the models page into the workspace's
/// `runs/<name>`; [#cancel()] it; [#openRunFolder()] / [#openRunFolder(Path)]; [#close(OpenRun)];
/// [#openWorkspaceRuns()] at startup; [#ensureDemoRuns(Path, String)] for the ready-made demo.
/// A cancelled or failed run leaves no folder (the engine publishes atomically), keeps the form's
/// values and every earlier run. One run at a time: Start is blocked while one is in progress,
/// and [#startBlockedReasonBinding()] says why Start is blocked at any time.
///
/// FX thread only; toolkit-free (tested with an inline task runner).
public final class RunsViewModel implements SessionPart {

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final WorkbenchState state;
    private final ModelsViewModel models;
    private final ModelTransfer transfers;
    private final RunForm form;
    private final RunProgress progress;
    private final StringBinding startBlockedReason;
    private final StringBinding modelsSummary;
    private TaskHandle running;

    /// The page's model; engine work goes through `tasks`, transfers and run opening through
    /// `transfers` (the app's [ModelTransfer#atDefaultLocation()]), progress refreshes through
    /// `uiThread` (`Platform::runLater` in the app).
    public RunsViewModel(TaskRunner tasks, DialogService dialogs, WorkbenchState state, ModelsViewModel models,
            ModelTransfer transfers, Executor uiThread) {
        this(tasks, dialogs, state, models, transfers, uiThread, System::nanoTime);
    }

    /// As the main constructor, with the clock of the elapsed and remaining times.
    RunsViewModel(TaskRunner tasks, DialogService dialogs, WorkbenchState state, ModelsViewModel models,
            ModelTransfer transfers, Executor uiThread, LongSupplier nanoTime) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.state = Objects.requireNonNull(state, "state");
        this.models = Objects.requireNonNull(models, "models");
        this.transfers = Objects.requireNonNull(transfers, "transfers");
        this.form = new RunForm(name -> Files.exists(state.workspace().runs().resolve(name)));
        this.progress = new RunProgress(uiThread, nanoTime);
        models.cardProperty(ModelRole.TARGET).subscribe(card -> {
            if (card.path() != null) {
                form.languageProperty().set(RunForm.languageOf(card.path()));
            }
        });
        startBlockedReason = Bindings.createStringBinding(this::blockedReason,
                form.methodProperty(), form.alphaErrorProperty(), form.nameErrorProperty(), progress.activeProperty(),
                models.cardProperty(ModelRole.SOURCE), models.cardProperty(ModelRole.TARGET),
                models.cardProperty(ModelRole.BRIDGE));
        modelsSummary = Bindings.createStringBinding(this::modelsSummary,
                models.cardProperty(ModelRole.SOURCE), models.cardProperty(ModelRole.TARGET),
                models.cardProperty(ModelRole.BRIDGE), models.deviceChoiceProperty(), models.deviceStatusProperty());
    }

    public RunForm form() {
        return form;
    }

    public RunProgress progress() {
        return progress;
    }

    /// The open runs (shared with the other pages).
    public WorkbenchState state() {
        return state;
    }

    /// The device and the models a run will use, in one line for the form, e.g.
    /// `splade-tiny-en → ko via bridge-tiny-multi on auto (cpu(): no GPU …)`.
    public StringBinding modelsSummaryBinding() {
        return modelsSummary;
    }

    /// Why Start is blocked (models missing, a bad value, a run in progress); empty when a run can
    /// start.
    public StringBinding startBlockedReasonBinding() {
        return startBlockedReason;
    }

    /// Starts a transfer with the form's values and the models page's models and device, writing
    /// `runs/<name>` in the workspace; when it finishes the run is opened and made current. Does
    /// nothing while Start is blocked.
    public void start() {
        if (!startBlockedReason.get().isEmpty()) {
            return;
        }
        String name = form.runNameProperty().get().strip();
        TransferRequest request;
        try {
            request = form.request(pathOf(ModelRole.SOURCE), pathOf(ModelRole.TARGET),
                    models.cardProperty(ModelRole.BRIDGE).get().isLoaded() ? pathOf(ModelRole.BRIDGE) : null,
                    models.deviceChoiceProperty().get(), state.workspace().runs().resolve(name));
        } catch (InputFormatException e) {
            dialogs.showError("Cannot start the run " + name, e);
            return;
        }
        launch("Run " + name, request, state::openRun);
    }

    /// Asks the running transfer to stop at its next block; it then publishes nothing.
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    /// Asks for a run folder (starting in the workspace's `runs/`) and opens it.
    public void openRunFolder() {
        dialogs.chooseDirectory("Open a run folder", state.workspace().runs()).ifPresent(this::openRunFolder);
    }

    /// Opens `folder` as a run in the background and makes it current; a folder that is not a run
    /// shows the engine's message in a dialog.
    public void openRunFolder(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        tasks.run("Opening run " + absolute.getFileName(),
                (listener, cancel) -> transfers.open(absolute),
                loaded -> {
                    state.openRun(OpenRun.of(loaded));
                    progress.note("opened " + absolute);
                },
                error -> dialogs.showError("Could not open the run folder " + absolute, error));
    }

    /// Closes `run` (its folder stays on disk); when it was current, the last open run becomes
    /// current.
    public void close(OpenRun run) {
        state.runs().remove(run);
        if (run.equals(state.currentRunProperty().get())) {
            state.currentRunProperty().set(state.runs().isEmpty() ? null : state.runs().getLast());
        }
    }

    /// Opens every run folder in the workspace's `runs/` in the background (hidden staging
    /// folders skipped); the current run changes only if none was current. Folders that are not
    /// runs are reported together in one dialog.
    public void openWorkspaceRuns() {
        Path runsFolder = state.workspace().runs();
        tasks.run("Opening the workspace's runs", (listener, cancel) -> transfers.openAll(runsFolder, listener, cancel),
                (RunFolderScan scan) -> {
            scan.opened().forEach(loaded -> state.addRun(OpenRun.of(loaded)));
            progress.note(String.format(Locale.ROOT, "opened %d run(s) from %s in %s", scan.opened().size(), runsFolder,
                    Formats.duration(scan.millis() * 1_000_000)));
            if (state.currentRunProperty().get() == null && !state.runs().isEmpty()) {
                state.currentRunProperty().set(state.runs().getFirst());
            }
            form.refreshName();
            if (!scan.problems().isEmpty()) {
                dialogs.showError("Some folders in " + runsFolder + " are not runs",
                        new InputFormatException(String.join("\n", scan.problems())));
            }
        }, error -> dialogs.showError("Could not list the runs in " + runsFolder, error));
    }

    /// Opens the demo runs `runs/demo-<language>-sembridge` (alpha 4) and `runs/demo-<language>-ofa`,
    /// making both from the bundled sample models first when either is missing
    /// (`sample-models/splade-tiny-en`, `tokenizers/<language>`, `bridge-tiny-multi`); the
    /// SemBridge run becomes current.
    public void ensureDemoRuns(Path repositoryRoot, String language) {
        Path samples = repositoryRoot.resolve("sample-models");
        Path sembridgeFolder = demoFolder(language, MethodChoice.SEMBRIDGE);
        Path ofaFolder = demoFolder(language, "ofa");
        if (ModelTransfer.isRunFolder(sembridgeFolder) && ModelTransfer.isRunFolder(ofaFolder)) {
            tasks.run("Opening the demo runs", (listener, cancel) -> List.of(
                            transfers.open(sembridgeFolder), transfers.open(ofaFolder)),
                    loaded -> {
                        OpenRun sembridge = state.addRun(OpenRun.of(loaded.get(0)));
                        state.addRun(OpenRun.of(loaded.get(1)));
                        state.currentRunProperty().set(sembridge);
                        progress.note("opened the demo runs " + sembridgeFolder.getFileName() + " and "
                                + ofaFolder.getFileName());
                    },
                    error -> dialogs.showError("Could not open the demo runs", error));
            return;
        }
        try {
            TransferRequest sembridge = demoRequest(samples, language, MethodChoice.SEMBRIDGE, sembridgeFolder);
            TransferRequest ofa = demoRequest(samples, language, "ofa", ofaFolder);
            // The OFA run is only listed: each change of the current run makes the pages reload.
            launch("Demo run " + sembridgeFolder.getFileName(), sembridge, sembridgeRun -> {
                state.openRun(sembridgeRun);
                launch("Demo run " + ofaFolder.getFileName(), ofa, state::addRun);
            });
        } catch (InputFormatException e) {
            dialogs.showError("Could not make the demo runs", e);
        }
    }

    @Override
    public String key() {
        return RunFormState.KEY;
    }

    @Override
    public JsonElement save() {
        return form.save();
    }

    @Override
    public void restore(JsonElement saved) {
        form.restore(saved);
    }

    /// Runs `request` as the run in progress; when it finishes, its folder is opened and handed to
    /// `open` (which adds it to the open runs, and may make it current).
    private void launch(String title, TransferRequest request, Consumer<OpenRun> open) {
        ProgressListener tracker = progress.begin(title);
        TaskHandle handle = tasks.run(title, (listener, cancel) -> {
            ProgressListener both = (stage, done, total) -> {
                listener.onProgress(stage, done, total);
                tracker.onProgress(stage, done, total);
            };
            return transfers.transferAndOpen(request, both, cancel);
        }, (TransferredRun finished) -> {
            running = null;
            progress.succeed(finished.summary());
            open.accept(OpenRun.of(finished.run()));
            form.refreshName();
        }, error -> {
            running = null;
            progress.fail(error);
            if (!(error instanceof OperationCancelledException)) {
                dialogs.showError(title + " failed", error);
            }
        });
        if (progress.activeProperty().get()) {
            running = handle;
        }
    }

    private String blockedReason() {
        if (progress.activeProperty().get()) {
            return "A run is in progress: wait for it or cancel it (Esc)";
        }
        List<ModelRole> needed = form.methodProperty().get().needsBridge()
                ? List.of(ModelRole.SOURCE, ModelRole.TARGET, ModelRole.BRIDGE)
                : List.of(ModelRole.SOURCE, ModelRole.TARGET);
        List<String> missing = new ArrayList<>();
        for (ModelRole role : needed) {
            ModelCard card = models.cardProperty(role).get();
            if (card.error() != null) {
                return "The " + role.title().toLowerCase(Locale.ROOT) + " could not be loaded (" + card.error()
                        + "): choose another on the Models page (Ctrl+1)";
            }
            if (!card.isLoaded()) {
                missing.add(role.title().toLowerCase(Locale.ROOT));
            }
        }
        if (!missing.isEmpty()) {
            return "Load the " + String.join(" and ", missing) + " on the Models page (Ctrl+1)";
        }
        if (form.methodProperty().get().hasAlpha() && !form.alphaErrorProperty().get().isEmpty()) {
            return form.alphaErrorProperty().get();
        }
        return form.nameErrorProperty().get();
    }

    private String modelsSummary() {
        return folderName(ModelRole.SOURCE) + " → " + folderName(ModelRole.TARGET) + " via "
                + folderName(ModelRole.BRIDGE) + " on " + models.deviceChoiceProperty().get().name().toLowerCase(Locale.ROOT)
                + " (" + models.deviceStatusProperty().get() + ")";
    }

    private String folderName(ModelRole role) {
        ModelCard card = models.cardProperty(role).get();
        if (!card.isLoaded()) {
            return "no " + role.title().toLowerCase(Locale.ROOT);
        }
        Path name = card.path().getFileName();
        return name == null ? card.path().toString() : name.toString();
    }

    private Path pathOf(ModelRole role) {
        return models.cardProperty(role).get().path();
    }

    private Path demoFolder(String language, String method) {
        return state.workspace().runs().resolve("demo-" + language + "-" + method);
    }

    private static TransferRequest demoRequest(Path samples, String language, String method, Path out)
            throws InputFormatException {
        return TransferRequest.builder(samples.resolve("splade-tiny-en"), samples.resolve("tokenizers").resolve(language),
                        method, out)
                .optBridge(samples.resolve("bridge-tiny-multi"))
                .optAlpha(TransferRequest.DEFAULT_ALPHA)
                .optDevice(DeviceChoice.AUTO)
                .build();
    }

}
