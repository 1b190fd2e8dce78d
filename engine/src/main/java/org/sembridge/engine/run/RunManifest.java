package org.sembridge.engine.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.confinement.FolderConfinement;
import org.sembridge.engine.io.FormatVersion;
import org.sembridge.engine.io.JsonText;
import org.sembridge.engine.io.ReadFailure;
import org.sembridge.engine.io.Utf8Text;
import org.sembridge.engine.vocab.OverlapOptions;

import static org.sembridge.engine.run.RunManifestKeys.*;

/// A run's `run.json`: what was run, on what, how, how long, and what came out.
///
/// ```
/// {"format": "sembridge-run", "format_version": 1,
///  "no_op": false, "no_op_reason": "",          // true when the target adds no token
///  "method": "sembridge",
///  "parameters": {"alpha": 4.0, "bias_mode": "index", "overlap": {...}, "device": "auto", "seed": 42, ...},
///  "inputs": {"source": {"path": ..., "sha256": ...}, "target_tokenizer": {...},
///             "bridge": {"path", "sha256", "kind": "model"|"precomputed", "dimension",
///                        "source_cache_key", "target_cache_key", "source_origin", "target_origin"}},
///  "source": {"family", "vocab_size", "hidden_size", "decoder", "replaced_tensors": [...]},
///  "target": {"language": "ko", "language_origin": "option"|"tokenizer_folder"|"vocabulary_scripts",
///             "scripts": {"hangul": n, ...},      // TargetLanguage; absent in runs before it
///             "languages": ["ko", ...]},          // the languages it covers; absent in older runs
///  "counts": {"target_tokens", "overlap", "new", "special", "special_copied", "special_built",
///             "match_kinds": {...}, "support_histogram": {"1": n, ...}, "rows_solved": {...}},
///  "timings_seconds": {"<stage>": s, ..., "total": s},
///  "decisions": ["...", ...], "config_edits": [{"key", "source", "written", "note"}, ...],
///  "provenance": {...}}                         // engine, JDK, OS, device, timestamps
/// ```
///
/// The keys are [RunManifestKeys], shared with the writer ([RunManifestBuilder]). A manifest
/// without `format_version` reads as version 1; a newer version than [#FORMAT_VERSION] is refused
/// ([org.sembridge.engine.io.FormatVersion]).
///
/// Instances wrap the parsed document; the typed accessors cover what the inspector and the
/// interactive alignment need, [#json()] gives the whole document.
public final class RunManifest {

    /// File name inside a run folder.
    public static final String FILE_NAME = "run.json";
    /// Value of `format`.
    public static final String FORMAT = "sembridge-run";
    /// Value of `format_version` written by this engine.
    public static final int FORMAT_VERSION = 1;

    private final Path file;
    private final JsonObject root;

    RunManifest(Path file, JsonObject root) {
        this.file = file;
        this.root = root;
    }

    /// Reads and checks a `run.json`.
    ///
    /// @throws InputFormatException naming the file when it is missing, not JSON, or not a
    ///     SemBridge run manifest, or a field has the wrong type ([RunManifestSchema]: the
    ///     message names the field)
    public static RunManifest read(Path file) throws InputFormatException {
        JsonElement parsed;
        try {
            parsed = JsonText.parse(Utf8Text.read(file, InputFormatException::new), file, InputFormatException::new);
        } catch (IOException e) {
            throw new InputFormatException(file + ": cannot be read (" + ReadFailure.reason((IOException) e.getCause())
                    + "); is this a run folder written by `sembridge init`?", e);
        }
        JsonElement format = parsed.isJsonObject() ? parsed.getAsJsonObject().get(FORMAT_KEY) : null;
        if (format == null || !format.isJsonPrimitive() || !FORMAT.equals(format.getAsString())) {
            throw new InputFormatException(file + ": not a SemBridge run manifest (expected \"format\": \"" + FORMAT
                    + "\")");
        }
        RunManifestSchema.check(file, parsed.getAsJsonObject());
        RunManifestKeys.VERSION.read(parsed.getAsJsonObject(), file, InputFormatException::new);
        return new RunManifest(file, parsed.getAsJsonObject());
    }

    /// The file read.
    public Path file() {
        return file;
    }

    /// The `format_version` the run was written with ([#FORMAT_VERSION] for this engine; 1 for a
    /// manifest without one, written before the field existed).
    public int formatVersion() {
        JsonElement version = root.get(FORMAT_VERSION_KEY);
        return version == null || version.isJsonNull() ? FormatVersion.UNVERSIONED : version.getAsInt();
    }

    /// The target language the run recorded (`target.language`, see [TargetLanguage]); empty for
    /// runs written before the manifest recorded one, whose readers fall back to their own
    /// inference.
    public Optional<TargetLanguage> targetLanguage() {
        JsonElement target = root.get(TARGET);
        if (target == null || !target.isJsonObject()) {
            return Optional.empty();
        }
        JsonObject object = target.getAsJsonObject();
        Optional<String> code = optString(object, LANGUAGE).filter(c -> !c.isBlank());
        if (code.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> scripts = new LinkedHashMap<>();
        JsonElement counted = object.get(SCRIPTS);
        if (counted != null && counted.isJsonObject()) {
            counted.getAsJsonObject().entrySet().forEach(e -> scripts.put(e.getKey(), e.getValue().getAsInt()));
        }
        TargetLanguage.Origin origin = TargetLanguage.Origin.fromJsonName(optString(object, LANGUAGE_ORIGIN).orElse(""));
        JsonElement languages = object.get(LANGUAGES);
        if (languages == null || !languages.isJsonArray()) {
            // written before runs recorded the languages they cover
            return Optional.of(new TargetLanguage(code.get(), origin, scripts));
        }
        List<String> covered = new ArrayList<>();
        languages.getAsJsonArray().forEach(e -> {
            if (e.isJsonPrimitive() && !e.getAsString().isBlank()) {
                covered.add(e.getAsString().strip());
            }
        });
        return Optional.of(new TargetLanguage(code.get(), origin, scripts, covered));
    }

    /// The initializer name, e.g. `sembridge`.
    public String method() {
        return root.get(METHOD).getAsString();
    }

    /// The entmax order the run used (recorded for every method; only weight-based methods read it).
    public double alpha() {
        return parameters().get(ALPHA).getAsDouble();
    }

    /// The decoder-bias mode.
    public BiasMode biasMode() throws InputFormatException {
        return BiasMode.parse(parameters().get(BIAS_MODE).getAsString());
    }

    /// The seed of the random baselines.
    public long seed() {
        return parameters().get(SEED).getAsLong();
    }

    /// Which target tokens the run copied from the source.
    public OverlapOptions overlap() {
        JsonObject overlap = parameters().getAsJsonObject(OVERLAP);
        return new OverlapOptions(overlap.get(EXACT).getAsBoolean(), overlap.get(FUZZY).getAsBoolean(),
                overlap.get(SYMBOLS).getAsBoolean(),
                overlap.has(SPECIALS_BY_ROLE) && overlap.get(SPECIALS_BY_ROLE).getAsBoolean());
    }

    /// Whether the target tokenizer added no new token (every target token overlapped).
    public boolean noOp() {
        return root.has(NO_OP) && root.get(NO_OP).getAsBoolean();
    }

    /// The source model folder as given to the run (recorded absolute; a relative path edited in
    /// by hand resolves against the run folder). A reference to another folder, only ever read.
    public Path sourcePath() {
        return FolderConfinement.relativeToFile(file, input(SOURCE).get(PATH).getAsString());
    }

    /// The SHA-256 content hash of the source model folder, as `ContentHash#ofModelFolder` gave it.
    public String sourceSha256() {
        return input(SOURCE).get(SHA256).getAsString();
    }

    /// The target tokenizer (folder or `tokenizer.json`) as given to the run, if recorded (a
    /// relative path edited in by hand resolves against the run folder). Only ever read.
    public Optional<Path> targetTokenizerPath() {
        JsonElement inputs = root.get(INPUTS);
        if (inputs == null || !inputs.isJsonObject()) {
            return Optional.empty();
        }
        JsonElement tokenizer = inputs.getAsJsonObject().get(TARGET_TOKENIZER);
        return tokenizer == null || !tokenizer.isJsonObject() ? Optional.empty()
                : optString(tokenizer.getAsJsonObject(), PATH).map(p -> FolderConfinement.relativeToFile(file, p));
    }

    /// The SHA-256 content hash of the target tokenizer's folder, as
    /// `ContentHash#ofTokenizerFolder` gave it.
    public String targetTokenizerSha256() {
        return input(TARGET_TOKENIZER).get(SHA256).getAsString();
    }

    /// The bridge (model folder or precomputed file) as given to the run, if the run had one.
    public Optional<Path> bridgePath() {
        return bridge().map(b -> FolderConfinement.relativeToFile(file, b.get(PATH).getAsString()));
    }

    /// The SHA-256 content hash of the bridge (model folder or file), if the run had one.
    public Optional<String> bridgeSha256() {
        return bridge().map(b -> b.get(SHA256).getAsString());
    }

    /// Whether the bridge was a precomputed bridge-vector file (else a model folder).
    public boolean precomputedBridge() {
        return bridge().map(b -> KIND_PRECOMPUTED.equals(b.get(KIND).getAsString())).orElse(false);
    }

    /// The width of the bridge vectors the run used, as recorded in `inputs.bridge.dimension`
    /// (empty when the run had no bridge, or the manifest records no whole number in
    /// `[1, 65536]` there).
    public Optional<Integer> bridgeDimension() {
        return bridge().flatMap(b -> {
            JsonElement value = b.get("dimension");
            if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
                return Optional.empty();
            }
            double width = value.getAsDouble();
            return width >= 1 && width <= 1 << 16 && width == Math.rint(width)
                    ? Optional.of((int) width) : Optional.empty();
        });
    }

    /// The bridge-vector cache key of the source vocabulary, when the run embedded with a bridge
    /// model.
    public Optional<String> sourceBridgeKey() {
        return bridge().flatMap(b -> optString(b, SOURCE_CACHE_KEY));
    }

    /// The bridge-vector cache key of the target vocabulary, as [#sourceBridgeKey()].
    public Optional<String> targetBridgeKey() {
        return bridge().flatMap(b -> optString(b, TARGET_CACHE_KEY));
    }

    /// Target-token counts: `target_tokens`, `overlap`, `new`, `special`, ...
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : root.getAsJsonObject(COUNTS).entrySet()) {
            if (entry.getValue().isJsonPrimitive()) {
                counts.put(entry.getKey(), entry.getValue().getAsInt());
            }
        }
        return counts;
    }

    /// Seconds per stage, in order, plus `total`.
    public Map<String, Double> timingsSeconds() {
        Map<String, Double> timings = new LinkedHashMap<>();
        root.getAsJsonObject(TIMINGS_SECONDS).entrySet()
                .forEach(e -> timings.put(e.getKey(), e.getValue().getAsDouble()));
        return timings;
    }

    /// The whole document, pretty-printed.
    public String json() {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    /// The parsed document (engine-internal; callers outside the engine use the accessors).
    JsonObject root() {
        return root;
    }

    private JsonObject parameters() {
        return root.getAsJsonObject(PARAMETERS);
    }

    private JsonObject input(String name) {
        return root.getAsJsonObject(INPUTS).getAsJsonObject(name);
    }

    private Optional<JsonObject> bridge() {
        JsonElement bridge = root.getAsJsonObject(INPUTS).get(BRIDGE);
        return bridge == null || bridge.isJsonNull() ? Optional.empty() : Optional.of(bridge.getAsJsonObject());
    }

    private static Optional<String> optString(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value.getAsString());
    }
}
