package org.sembridge.app.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.app.HeaderSorts;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.FxTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.index.TermStatistics;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Issue 15 item 1 for the index browser's token table, which lists every token an index holds
/// (up to the target vocabulary, 262,145 for Gemma 3): 250,000 synthetic tokens in the browser's
/// order (descending document frequency), a token selected, every header clicked ascending and
/// descending. Each order is checked against a stable sort by the column's own comparator, the
/// selected token stays selected, and each sort + repaint time is printed (not asserted).
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class IndexBrowserScaleGuiTest {

    private static final int ROWS = 250_000;
    private static final long SEED = 91_515L;

    @TempDir
    static Path workspace;

    private List<TermStatistics> terms;

    private final FxTaskRunner runner = new FxTaskRunner();
    private long rowsNanos;

    @AfterEach
    void closeRunner() {
        runner.close();
    }

    @Start
    void start(Stage stage) throws IOException {
        System.out.println("IndexBrowserScaleGuiTest seed " + SEED);
        SearchViewModel viewModel = new SearchViewModel(runner, new RecordingDialogService(),
                new WorkbenchState(Workspace.open(workspace)), pageId -> { }, SampleRuns.REPO);
        IndexBrowserPanel panel = new IndexBrowserPanel(viewModel.browser());
        terms = terms(ROWS, SEED);
        rowsNanos = System.nanoTime();
        viewModel.browser().showTokens(terms);
        stage.setScene(new Scene(new StackPane(panel.root()), 1280, 800));
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyHeaderSortsAQuarterMillionTokensInTheColumnsOrderAndKeepsTheSelectedToken(FxRobot robot) {
        String ranking = HeaderSorts.awaitBackgroundRanking(runner, rowsNanos);
        TableView<TermStatistics> table = robot.lookup("#browserTokens").queryAs(TableView.class);
        assertEquals(ROWS, table.getItems().size());
        robot.interact(() -> table.getSelectionModel().select(4321));
        WaitForAsyncUtils.waitForFxEvents();
        TermStatistics selected = table.getSelectionModel().getSelectedItem();

        Comparator<String> texts = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());
        Map<String, Comparator<TermStatistics>> orders = Map.of(
                "Token", Comparator.comparing(TermStatistics::token, texts),
                "Docs", Comparator.comparingInt(TermStatistics::documentFrequency),
                "Min", Comparator.comparingDouble(TermStatistics::minWeight),
                "Mean", Comparator.comparingDouble(TermStatistics::meanWeight),
                "Max", Comparator.comparingDouble(TermStatistics::maxWeight));
        List<String> figures = HeaderSorts.sortEveryColumn(robot, table, (column, ascending) -> {
            Comparator<TermStatistics> order = orders.get(column.getText());
            List<TermStatistics> expected = new ArrayList<>(terms);
            expected.sort(ascending ? order : order.reversed());
            assertEquals(expected, List.copyOf(table.getItems()), column.getText() + (ascending ? " asc" : " desc"));
            assertSame(selected, table.getSelectionModel().getSelectedItem(), "the selected token stays selected");
        });
        System.out.println("IndexBrowserScaleGuiTest, " + ROWS + " tokens, " + ranking + ", sort + repaint: " + figures);
        assertEquals(10, figures.size());
    }

    /// Tokens by descending document frequency (the browser's order), with repeated frequencies
    /// and weights, mixed case.
    private static List<TermStatistics> terms(int count, long seed) {
        Random random = new Random(seed);
        List<TermStatistics> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder token = new StringBuilder(random.nextInt(5) == 0 ? "▁" : "");
            int length = 1 + random.nextInt(8);
            for (int k = 0; k < length; k++) {
                token.append((char) ((random.nextInt(4) == 0 ? 'A' : 'a') + random.nextInt(26)));
            }
            float min = random.nextInt(2000) / 1000f;
            float max = min + random.nextInt(2000) / 1000f;
            made.add(new TermStatistics(token.toString(), 1 + random.nextInt(204), min,
                    (min + max) / 2.0, max));
        }
        made.sort(Comparator.comparingInt(TermStatistics::documentFrequency).reversed());
        return made;
    }
}
