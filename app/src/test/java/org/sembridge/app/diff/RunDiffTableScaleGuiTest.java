package org.sembridge.app.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.app.HeaderSorts;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.run.TargetTokenKind;
import org.sembridge.engine.workflow.TokenDifference;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 15 item 1 for the run diff's table, which holds one row per target token (262,145 for a
/// diff of two Gemma 3 runs): 250,000 synthetic rows, a row selected and Ctrl+A pressed (the table
/// selects one row at a time), then every header clicked ascending and descending. Each order is
/// checked against a stable sort of the rows by the column's own comparator (texts ignoring case,
/// then exactly; ties in rank order), the selected token stays selected, and each sort + repaint
/// time is printed (a figure, not an assertion: the machine is shared).
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class RunDiffTableScaleGuiTest {

    private static final int ROWS = 250_000;
    private static final long SEED = 1_515L;

    @TempDir
    static Path workspace;

    private List<TokenDifference> rows;
    private TableView<TokenDifference> table;

    private final FxTaskRunner runner = new FxTaskRunner();
    private long rowsNanos;

    @AfterEach
    void closeRunner() {
        runner.close();
    }

    @Start
    void start(Stage stage) throws IOException {
        System.out.println("RunDiffTableScaleGuiTest seed " + SEED);
        RunDiffViewModel viewModel = new RunDiffViewModel(new WorkbenchState(Workspace.open(workspace)),
                runner, new RecordingDialogService(), page -> { }, run -> { });
        RunDiffView view = new RunDiffView(viewModel);
        rows = rows(ROWS, SEED);
        rowsNanos = System.nanoTime();
        viewModel.rows().setAll(rows);
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyHeaderSortsAQuarterMillionRowsInTheColumnsOrderAndKeepsTheSelectedToken(FxRobot robot) {
        String ranking = HeaderSorts.awaitBackgroundRanking(runner, rowsNanos);
        table = robot.lookup("#diffTable").queryAs(TableView.class);
        assertEquals(ROWS, table.getItems().size());
        assertEquals(SelectionMode.SINGLE, table.getSelectionModel().getSelectionMode());
        robot.interact(() -> table.getSelectionModel().select(1234));
        robot.clickOn(table).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TokenDifference selected = table.getSelectionModel().getSelectedItem();

        Map<String, Comparator<TokenDifference>> orders = orders();
        List<String> figures = HeaderSorts.sortEveryColumn(robot, table, (column, ascending) -> {
            Comparator<TokenDifference> order = orders.get(column.getId());
            List<TokenDifference> expected = new ArrayList<>(rows);
            expected.sort(ascending ? order : order.reversed());
            assertEquals(expected, List.copyOf(table.getItems()), column.getId() + (ascending ? " asc" : " desc"));
            assertSame(selected, table.getSelectionModel().getSelectedItem(), "the selected token stays selected");
            assertSame(selected, table.getItems().get(table.getSelectionModel().getSelectedIndex()));
        });
        System.out.println("RunDiffTableScaleGuiTest, " + ROWS + " rows, " + ranking + ", sort + repaint: " + figures);
        assertEquals(2 * table.getColumns().size(), figures.size());
    }

    /// Each column's order by its id, written independently of the view: texts ignoring case,
    /// then exactly; n/a divergences below every number.
    private static Map<String, Comparator<TokenDifference>> orders() {
        Comparator<String> texts = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());
        Function<TokenDifference, String> kind = t -> t.kindA() == t.kindB() ? t.kindA().jsonName()
                : t.kindA().jsonName() + " / " + t.kindB().jsonName();
        return Map.of(
                "diffColumn-rank", Comparator.comparingInt(TokenDifference::rank),
                "diffColumn-token", Comparator.comparing(TokenDifference::token, texts),
                "diffColumn-kind", Comparator.comparing(kind, texts),
                "diffColumn-divergence", Comparator.comparingDouble(t -> t.comparable() ? t.divergenceBits() : -1.0),
                "diffColumn-topSourceA", Comparator.comparing(TokenDifference::topSourceA, texts),
                "diffColumn-topSourceB", Comparator.comparing(
                        t -> t.topSourceB() + (t.topSourceChanged() ? "" : " (same)"), texts),
                "diffColumn-supportA", Comparator.comparingInt(TokenDifference::supportA),
                "diffColumn-supportB", Comparator.comparingInt(TokenDifference::supportB),
                "diffColumn-supportChange", Comparator.comparingInt(TokenDifference::supportChange));
    }

    /// Rows in rank order with repeated tokens in both cases, repeated sources, mixed kinds and
    /// some incomparable rows.
    private static List<TokenDifference> rows(int count, long seed) {
        Random random = new Random(seed);
        String[] sources = new String[500];
        for (int i = 0; i < sources.length; i++) {
            sources[i] = word(random, 2 + random.nextInt(8));
        }
        TargetTokenKind[] kinds = TargetTokenKind.values();
        List<TokenDifference> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String token = random.nextInt(10) == 0 ? "▁" + word(random, 3) : word(random, 1 + random.nextInt(9));
            if (random.nextInt(20) == 0) {
                token = token.toUpperCase(java.util.Locale.ROOT);
            }
            TargetTokenKind kindA = kinds[random.nextInt(kinds.length)];
            TargetTokenKind kindB = random.nextInt(5) == 0 ? kinds[random.nextInt(kinds.length)] : kindA;
            double divergence = random.nextInt(10) == 0 ? Double.NaN : random.nextInt(1000) / 1000.0;
            String topA = random.nextInt(10) == 0 ? "" : sources[random.nextInt(sources.length)];
            String topB = random.nextBoolean() ? topA : sources[random.nextInt(sources.length)];
            made.add(new TokenDifference(i + 1, i, token, kindA, kindB, divergence, topA, topB, random.nextInt(65),
                    random.nextInt(65)));
        }
        return made;
    }

    private static String word(Random random, int length) {
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append((char) ((random.nextInt(4) == 0 ? 'A' : 'a') + random.nextInt(26)));
        }
        return word.toString();
    }
}
