package org.sembridge.app.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.workflow.DeviceDescription;
import org.sembridge.engine.workflow.ModelInspection;

/// State and commands of the models page: one [ModelCard] per [ModelRole], the chosen device
/// and what the engine detected, and the recently opened folders. The engine work (describing
/// folders, hashing them, resolving the device) goes through the [ModelInspection] workflow
/// service. Toolkit-free: tested with an inline task runner.
public final class ModelsViewModel {

    /// Split by the target-tokenizer card so users see how a tokenizer cuts each script.
    static final String SAMPLE_TEXT = "집에서 책을 읽었다 дом منزل घर 房子 house";

    private static final int MAX_RECENT = 8;

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ModelInspection inspection;
    private final Map<ModelRole, ObjectProperty<ModelCard>> cards = new EnumMap<>(ModelRole.class);
    private final ObjectProperty<DeviceChoice> deviceChoice = new SimpleObjectProperty<>(DeviceChoice.AUTO);
    private final ReadOnlyStringWrapper deviceStatus = new ReadOnlyStringWrapper("Device: detecting...");
    private final ObservableList<Path> recentFolders = FXCollections.observableArrayList();

    /// The page's model, inspecting folders with the default cache's hash memo.
    public ModelsViewModel(TaskRunner tasks, DialogService dialogs) {
        this(tasks, dialogs, ModelInspection.atDefaultLocation());
    }

    /// The page's model, inspecting folders with `inspection`.
    public ModelsViewModel(TaskRunner tasks, DialogService dialogs, ModelInspection inspection) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.inspection = inspection;
        for (ModelRole role : ModelRole.values()) {
            cards.put(role, new SimpleObjectProperty<>(ModelCard.empty(role)));
        }
        deviceChoice.addListener((obs, old, now) -> detectDevice());
    }

    public ReadOnlyObjectProperty<ModelCard> cardProperty(ModelRole role) {
        return cards.get(role);
    }

    public ObjectProperty<DeviceChoice> deviceChoiceProperty() {
        return deviceChoice;
    }

    public ReadOnlyStringProperty deviceStatusProperty() {
        return deviceStatus.getReadOnlyProperty();
    }

    public ObservableList<Path> recentFolders() {
        return recentFolders;
    }

    /// Loads the bundled sample models: the English sample encoder, the bridge, and the target
    /// tokenizer of `language` (`ko`, `ru`, `ar`, `hi`, `zh`).
    public void loadSampleModels(Path repositoryRoot, String language) {
        Path samples = repositoryRoot.resolve("sample-models");
        load(ModelRole.SOURCE, samples.resolve("splade-tiny-en"));
        load(ModelRole.TARGET, samples.resolve("tokenizers").resolve(language));
        load(ModelRole.BRIDGE, samples.resolve("bridge-tiny-multi"));
    }

    /// Reads `path` as the model of `role` in the background; the card shows the summary, or the
    /// specific error (also shown in a dialog).
    public void load(ModelRole role, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        tasks.run("Loading " + role.title().toLowerCase(Locale.ROOT),
                (progress, cancel) -> ModelCards.describe(inspection, role, absolute, SAMPLE_TEXT),
                card -> {
                    cards.get(role).set(card);
                    remember(Files.isRegularFile(absolute) ? absolute.getParent() : absolute);
                },
                error -> {
                    cards.get(role).set(ModelCard.failed(role, absolute, error.getMessage()));
                    dialogs.showError("Could not load the " + role.title().toLowerCase(Locale.ROOT), error);
                });
    }

    /// Resolves the device choice in the background (starting libtorch takes ~2 s the first time).
    public void detectDevice() {
        DeviceChoice choice = deviceChoice.get();
        deviceStatus.set("Device: detecting...");
        tasks.run("Detecting devices", (progress, cancel) -> ModelInspection.describeDevice(choice),
                (DeviceDescription device) -> deviceStatus.set("Device: " + device.name() + " — " + device.reason()),
                error -> deviceStatus.set("Device " + choice.name().toLowerCase(Locale.ROOT)
                        + " unavailable: " + error.getMessage()));
    }

    /// Whether all three models are loaded, so a run can start.
    public boolean allLoaded() {
        return cards.values().stream().allMatch(card -> card.get().isLoaded());
    }

    private void remember(Path folder) {
        recentFolders.remove(folder);
        recentFolders.addFirst(folder);
        while (recentFolders.size() > MAX_RECENT) {
            recentFolders.removeLast();
        }
    }
}
