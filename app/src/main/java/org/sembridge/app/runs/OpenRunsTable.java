package org.sembridge.app.runs;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sembridge.app.workspace.OpenRun;

/// The open runs side by side: one row per run in [org.sembridge.app.workspace.WorkbenchState#runs()]
/// ([RunFacts]); selecting a row makes it the current run of every page. Buttons open a run folder
/// and close the selected run (Delete).
final class OpenRunsTable {

    private final VBox root = new VBox(8);
    private final TableView<OpenRun> table = new TableView<>();

    OpenRunsTable(RunsViewModel viewModel) {
        root.setId("openRunsPane");
        root.getStyleClass().addAll("card", "open-runs");
        Label title = new Label("Open runs");
        title.getStyleClass().add("card-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button open = new Button("Open run folder…");
        open.setId("openRunFolder");
        open.setTooltip(new Tooltip("Open a run folder written by the workbench or `sembridge init` (Ctrl+Shift+O)"));
        open.setOnAction(e -> viewModel.openRunFolder());
        Button close = new Button("Close");
        close.setId("closeRun");
        close.setTooltip(new Tooltip("Close the selected run; its folder stays on disk (Delete)"));
        close.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        close.setOnAction(e -> closeSelected(viewModel));
        HBox header = new HBox(10, title, spacer, open, close);
        header.setAlignment(Pos.CENTER_LEFT);

        table.setId("runsTable");
        table.setItems(viewModel.state().runs());
        table.setPlaceholder(new Label("No run open: start one above or open a run folder"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Run", 220, RunFacts::label));
        table.getColumns().add(column("Method", 90, RunFacts::method));
        table.getColumns().add(column("Language", 90, RunFacts::language));
        table.getColumns().add(column("Alpha", 60, RunFacts::alpha));
        table.getColumns().add(column("Target tokens", 110, RunFacts::targetTokens));
        table.getColumns().add(column("Overlap / new", 130, RunFacts::overlapNew));
        table.getColumns().add(column("Total time", 90, RunFacts::totalTime));
        table.getColumns().add(column("Folder", 300, RunFacts::folder));
        table.setTooltip(new Tooltip("Select a run to show it in the inspector, map and search pages"));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                closeSelected(viewModel);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.state().currentRunProperty().set(now);
            }
        });
        viewModel.state().currentRunProperty().subscribe(current -> {
            if (current != null && current != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(current);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(header, table);
    }

    Region root() {
        return root;
    }

    private void closeSelected(RunsViewModel viewModel) {
        OpenRun selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.close(selected);
        }
    }

    private static TableColumn<OpenRun, String> column(String title, double width, Function<RunFacts, String> fact) {
        TableColumn<OpenRun, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(fact.apply(RunFacts.of(cell.getValue()))));
        return column;
    }
}
