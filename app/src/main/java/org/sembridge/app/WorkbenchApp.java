package org.sembridge.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.sembridge.app.common.BundledFonts;
import org.sembridge.app.common.FxDialogService;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.common.Navigator;
import org.sembridge.app.diff.RunDiffView;
import org.sembridge.app.diff.RunDiffViewModel;
import org.sembridge.app.inspector.InspectorView;
import org.sembridge.app.inspector.InspectorViewModel;
import org.sembridge.app.map.MapView;
import org.sembridge.app.map.MapViewModel;
import org.sembridge.app.models.ModelsView;
import org.sembridge.app.models.ModelsViewModel;
import org.sembridge.app.runs.RunsView;
import org.sembridge.app.runs.RunsViewModel;
import org.sembridge.app.search.SearchView;
import org.sembridge.app.search.SearchViewModel;
import org.sembridge.app.session.FxSessionDialogs;
import org.sembridge.app.session.SessionStore;
import org.sembridge.app.session.SessionViewModel;
import org.sembridge.app.session.WorkbenchStatePart;
import org.sembridge.app.shell.KeyMap;
import org.sembridge.app.shell.MainWindow;
import org.sembridge.app.shell.ScreenshotTour;
import org.sembridge.app.shell.ShellViewModel;
import org.sembridge.app.shell.StartupClock;
import org.sembridge.app.shell.StartupSplash;
import org.sembridge.app.shell.UncaughtErrorHandler;
import org.sembridge.app.shell.WorkbenchPage;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.workflow.ModelTransfer;
import org.sembridge.engine.workflow.RunMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The JavaFX application: builds the shell and its pages, wires the task runner, dialogs,
/// sessions and keyboard map, and preloads the bundled sample models (Korean target by default)
/// once the window shows.
///
/// Parameters: `--language=xx` picks the sample target tokenizer (`ko`, `ru`, `ar`, `hi`, `zh`);
/// `--workspace=DIR` the workspace folder (default [Workspace#defaultRoot()]);
/// `--exit-after-shown` logs the startup figure (`First window shown N ms after JVM start`: the
/// [StartupSplash], which shows before the pages are built) and exits without loading models or
/// touching sessions (`docs/measure-startup.sh`); once the launch work is done the log says
/// `Sample models, workspace runs and demo runs ready N ms after JVM start`;
/// `--screenshots=DIR` walks the pages once the demo is ready, writes a PNG of each into `DIR`
/// and exits ([DemoScreenshots], `docs/screenshots/take-screenshots.sh`). The
/// system property `sembridge.repo.root` (set by `bin/workbench`) locates `sample-models/`.
public final class WorkbenchApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);

    /// How often the session is autosaved (only when it changed).
    private static final Duration AUTOSAVE_PERIOD = Duration.minutes(2);

    private FxTaskRunner taskRunner;
    private MainWindow window;
    private SessionViewModel sessions;
    private Timeline autosave;

    @Override
    public void start(Stage stage) {
        long startNanos = System.nanoTime();
        boolean exitAfterShown = getParameters().getUnnamed().contains("--exit-after-shown");
        BundledFonts.load();
        // The first frame is the splash, not a black window: the pages are built once it shows.
        StartupSplash splash = new StartupSplash();
        Scene scene = new Scene(splash.root(), 1280, 800);
        stage.setTitle("SemBridge Workbench");
        stage.setScene(scene);
        stage.setOnShown(e -> {
            LOG.info("First window shown {} ms after JVM start (process CPU {} ms; {} ms in WorkbenchApp.start)",
                    StartupClock.millisSinceJvmStart(), StartupClock.processCpuMillis(),
                    (System.nanoTime() - startNanos) / 1_000_000);
            if (exitAfterShown) {
                Platform.exit();
                return;
            }
            Platform.runLater(() -> buildWorkbench(stage, scene, splash));
        });
        stage.show();
    }

    /// Builds the shell and its pages behind the splash, then starts the launch work (sample
    /// models, workspace runs, demo runs) with the splash over the window until it is done.
    private void buildWorkbench(Stage stage, Scene scene, StartupSplash splash) {
        taskRunner = new FxTaskRunner();
        FxDialogService dialogs = new FxDialogService(stage);
        new UncaughtErrorHandler(dialogs).install();
        WorkbenchState state = new WorkbenchState(openWorkspace(dialogs));
        Navigator navigator = pageId -> window.showPage(pageId);
        KeyMap keyMap = new KeyMap();
        ShellViewModel shell = new ShellViewModel();
        List<SessionPart> sessionParts = new ArrayList<>(List.of(shell,
                new WorkbenchStatePart(state, taskRunner, dialogs, WorkbenchStatePart.defaultOpener())));
        // Pages: construct each ViewModel here; a page that saves state registers it with one
        // line, `sessionParts.add(viewModel);`, and lists its own keys with
        // `keyMap.register("Page title", "Ctrl+F", "What it does");`. Views are built on first
        // show (`() -> new XView(...).root()`), so startup pays only for the first page.
        ModelsViewModel models = new ModelsViewModel(taskRunner, dialogs);
        RunsViewModel runs = new RunsViewModel(taskRunner, dialogs, state, models, ModelTransfer.atDefaultLocation(),
                Platform::runLater);
        InspectorViewModel inspector = new InspectorViewModel(state, taskRunner, dialogs,
                repositoryRoot().resolve(RunMapping.BUNDLED_LEXICON));
        MapViewModel map = new MapViewModel(state, taskRunner, dialogs, navigator, Platform::runLater);
        SearchViewModel search = new SearchViewModel(taskRunner, dialogs, state, navigator, repositoryRoot());
        RunDiffViewModel diff = new RunDiffViewModel(state, taskRunner, dialogs, navigator,
                inspector.detail().compareRunProperty()::set);
        List<WorkbenchPage> pages = List.of(
                new WorkbenchPage("models", "Models", "Choose source encoder, target tokenizer and bridge",
                        () -> new ModelsView(models, dialogs).root()),
                new WorkbenchPage("runs", "Runs", "Start a transfer, watch its progress, keep runs side by side",
                        () -> new RunsView(runs).root()),
                new WorkbenchPage("inspector", "Inspector", "Inspect the current run's token alignments: table, "
                        + "weights, live alpha, compare, notes", () -> new InspectorView(inspector, state).root()),
                new WorkbenchPage("map", "Map", "Embedding map of the current run: zoom, select, lasso",
                        () -> new MapView(map).root()),
                new WorkbenchPage("search", "Search", "Search an index, compare with BM25, evaluate on queries and qrels",
                        () -> new SearchView(search, dialogs).root()),
                new WorkbenchPage("diff", "Diff", "Rank every target token by how differently two runs of one target"
                        + " tokenizer built it (SemBridge against OFA)", () -> new RunDiffView(diff).root()));
        sessionParts.add(runs);
        keyMap.register("Runs", "Ctrl+Enter", "Start the run");
        keyMap.register("Runs", "Ctrl+Shift+O", "Open a run folder");
        keyMap.register("Runs", "Delete", "Close the selected run");
        sessionParts.add(inspector);
        InspectorView.SHORTCUTS.forEach((keys, action) -> keyMap.register("Inspector", keys, action));
        sessionParts.add(map);
        keyMap.register("Map", "Ctrl+Enter", "Make the map");
        keyMap.register("Map", "Ctrl+E", "Export the lasso's token names");
        keyMap.register("Map", "Ctrl+I", "Show the lasso's target tokens in the inspector");
        keyMap.register("Map", "Wheel / drag / 0", "Zoom around the pointer / pan / reset the view");
        keyMap.register("Map", "Ctrl+F", "Find a token (Enter: next match, Esc: clear)");
        sessionParts.add(search);
        SearchView.SHORTCUTS.forEach((keys, action) -> keyMap.register("Search", keys, action));
        RunDiffView.SHORTCUTS.forEach((keys, action) -> keyMap.register("Diff", keys, action));

        window = new MainWindow(pages, taskRunner, shell, keyMap);
        boolean screenshots = getParameters().getNamed().containsKey("screenshots");
        installSessions(stage, state, sessionParts, dialogs, !screenshots);
        window.installShortcuts(scene);
        scene.setRoot(window.root());
        window.addLayer(splash.layer());
        String language = getParameters().getNamed().getOrDefault("language", "ko");
        models.loadSampleModels(repositoryRoot(), language);
        runs.openWorkspaceRuns();
        runs.ensureDemoRuns(repositoryRoot(), language);
        splash.followUntilIdle(taskRunner, () -> LOG.info(
                "Sample models, workspace runs and demo runs ready {} ms after JVM start (process CPU {} ms)",
                StartupClock.millisSinceJvmStart(), StartupClock.processCpuMillis()));
        Optional.ofNullable(getParameters().getNamed().get("screenshots")).map(Path::of).ifPresent(folder ->
                new ScreenshotTour(scene, taskRunner, folder,
                        DemoScreenshots.shots(shell, state, navigator, map::runMap, diff::compare)).start());
        models.detectDevice();
    }

    @Override
    public void stop() {
        if (autosave != null) {
            autosave.stop();
            try {
                sessions.autosaveNow();
            } catch (IOException e) {
                LOG.error("Could not autosave the session on exit: {}", e.getMessage(), e);
            }
        }
        if (taskRunner != null) {
            taskRunner.close();
        }
    }

    /// Sessions: header buttons and shortcuts (Ctrl+S, Ctrl+Shift+S, Ctrl+O), the "Restore last
    /// session" banner, and (when `autosaving`) autosave every two minutes and on exit.
    private void installSessions(Stage stage, WorkbenchState state, List<SessionPart> parts, FxDialogService dialogs,
            boolean autosaving) {
        sessions = new SessionViewModel(state.workspace().sessions(), parts, new SessionStore(), taskRunner, dialogs,
                new FxSessionDialogs(stage));
        window.addSessionControls(sessions);
        if (autosaving) {
            sessions.keepPreviousAutosave();
            autosave = new Timeline(new KeyFrame(AUTOSAVE_PERIOD, e -> sessions.autosave()));
            autosave.setCycleCount(Animation.INDEFINITE);
            autosave.play();
        }
    }

    /// Opens the workspace named by `--workspace=DIR` (else the default); when it cannot be
    /// created, says why and falls back to a temporary folder so the session still works.
    private Workspace openWorkspace(FxDialogService dialogs) {
        Path root = Optional.ofNullable(getParameters().getNamed().get("workspace"))
                .map(Path::of)
                .orElseGet(Workspace::defaultRoot);
        try {
            Workspace workspace = Workspace.open(root);
            LOG.info("Workspace {}", workspace.root());
            return workspace;
        } catch (IOException e) {
            dialogs.showError("Could not open the workspace " + root, e);
            try {
                return Workspace.open(Files.createTempDirectory("sembridge-workspace"));
            } catch (IOException fallback) {
                throw new UncheckedIOException("no writable temporary folder for a workspace", fallback);
            }
        }
    }

    private static Path repositoryRoot() {
        return Path.of(System.getProperty("sembridge.repo.root", ".")).toAbsolutePath().normalize();
    }
}
