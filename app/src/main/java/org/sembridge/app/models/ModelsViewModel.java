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
/// and what the engine detected, and the recently opened folders of each card (a tokenizer
/// folder is no use on an encoder card). The engine work (describing folders, hashing them,
/// resolving the device) goes through the [ModelInspection] workflow service. Toolkit-free:
/// tested with an inline task runner.
///
/// A load that fails while the card holds a loaded model keeps that model (a run can still
/// start with it) and says so through [#loadFailureProperty]; only a card with nothing loaded
/// shows the failed card.
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
    private final Map<ModelRole, ObservableList<Path>> recentFolders = new EnumMap<>(ModelRole.class);
    private final Map<ModelRole, ReadOnlyStringWrapper> loadFailures = new EnumMap<>(ModelRole.class);

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
            recentFolders.put(role, FXCollections.observableArrayList());
            loadFailures.put(role, new ReadOnlyStringWrapper(""));
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

    /// The folders (or tokenizer files' folders) loaded into the card of `role`, newest first, at
    /// most eight.
    public ObservableList<Path> recentFolders(ModelRole role) {
        return recentFolders.get(role);
    }

    /// Why the last load into the card of `role` failed while it kept its loaded model, e.g.
    /// `Could not load /x: ... Still using /models/splade-tiny-en.`; empty after a successful load
    /// and while nothing was kept.
    public ReadOnlyStringProperty loadFailureProperty(ModelRole role) {
        return loadFailures.get(role).getReadOnlyProperty();
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
    /// specific error (also shown in a dialog). When the load fails and the card holds a loaded
    /// model, that model stays and [#loadFailureProperty] names the failure.
    public void load(ModelRole role, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        tasks.run("Loading " + role.title().toLowerCase(Locale.ROOT),
                (progress, cancel) -> ModelCards.describe(inspection, role, absolute, SAMPLE_TEXT),
                card -> {
                    cards.get(role).set(card);
                    loadFailures.get(role).set("");
                    remember(role, Files.isRegularFile(absolute) ? absolute.getParent() : absolute);
                },
                error -> {
                    ModelCard kept = cards.get(role).get();
                    if (kept.isLoaded()) {
                        loadFailures.get(role).set("Could not load " + absolute + ": " + error.getMessage()
                                + " Still using " + kept.path() + ".");
                    } else {
                        cards.get(role).set(ModelCard.failed(role, absolute, error.getMessage()));
                    }
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

    private void remember(ModelRole role, Path folder) {
        ObservableList<Path> recent = recentFolders.get(role);
        recent.remove(folder);
        recent.addFirst(folder);
        while (recent.size() > MAX_RECENT) {
            recent.removeLast();
        }
    }
}
