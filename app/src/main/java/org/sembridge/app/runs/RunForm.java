package org.sembridge.app.runs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.WritableValue;
import org.sembridge.app.session.SessionPartReader;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.run.BiasMode;
import org.sembridge.engine.run.TransferRequest;
import org.sembridge.engine.run.UnknownBridgeRule;
import org.sembridge.engine.transfer.baseline.Alpha;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;

/// The values of the run form and their validation: method, alpha (as a number for the slider and
/// as text for the field, kept in sync), decoder-bias mode, overlap options, seed and run name.
///
/// The alpha field accepts any number in `[1, 8]`; anything else leaves alpha unchanged and sets
/// [#alphaErrorProperty()] to the engine's message. The run name defaults to
/// `<method>[-a<alpha>]-<language>` (`sembridge-a4-ko`, `ofa-ko`), made unique with `-2`, `-3`, ...;
/// it follows the method, alpha and language until the user types a name of their own. A name
/// must be a plain folder name and must not be taken in the workspace.
///
/// FX thread only; toolkit-free.
public final class RunForm {

    /// Letters, digits, `.`, `_`, `-`; not starting with `.` (hidden folders are staging folders).
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_-][\\p{L}\\p{N}._-]*");

    private final Predicate<String> nameTaken;
    private final ObjectProperty<MethodChoice> method = new SimpleObjectProperty<>(MethodChoice.of(MethodChoice.SEMBRIDGE));
    private final DoubleProperty alpha = new SimpleDoubleProperty(TransferRequest.DEFAULT_ALPHA);
    private final StringProperty alphaText = new SimpleStringProperty(format(TransferRequest.DEFAULT_ALPHA));
    private final ReadOnlyStringWrapper alphaError = new ReadOnlyStringWrapper("");
    private final ObjectProperty<BiasMode> biasMode = new SimpleObjectProperty<>(BiasMode.INDEX);
    private final BooleanProperty fuzzy = new SimpleBooleanProperty(false);
    private final BooleanProperty symbols = new SimpleBooleanProperty(false);
    private final BooleanProperty mapSpecials = new SimpleBooleanProperty(true);
    private final ObjectProperty<UnknownBridgeRule> unknownBridge = new SimpleObjectProperty<>(UnknownBridgeRule.ENTMAX);
    private final ObjectProperty<Long> seed = new SimpleObjectProperty<>(TransferRequest.DEFAULT_SEED);
    private final StringProperty language = new SimpleStringProperty("xx");
    private final StringProperty recordedLanguage = new SimpleStringProperty("");
    private final StringProperty runName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final BooleanBinding alphaEnabled = Bindings.createBooleanBinding(() -> method.get().hasAlpha(), method);
    private String automaticName = "";
    private boolean syncingAlpha;

    /// A form whose run names must not satisfy `nameTaken` (a folder of that name exists in the
    /// workspace's `runs/`, or a run of that name is open).
    public RunForm(Predicate<String> nameTaken) {
        this.nameTaken = Objects.requireNonNull(nameTaken, "nameTaken");
        alpha.addListener((obs, old, now) -> syncAlphaText(now.doubleValue()));
        alphaText.addListener((obs, old, now) -> parseAlphaText(now));
        method.addListener((obs, old, now) -> refreshName());
        alpha.addListener((obs, old, now) -> refreshName());
        language.addListener((obs, old, now) -> refreshName());
        runName.addListener((obs, old, now) -> validateName());
        refreshName();
    }

    public ObjectProperty<MethodChoice> methodProperty() {
        return method;
    }

    /// The entmax order, `[1, 8]`; read only by `sembridge`.
    public DoubleProperty alphaProperty() {
        return alpha;
    }

    /// Alpha as the user types it; a valid number updates [#alphaProperty()].
    public StringProperty alphaTextProperty() {
        return alphaText;
    }

    /// Why the alpha text is not accepted; empty when it is.
    public ReadOnlyStringProperty alphaErrorProperty() {
        return alphaError.getReadOnlyProperty();
    }

    /// Whether alpha applies: only `sembridge` reads it.
    public BooleanBinding alphaEnabledBinding() {
        return alphaEnabled;
    }

    public ObjectProperty<BiasMode> biasModeProperty() {
        return biasMode;
    }

    /// Also copy target tokens equal up to case and the word-start marker.
    public BooleanProperty fuzzyProperty() {
        return fuzzy;
    }

    /// Copy each target special token from the source special of the same role (default on, as
    /// `init --map-specials`; off is the paper's behaviour).
    public BooleanProperty mapSpecialsProperty() {
        return mapSpecials;
    }

    /// What new tokens whose bridge text embeds like the bridge's unknown token get (default
    /// entmax, as `init --unknown-bridge`).
    public ObjectProperty<UnknownBridgeRule> unknownBridgeProperty() {
        return unknownBridge;
    }

    /// First copy numbers, punctuation and special tokens by exact or fuzzy form.
    public BooleanProperty symbolsProperty() {
        return symbols;
    }

    /// The seed of the random baselines; `null` while the field is empty (the default is used).
    public ObjectProperty<Long> seedProperty() {
        return seed;
    }

    /// The target language in the default run name, e.g. `ko` (the target tokenizer's folder name).
    public StringProperty languageProperty() {
        return language;
    }

    /// The target language the user names for `run.json` (e.g. `ko`); blank lets the engine infer
    /// it (the tokenizer folder's language code, else the scripts of the new tokens).
    public StringProperty recordedLanguageProperty() {
        return recordedLanguage;
    }

    /// The run's folder name below the workspace's `runs/`.
    public StringProperty runNameProperty() {
        return runName;
    }

    /// Why the run name cannot be used; empty when it can.
    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    /// The default name for the current method, alpha and language: `sembridge-a4-ko`, `ofa-ko`.
    public String defaultName() {
        MethodChoice choice = method.get();
        String base = choice.name() + (choice.hasAlpha() ? "-a" + format(alpha.get()) : "") + "-" + language.get();
        String name = base;
        for (int n = 2; nameTaken.test(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /// Re-derives the default name (unless the user typed one) and re-checks the name; call after
    /// a run was written or closed, since that changes which names are taken.
    public void refreshName() {
        if (runName.get().isBlank() || runName.get().equals(automaticName)) {
            automaticName = defaultName();
            runName.set(automaticName);
        }
        validateName();
    }

    /// The language of a target tokenizer path: its folder name (the parent's for a
    /// `tokenizer.json` file), reduced to letters, digits, `.`, `_` and `-`.
    public static String languageOf(Path targetTokenizer) {
        Path folder = targetTokenizer.getFileName() != null && targetTokenizer.getFileName().toString().endsWith(".json")
                ? targetTokenizer.getParent()
                : targetTokenizer;
        String name = folder == null || folder.getFileName() == null ? "" : folder.getFileName().toString();
        String cleaned = name.replaceAll("[^\\p{L}\\p{N}._-]", "-").replaceAll("^[.]+", "");
        return cleaned.isEmpty() ? "target" : cleaned;
    }

    /// The engine request for these values.
    ///
    /// @param bridge the bridge folder; may be `null` for methods that read no bridge
    /// @throws InputFormatException when the alpha text is not accepted or the engine refuses a
    ///     value
    public TransferRequest request(Path source, Path targetTokenizer, Path bridge, DeviceChoice device, Path out)
            throws InputFormatException {
        if (method.get().hasAlpha() && !alphaError.get().isEmpty()) {
            throw new InputFormatException(alphaError.get());
        }
        return TransferRequest.builder(source, targetTokenizer, method.get().name(), out)
                .optBridge(bridge)
                .optAlpha(alpha.get())
                .optBiasMode(biasMode.get())
                .optOverlap(fuzzy.get(), symbols.get(), mapSpecials.get())
                .optUnknownBridge(unknownBridge.get())
                .optDevice(device)
                .optSeed(seed.get() == null ? TransferRequest.DEFAULT_SEED : seed.get())
                .optLanguage(recordedLanguage.get())
                .build();
    }

    /// The form's values as JSON; the run name only when the user typed one.
    public JsonObject save() {
        return new RunFormState(method.get().name(), alpha.get(), biasMode.get(), fuzzy.get(), symbols.get(),
                mapSpecials.get(), unknownBridge.get(), seed.get() == null ? TransferRequest.DEFAULT_SEED : seed.get(),
                recordedLanguage.get().isBlank() ? null : recordedLanguage.get().strip(),
                runName.get().equals(automaticName) ? null : runName.get()).toJson();
    }

    /// Restores values written by [#save()]. Every usable field is restored; a field of the wrong
    /// type or an unknown method or bias mode keeps the current value and is then reported in one
    /// [org.sembridge.app.session.SessionFieldException] naming each field, what was expected and
    /// what was found. An alpha outside `[1, 8]` shows in [#alphaErrorProperty()] as if typed.
    public void restore(JsonElement state) {
        SessionPartReader fields = new SessionPartReader(state);
        RunFormState saved = RunFormState.fromJson(fields);
        if (saved.method() != null) {
            method.set(MethodChoice.of(saved.method()));
        }
        if (saved.alpha() != null) {
            alphaText.set(format(saved.alpha()));
        }
        setIfSaved(saved.biasMode(), biasMode);
        setIfSaved(saved.fuzzy(), fuzzy);
        setIfSaved(saved.symbols(), symbols);
        setIfSaved(saved.mapSpecials(), mapSpecials);
        setIfSaved(saved.unknownBridge(), unknownBridge);
        setIfSaved(saved.seed(), seed);
        setIfSaved(saved.language(), recordedLanguage);
        setIfSaved(saved.runName(), runName);
        fields.finish();
    }

    private static <T> void setIfSaved(T value, WritableValue<? super T> property) {
        if (value != null) {
            property.setValue(value);
        }
    }

    /// Alpha as the field shows it: at most two decimals, no trailing zeros (`4`, `4.5`, `2.25`).
    static String format(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private void syncAlphaText(double value) {
        if (syncingAlpha) {
            return;
        }
        syncingAlpha = true;
        try {
            alphaText.set(format(value));
            alphaError.set("");
        } finally {
            syncingAlpha = false;
        }
    }

    private void parseAlphaText(String text) {
        if (syncingAlpha) {
            return;
        }
        double value;
        try {
            value = Alpha.parse(text).value();
        } catch (InputFormatException e) {
            alphaError.set(e.getMessage());
            return;
        }
        alphaError.set("");
        syncingAlpha = true;
        try {
            alpha.set(value);
        } finally {
            syncingAlpha = false;
        }
    }

    private void validateName() {
        String name = runName.get().strip();
        if (name.isEmpty()) {
            nameError.set("Give the run a name: it becomes its folder in the workspace");
        } else if (!NAME.matcher(name).matches()) {
            nameError.set("run name \"" + name + "\" may use letters, digits, '.', '_' and '-' only, "
                    + "and must not start with '.'");
        } else if (nameTaken.test(name)) {
            nameError.set("a run named \"" + name + "\" already exists in the workspace; choose another name");
        } else {
            nameError.set("");
        }
    }
}
