package org.sembridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.diff.RunDiffView;
import org.sembridge.app.diff.RunDiffViewModel;
import org.sembridge.app.inspector.InspectorView;
import org.sembridge.app.inspector.InspectorViewModel;
import org.sembridge.app.inspector.RowSorter;
import org.sembridge.app.inspector.TokenColumn;
import org.sembridge.app.inspector.TokenDetailViewModel;
import org.sembridge.app.inspector.TokenFigures;
import org.sembridge.app.inspector.TokenSort;
import org.sembridge.app.session.SessionDialogs;
import org.sembridge.app.session.SessionStore;
import org.sembridge.app.session.SessionViewModel;
import org.sembridge.app.session.WorkbenchStatePart;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.app.inspector.TokenFiguresLoader;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.RunMemoryEstimate;
import org.sembridge.engine.workflow.MemoryBudget;
import org.sembridge.engine.workflow.ModelTransfer;
import org.sembridge.engine.workflow.RunTooLargeException;
import org.sembridge.engine.run.TargetTokenKind;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Timed probes on real run folders of real-vocabulary tokenizers (issue 15 items 1, 4 and 9),
/// when `-Dsembridge.largeRuns=DIR1,DIR2,...` names them (skipped otherwise: no such runs ship
/// with the repository; docs/real-tokenizers.md says how to make them). Every figure is printed
/// with the process's resident memory (`VmRSS`, peak `VmHWM` from `/proc/self/status`) and the
/// heap; nothing is asserted on time.
///
/// - sorting: the first run in the inspector with every row selected, every header both ways;
///   the first two runs' diff (when they share a target tokenizer), every header both ways;
/// - memory: how many runs the 8 GB machine's budget admits, and the bridge vectors' heap;
/// - restoring: a session of every run (the current one the last that reads alpha), the
///   inspector sorted and filtered, restored as the workbench does (engine threads, the
///   budgeted opener); the time to the open runs, to the current run's table and to the alpha
///   slider's bridge vectors; then the first alpha moves against later ones.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class LargeRunsProbeGuiTest {

    private static final Path LEXICON = SampleRuns.REPO.resolve("assets/lexicon/concepts.tsv");

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1400, 900));
        stage.show();
    }

    private static List<Path> largeRuns() {
        String folders = System.getProperty("sembridge.largeRuns", "");
        Assumptions.assumeFalse(folders.isBlank(), "set -Dsembridge.largeRuns=DIR1,DIR2,... to probe real large runs");
        return Arrays.stream(folders.split(",")).map(String::strip).map(Path::of).toList();
    }

    private void show(FxRobot robot, Node page) {
        robot.interact(() -> {
            StackPane shell = new StackPane(page);
            shell.getStyleClass().add("workbench");
            shell.getStylesheets().add(Objects.requireNonNull(
                    org.sembridge.app.shell.MainWindow.class.getResource("workbench.css")).toExternalForm());
            stage.getScene().setRoot(shell);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void probeSortingTheInspectorAndTheDiffOfRealLargeRuns(FxRobot robot) throws Exception {
        List<Path> folders = largeRuns();
        try (FxTaskRunner runner = new FxTaskRunner()) {
            WorkbenchState state = new WorkbenchState(Workspace.open(Files.createTempDirectory("probe-sorts")));
            InspectorViewModel inspector = new InspectorViewModel(state, runner, dialogs, LEXICON);
            List<OpenRun> runs = new ArrayList<>();
            for (Path folder : folders.subList(0, Math.min(2, folders.size()))) {
                runs.add(OpenRun.of(LoadedRun.open(folder)));
            }
            robot.interact(() -> runs.forEach(state::addRun));
            robot.interact(() -> state.currentRunProperty().set(runs.getFirst()));
            show(robot, new InspectorView(inspector, state).root());
            TableView<Integer> table = robot.lookup("#tokenTable").queryAs(TableView.class);
            int rows = runs.getFirst().run().targetSize();
            WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> inspector.figuresRunProperty().get() == runs.getFirst()
                    && !inspector.loadingProperty().get() && table.getItems().size() == rows);
            robot.interact(() -> {
                table.getSelectionModel().select(2);
                table.getSelectionModel().selectAll();
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(rows, table.getSelectionModel().getSelectedIndices().size(), "every row selected");
            // the inspector sorts on an engine thread: each time runs until the table shows the
            // first rows of the order (computed here, before the clock starts)
            TokenFigures shown = inspector.figuresProperty().get();
            Map<TokenSort, List<Integer>> firstRows = new HashMap<>();
            for (TokenColumn column : TokenColumn.values()) {
                for (boolean ascending : new boolean[] {true, false}) {
                    TokenSort sort = new TokenSort(column, ascending);
                    firstRows.put(sort, Arrays.stream(RowSorter.sort(shown, sort)).limit(100).boxed().toList());
                }
            }
            List<String> figures = HeaderSorts.sortEveryColumn(robot, table,
                    (column, ascending) -> table.getItems().subList(0, 100).equals(
                            firstRows.get(new TokenSort((TokenColumn) column.getUserData(), ascending))),
                    (column, ascending) -> assertEquals(rows, table.getSelectionModel().getSelectedIndices().size(),
                            "every row stays selected"));
            System.out.printf(Locale.ROOT, "probe: inspector, %s, %,d rows, all selected, sort + repaint: %s; %s%n",
                    runs.getFirst().label(), rows, figures, memory());

            if (runs.size() > 1) {
                RunDiffViewModel diff = new RunDiffViewModel(state, runner, dialogs, page -> { }, run -> { });
                robot.interact(() -> {
                    diff.runAProperty().set(runs.get(0));
                    diff.runBProperty().set(runs.get(1));
                });
                if (!diff.comparableProperty().get()) {
                    System.out.println("probe: diff skipped, " + diff.summaryProperty().get());
                    return;
                }
                show(robot, new RunDiffView(diff).root());
                long start = System.nanoTime();
                robot.interact(diff::compare);
                WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> diff.resultProperty().get() != null);
                WaitForAsyncUtils.waitForFxEvents();
                TableView<?> diffTable = robot.lookup("#diffTable").queryAs(TableView.class);
                System.out.printf(Locale.ROOT, "probe: diff of %s and %s, %,d rows, compared and shown in %.1f s%n",
                        runs.get(0).label(), runs.get(1).label(), diffTable.getItems().size(),
                        (System.nanoTime() - start) / 1e9);
                robot.interact(() -> {
                    diffTable.getSelectionModel().select(2);
                    diffTable.getSelectionModel().selectAll();
                });
                WaitForAsyncUtils.waitForFxEvents();
                Object selected = diffTable.getSelectionModel().getSelectedItem();
                List<String> diffFigures = HeaderSorts.sortEveryColumn(robot, diffTable, (column, ascending) ->
                        assertEquals(selected, diffTable.getSelectionModel().getSelectedItem(), "the row stays selected"));
                System.out.printf(Locale.ROOT, "probe: diff table, %,d rows, sort + repaint: %s; %s%n",
                        diffTable.getItems().size(), diffFigures, memory());
            }
            assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        }
    }

    @Test
    void probeRestoringASessionOfRealLargeRuns(FxRobot robot) throws Exception {
        List<Path> folders = largeRuns();
        System.out.println("probe: before the session, " + memory());
        Path file = saveSession(folders);
        System.gc();
        System.out.println("probe: session saved, runs dropped, " + memory());

        try (FxTaskRunner runner = new FxTaskRunner()) {
            WorkbenchState state = new WorkbenchState(Workspace.open(Files.createTempDirectory("probe-restore")));
            InspectorViewModel inspector = new InspectorViewModel(state, runner, dialogs, LEXICON);
            List<SessionPart> parts = new ArrayList<>(List.of(new WorkbenchStatePart(state, runner, dialogs,
                    WorkbenchStatePart.defaultOpener()), inspector));
            SessionViewModel sessions = new SessionViewModel(state.workspace().sessions(), parts, new SessionStore(),
                    runner, dialogs, new NoFileDialogs());
            long start = System.nanoTime();
            long[] opened = new long[1];
            long[] shown = new long[1];
            robot.interact(() -> sessions.open(file));
            WaitForAsyncUtils.waitFor(900, TimeUnit.SECONDS, () -> {
                if (opened[0] == 0 && state.runs().size() == folders.size()) {
                    opened[0] = System.nanoTime() - start;
                }
                OpenRun current = state.currentRunProperty().get();
                if (shown[0] == 0 && current != null && inspector.figuresRunProperty().get() == current
                        && !inspector.loadingProperty().get()) {
                    shown[0] = System.nanoTime() - start;
                }
                return shown[0] != 0 && opened[0] != 0 && runner.runningTasks().isEmpty();
            });
            long idle = System.nanoTime() - start;
            OpenRun current = state.currentRunProperty().get();
            System.out.printf(Locale.ROOT, "probe: restored %d runs (%s): runs open after %.1f s, the current run's"
                            + " table (%s, %,d rows, %s) after %.1f s, every background task done after %.1f s"
                            + " (alpha slider prepared: %s); %s%n", state.runs().size(),
                    state.runs().stream().map(run -> run.label() + " " + run.run().targetSize()).toList(),
                    opened[0] / 1e9, current.label(), inspector.rows().size(), inspector.sortProperty().get(),
                    shown[0] / 1e9, idle / 1e9, current.run().isRealignPrepared(), memory());
            assertEquals(TargetTokenKind.NEW, inspector.kindFilterProperty().get(), "the filter is restored");
            assertEquals(TokenColumn.SUPPORT, inspector.sortProperty().get().column(), "the sort is restored");
            show(robot, new InspectorView(inspector, state).root());
            WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !inspector.rows().isEmpty());
            System.out.printf(Locale.ROOT, "probe: the restored page shows %,d rows (%s) %.1f s after the restore"
                    + " began%n", inspector.rows().size(), inspector.summaryProperty().get(),
                    (System.nanoTime() - start) / 1e9);

            TokenDetailViewModel detail = inspector.detail();
            TokenFigures figures = inspector.figuresProperty().get();
            int row = -1;
            for (int candidate = 0; candidate < figures.size() && row < 0; candidate++) {
                if (figures.kind(candidate) == TargetTokenKind.NEW && figures.support(candidate) > 1) {
                    row = candidate;
                }
            }
            String token = row < 0 ? null : figures.token(row);
            if (token == null) {
                System.out.println("probe: the current run " + current.label() + " has no built token with sources;"
                        + " no alpha moves (" + inspector.summaryProperty().get() + ")");
                return;
            }
            robot.interact(() -> state.selectedTokenProperty().set(token));
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> detail.detailProperty().get() != null);
            if (!detail.alphaEnabledProperty().get()) {
                System.out.println("probe: the current run " + current.label() + " has no alpha slider; no alpha moves");
                return;
            }
            List<String> moves = new ArrayList<>();
            double[] alphas = {3.5, 3.0, 2.5, 2.0, 1.5, 4.5};
            for (double alpha : alphas) {
                Object before = detail.detailProperty().get();
                long moveStart = System.nanoTime();
                robot.interact(() -> detail.alphaProperty().set(alpha));
                WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> detail.detailProperty().get() != before
                        && detail.detailProperty().get() != null && detail.detailProperty().get().alpha() == alpha);
                moves.add(String.format(Locale.ROOT, "alpha %.1f %.0f ms", alpha, (System.nanoTime() - moveStart) / 1e6));
            }
            System.out.printf(Locale.ROOT, "probe: alpha moves on %s token %s after the restore: %s; %s%n",
                    current.label(), token, moves, memory());
            assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        }
    }

    /// Issue 15 item 9: opens the runs again and again under the budget of this JVM's heap (run
    /// it with the launchers' policy, e.g. `-Dsembridge.test.heap="-XX:MaxRAM=8g
    /// -XX:MaxRAMPercentage=40"` for an 8 GB machine; `-Dsembridge.probeHeapBytes` budgets another
    /// size) until the budget refuses one. Each run is held as the workbench holds an open run at
    /// its fullest: its inspector figures and, when its method reads alpha, its re-alignment
    /// prepared (the alpha slider moved). Prints the live heap per run against the estimate and
    /// the resident memory on the way, and the count and peak at the end.
    @Test
    void probeHowManyLargeRunsTheBudgetAdmits() throws Exception {
        List<Path> folders = largeRuns();
        Runtime runtime = Runtime.getRuntime();
        long heapBytes = Long.getLong("sembridge.probeHeapBytes", runtime.maxMemory());
        MemoryBudget budget = new MemoryBudget(heapBytes, () -> runtime.totalMemory() - runtime.freeMemory(),
                System::gc);
        ModelTransfer transfers = ModelTransfer.atDefaultLocation().withBudget(budget);
        List<Object> held = new ArrayList<>();
        long baseBytes = liveHeapBytes();
        long estimated = 0;
        System.out.printf(Locale.ROOT, "probe: budget of a %,d MiB heap (%,d MiB for runs; JVM max heap %,d MiB),"
                + " live heap at the start %,d MiB; %s%n", heapBytes >> 20, budget.usableBytes() >> 20,
                runtime.maxMemory() >> 20, baseBytes >> 20, memory());
        for (int i = 0; i < 100; i++) {
            Path folder = folders.get(i % folders.size());
            long start = System.nanoTime();
            try {
                LoadedRun run = transfers.open(folder);
                held.add(run);
                held.add(TokenFiguresLoader.load(run, LEXICON, ProgressListener.NONE, CancellationToken.create()));
                if (InitializerRegistry.describe(run.manifest().method()).readsAlpha()) {
                    run.prepareRealign();
                }
            } catch (RunTooLargeException refused) {
                System.out.printf(Locale.ROOT, "probe: run %d refused: %s; %s%n", i + 1, refused.getMessage(), memory());
                System.out.printf(Locale.ROOT, "probe: %d runs fit a %,d MiB heap (%s), %,d MiB estimated in all,"
                        + " live heap %,d MiB; %s%n", i, heapBytes >> 20, folders.stream()
                        .map(f -> f.getFileName().toString()).toList(), estimated >> 20, liveHeapBytes() >> 20, memory());
                return;
            }
            long live = liveHeapBytes();
            RunMemoryEstimate estimate = RunMemoryEstimate.of(folder);
            estimated += estimate.heapBytes();
            System.out.printf(Locale.ROOT, "probe: %d runs open (%s, %.1f s), live heap %,d MiB, %,d MiB per run "
                    + "above the start, estimate %s (%,d MiB in all); %s%n", i + 1, folder.getFileName(),
                    (System.nanoTime() - start) / 1e9, live >> 20, (live - baseBytes) / (i + 1) >> 20,
                    estimate.describe(), estimated >> 20, memory());
        }
    }

    /// Issue 15 item 9: the heap a re-alignment (the inspector's alpha slider) adds to an open,
    /// listed run, measured in two parts (live heap after full collections around each): the
    /// stored target vocabulary it reads first (each target token's string and bridge text,
    /// never read by the inspector's figures), then the bridge matrices; each against its term of
    /// [RunMemoryEstimate], for every run in `folders` that can re-align.
    @Test
    void probeTheHeapOfTheBridgeVectors() throws Exception {
        for (Path folder : largeRuns()) {
            LoadedRun run = ModelTransfer.atDefaultLocation().open(folder);
            if (!InitializerRegistry.describe(run.manifest().method()).readsAlpha()) {
                continue;
            }
            run.sourceTokens();
            long before = liveHeapBytes();
            long rssBefore = residentKib();
            List<String> tokens = run.targetVocabulary().tokens();
            long afterTexts = liveHeapBytes();
            run.prepareRealign();
            long after = liveHeapBytes();
            RunMemoryEstimate estimate = RunMemoryEstimate.of(folder);
            int width = estimate.bridgeDimension();
            long vectorsFormula = (estimate.targetTokens() + estimate.sourceTokens()) * (4L * width + 4);
            long textsFormula = estimate.targetTokens() * RunMemoryEstimate.BYTES_PER_TARGET_TEXT;
            long latin1 = tokens.stream().filter(t -> t.chars().allMatch(c -> c < 256)).count();
            double meanChars = tokens.stream().mapToInt(String::length).average().orElse(0);
            System.out.printf(Locale.ROOT, "probe: re-alignment heap of %s (%,d + %,d rows, width %d): target texts"
                            + " +%,.1f MiB measured (%.0f bytes per target token; %.1f chars per token, %.0f%% Latin-1),"
                            + " +%,.1f MiB by the estimate; bridge vectors +%,.1f MiB measured, +%,.1f MiB by the"
                            + " estimate; resident +%,d MiB; %s%n", folder.getFileName(),
                    estimate.targetTokens(), estimate.sourceTokens(), width,
                    (afterTexts - before) / (double) (1 << 20), (afterTexts - before) / (double) estimate.targetTokens(),
                    meanChars, 100.0 * latin1 / tokens.size(), textsFormula / (double) (1 << 20),
                    (after - afterTexts) / (double) (1 << 20), vectorsFormula / (double) (1 << 20),
                    (residentKib() - rssBefore) >> 10, memory());
            assertTrue(run.isRealignPrepared());
        }
    }

    private static long liveHeapBytes() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long residentKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /// A session of every run in `folders`, the last one whose method reads alpha current (else
    /// the last), the inspector sorted by support (descending) and filtered to new tokens.
    private Path saveSession(List<Path> folders) throws Exception {
        WorkbenchState state = new WorkbenchState(Workspace.open(Files.createTempDirectory("probe-session")));
        OpenRun current = null;
        for (Path folder : folders) {
            OpenRun run = OpenRun.of(LoadedRun.open(folder));
            state.addRun(run);
            if (current == null || InitializerRegistry.describe(run.run().manifest().method()).readsAlpha()) {
                current = run;
            }
        }
        state.currentRunProperty().set(current);
        InspectorViewModel inspector = new InspectorViewModel(state, new org.sembridge.app.common.DirectTaskRunner(),
                dialogs, LEXICON);
        inspector.sortBy(TokenColumn.SUPPORT, false);
        inspector.kindFilterProperty().set(TargetTokenKind.NEW);
        Path file = state.workspace().sessions().resolve("large" + SessionStore.EXTENSION);
        new SessionStore().save(file, List.of(new WorkbenchStatePart(state,
                new org.sembridge.app.common.DirectTaskRunner(), dialogs, WorkbenchStatePart.defaultOpener()), inspector));
        return file;
    }

    /// `VmRSS 1,234 MiB, VmHWM 1,456 MiB, heap used 345 of 4,096 MiB` for this process.
    static String memory() {
        String rss = "?";
        String peak = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = mebibytes(line);
                } else if (line.startsWith("VmHWM:")) {
                    peak = mebibytes(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the figures stay unknown
        }
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "VmRSS %s MiB, VmHWM %s MiB, heap used %,d of %,d MiB", rss, peak,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
    }

    private static String mebibytes(String statusLine) {
        long kib = Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%,d", kib >> 10);
    }

    private static final class NoFileDialogs implements SessionDialogs {
        @Override
        public Optional<Path> chooseSessionToSave(Path folder, String suggestedName) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseSessionToOpen(Path folder) {
            return Optional.empty();
        }
    }
}
