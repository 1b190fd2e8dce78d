package org.sembridge.app.models;

import java.nio.file.Path;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.sembridge.app.common.DialogService;
import org.sembridge.engine.run.DeviceChoice;

/// The models page: a card per [ModelRole] with an open button, a recent-folders menu and a drop
/// target, plus the device chooser. Only builds and binds nodes; commands go to the
/// [ModelsViewModel].
public final class ModelsView {

    private final ModelsViewModel viewModel;
    private final DialogService dialogs;
    private final VBox root = new VBox(14);

    public ModelsView(ModelsViewModel viewModel, DialogService dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        root.setId("modelsView");
        Label title = new Label("Models");
        title.getStyleClass().add("page-title");
        Label hint = new Label("Choose the English sparse encoder, the target-language tokenizer and the multilingual "
                + "bridge. Drop a folder on a card, or open one.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        TilePane cards = new TilePane(14, 14);
        cards.setPrefColumns(3);
        // 26 em: 338 px at the normal 13 px font (three cards in a row at 1280 px), wider with
        // presentation mode's font, so a card's keys and values never print over each other
        cards.prefTileWidthProperty().bind(Bindings.createDoubleBinding(() -> 26 * hint.getFont().getSize(),
                hint.fontProperty()));
        for (ModelRole role : ModelRole.values()) {
            cards.getChildren().add(card(role));
        }
        root.getChildren().addAll(title, hint, cards, devicePanel());
    }

    public Parent root() {
        return root;
    }

    private Node card(ModelRole role) {
        String id = role.name().toLowerCase(Locale.ROOT);
        Label title = new Label(role.title());
        title.getStyleClass().add("card-title");
        Label headline = new Label();
        headline.setId(id + "Headline");
        headline.getStyleClass().add("card-headline");
        headline.setWrapText(true);
        Label path = new Label();
        path.setId(id + "Path");
        path.getStyleClass().add("muted");
        path.setWrapText(true);
        Label error = new Label();
        error.setId(id + "Error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        GridPane fields = new GridPane();
        fields.setId(id + "Fields");
        fields.setHgap(10);
        fields.setVgap(3);
        ColumnConstraints keys = new ColumnConstraints();
        // the keys' column never narrower than its widest key: a narrower one printed the key
        // over its value ("vocabulary3,457") once the font grew
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        fields.getColumnConstraints().addAll(keys, values);

        Button open = new Button("Open…");
        open.setId(id + "Open");
        open.setTooltip(new Tooltip(role.hint()));
        open.setOnAction(e -> chooseFor(role));
        MenuButton recent = new MenuButton("Recent");
        recent.setId(id + "Recent");
        recent.setOnShowing(e -> recent.getItems().setAll(viewModel.recentFolders().stream().map(folder -> {
            MenuItem item = new MenuItem(folder.toString());
            item.setOnAction(a -> viewModel.load(role, folder));
            return item;
        }).toList()));
        HBox buttons = new HBox(8, open, recent);

        VBox card = new VBox(6, title, headline, path, error, fields, buttons);
        card.setId(id + "Card");
        card.getStyleClass().add("card");
        Tooltip.install(card, new Tooltip(role.hint()));
        card.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.LINK, TransferMode.COPY);
            }
            e.consume();
        });
        card.setOnDragDropped(e -> {
            boolean accepted = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (accepted) {
                viewModel.load(role, e.getDragboard().getFiles().getFirst().toPath());
            }
            e.setDropCompleted(accepted);
            e.consume();
        });

        viewModel.cardProperty(role).subscribe(model -> {
            headline.setText(model.headline());
            path.setText(model.path() == null ? role.hint() : model.path().toString());
            error.setText(model.error() == null ? "" : model.error());
            error.setVisible(model.error() != null);
            error.setManaged(model.error() != null);
            fields.getChildren().clear();
            for (int row = 0; row < model.fields().size(); row++) {
                CardField field = model.fields().get(row);
                Label key = new Label(field.name());
                key.getStyleClass().add("card-key");
                key.setMinWidth(Region.USE_PREF_SIZE);
                Label value = new Label(field.value());
                value.setWrapText(true);
                value.setId(id + "-" + field.name().replace(' ', '-'));
                fields.addRow(row, key, value);
            }
        });
        return card;
    }

    private Node devicePanel() {
        Label label = new Label("Device");
        label.getStyleClass().add("card-title");
        label.setMinWidth(Region.USE_PREF_SIZE);
        ChoiceBox<DeviceChoice> choice = new ChoiceBox<>();
        choice.setId("deviceChoice");
        choice.setMinWidth(Region.USE_PREF_SIZE);
        choice.getItems().setAll(DeviceChoice.values());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(DeviceChoice value) {
                return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public DeviceChoice fromString(String text) {
                return DeviceChoice.valueOf(text.toUpperCase(Locale.ROOT));
            }
        });
        choice.valueProperty().bindBidirectional(viewModel.deviceChoiceProperty());
        choice.setTooltip(new Tooltip("auto: a GPU when a CUDA build of libtorch is usable, else the CPU"));
        Label status = new Label();
        status.setId("deviceStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.deviceStatusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox row = new HBox(10, label, choice, status);
        row.getStyleClass().add("card");
        row.setPadding(new Insets(10));
        return row;
    }

    private void chooseFor(ModelRole role) {
        Path initial = viewModel.recentFolders().isEmpty() ? null : viewModel.recentFolders().getFirst();
        dialogs.chooseDirectory("Choose the " + role.title().toLowerCase(Locale.ROOT) + " folder", initial)
                .ifPresent(folder -> viewModel.load(role, folder));
    }

}
