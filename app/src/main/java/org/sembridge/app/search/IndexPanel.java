package org.sembridge.app.search;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.Formats;
import org.sembridge.engine.index.Bm25Language;

/// The index part of the search page: the workspace's indexes (click one to open it), "Open index
/// folder…", and building an index from a corpus with the current run's model, with progress and
/// cancel.
final class IndexPanel {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final SearchViewModel viewModel;
    private final DialogService dialogs;
    private final VBox root = new VBox(8);

    IndexPanel(SearchViewModel viewModel, DialogService dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        root.setId("indexPanel");
        root.getChildren().addAll(indexTable(), buttons(), buildRow());
    }

    Node root() {
        return root;
    }

    private Node indexTable() {
        TableView<IndexEntry> table = new TableView<>(viewModel.indexes());
        table.setId("indexTable");
        table.setPrefHeight(110);
        table.setMinHeight(90);
        table.setPlaceholder(new Label("No index in the workspace yet: build one below or open an index folder"));
        table.setTooltip(new Tooltip("Indexes in the workspace; click one to open it"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Index", IndexEntry::name, 190));
        table.getColumns().add(column("Documents", e -> Formats.count(e.documentCount()), 80));
        table.getColumns().add(column("Size", e -> Formats.bytes(e.sizeBytes()), 80));
        table.getColumns().add(column("BM25", e -> e.hasBm25() ? e.bm25Language() : "—", 50));
        table.getColumns().add(column("Built", e -> CREATED.format(e.createdAt()), 120));
        table.getColumns().add(column("Corpus", IndexEntry::corpus, 220));
        table.getColumns().add(column("Model", IndexEntry::modelPath, 260));
        table.setRowFactory(t -> {
            TableRow<IndexEntry> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                IndexEntry entry = row.getItem();
                IndexEntry opened = viewModel.openedIndexProperty().get();
                if (entry != null && (opened == null || !opened.folder().equals(entry.folder()))) {
                    viewModel.openIndex(entry.folder());
                }
            });
            return row;
        });
        viewModel.openedIndexProperty().subscribe(opened -> table.getItems().stream()
                .filter(entry -> opened != null && entry.folder().equals(opened.folder()))
                .findFirst().ifPresent(entry -> table.getSelectionModel().select(entry)));
        return table;
    }

    private static TableColumn<IndexEntry, String> column(String title, Function<IndexEntry, String> value, double width) {
        TableColumn<IndexEntry, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private Node buttons() {
        Button openFolder = new Button("Open index folder…");
        openFolder.setId("openIndexFolder");
        openFolder.setTooltip(new Tooltip("Open an index folder built by the workbench or `sembridge index` (Ctrl+Shift+O)"));
        openFolder.setOnAction(e -> chooseIndexFolder());
        Button refresh = new Button("Refresh");
        refresh.setId("refreshIndexes");
        refresh.setTooltip(new Tooltip("Re-read the workspace's indexes folder"));
        refresh.setOnAction(e -> viewModel.refreshIndexes());
        Label status = new Label();
        status.setId("indexStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(viewModel.indexStatusProperty());
        status.setTooltip(new Tooltip("The open index: name, documents, size on disk, BM25 field, model"));
        openFolder.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        status.setMinWidth(0);
        // wrapped: the status names the model's folder, longer than a projector's width
        status.setWrapText(true);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox row = new HBox(8, openFolder, refresh, status);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node buildRow() {
        Label label = new Label("Build from corpus");
        TextField corpus = new TextField();
        corpus.setId("corpusPath");
        corpus.textProperty().bindBidirectional(viewModel.corpusPathProperty());
        corpus.setTooltip(new Tooltip("Corpus file: .jsonl ({\"id\", \"title\"?, \"text\"}) or .tsv, optionally .gz;"
                + " default: the demo corpus of the run's language"));
        HBox.setHgrow(corpus, Priority.ALWAYS);
        Button choose = new Button("…");
        choose.setId("chooseCorpus");
        choose.setTooltip(new Tooltip("Choose the corpus file"));
        choose.setOnAction(e -> dialogs.chooseFile("Choose a corpus file", parentOf(viewModel.corpusPathProperty().get()))
                .ifPresent(file -> viewModel.corpusPathProperty().set(file.toString())));
        ChoiceBox<String> language = new ChoiceBox<>();
        language.setId("bm25Language");
        for (Bm25Language value : Bm25Language.values()) {
            language.getItems().add(value.code());
        }
        language.valueProperty().bindBidirectional(viewModel.languageProperty());
        language.setTooltip(new Tooltip("Language of the BM25 field the index gets (the analyzer BM25 searches with)"));
        Button build = new Button("Build index");
        build.setId("buildIndex");
        build.setTooltip(new Tooltip("Encode the corpus with the current run's adapted model and build a sparse"
                + " index with a BM25 field into the workspace (Ctrl+B); needs an open run"));
        build.disableProperty().bind(viewModel.canBuildBinding().not());
        build.setOnAction(e -> viewModel.buildIndex());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelBuild");
        cancel.setTooltip(new Tooltip("Stop the build at its next batch; nothing is written (Esc)"));
        cancel.visibleProperty().bind(viewModel.buildingProperty());
        cancel.managedProperty().bind(viewModel.buildingProperty());
        cancel.setOnAction(e -> viewModel.cancelBuild());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("buildProgress");
        progress.setPrefSize(18, 18);
        progress.setTooltip(new Tooltip("Building; documents and documents/s show in the status bar"));
        progress.visibleProperty().bind(viewModel.buildingProperty());
        progress.managedProperty().bind(viewModel.buildingProperty());
        Label status = new Label();
        status.setId("buildStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(viewModel.buildStatusProperty());
        for (Control fixed : new Control[] {label, choose, language, build, cancel}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox row = new HBox(8, label, corpus, choose, language, build, cancel, progress);
        row.setAlignment(Pos.CENTER_LEFT);
        // on a line of its own and wrapped: beside the controls it was cut to "..." when presenting
        status.setWrapText(true);
        return new VBox(4, row, status);
    }

    /// Asks for an index folder and opens it.
    void chooseIndexFolder() {
        IndexEntry opened = viewModel.openedIndexProperty().get();
        dialogs.chooseDirectory("Open an index folder", opened == null ? null : opened.folder().getParent())
                .ifPresent(viewModel::openIndex);
    }

    private static Path parentOf(String file) {
        if (file == null || file.isBlank()) {
            return null;
        }
        return Path.of(file).toAbsolutePath().getParent();
    }
}
