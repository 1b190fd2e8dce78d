package org.sembridge.engine.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.confinement.FolderConfinement;
import org.sembridge.engine.io.JsonText;
import org.sembridge.engine.io.ReadFailure;
import org.sembridge.engine.io.Utf8Text;
import org.sembridge.engine.vocab.OverlapOptions;

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
///  "target": {"vocab_size", "scheme"},
///  "counts": {"target_tokens", "overlap", "new", "special", "special_copied", "special_built",
///             "match_kinds": {...}, "support_histogram": {"1": n, ...}, "rows_solved": {...}},
///  "timings_seconds": {"<stage>": s, ..., "total": s},
///  "decisions": ["...", ...], "config_edits": [{"key", "source", "written", "note"}, ...],
///  "provenance": {...}}                         // engine, JDK, OS, device, timestamps
/// ```
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
        JsonElement format = parsed.isJsonObject() ? parsed.getAsJsonObject().get("format") : null;
        if (format == null || !format.isJsonPrimitive() || !FORMAT.equals(format.getAsString())) {
            throw new InputFormatException(file + ": not a SemBridge run manifest (expected \"format\": \"" + FORMAT
                    + "\")");
        }
        RunManifestSchema.check(file, parsed.getAsJsonObject());
        return new RunManifest(file, parsed.getAsJsonObject());
    }

    /// The file read.
    public Path file() {
        return file;
    }

    /// The `format_version` the run was written with ([#FORMAT_VERSION] for this engine).
    public int formatVersion() {
        return root.get("format_version").getAsInt();
    }

    /// The initializer name, e.g. `sembridge`.
    public String method() {
        return root.get("method").getAsString();
    }

    /// The entmax order the run used (recorded for every method; only weight-based methods read it).
    public double alpha() {
        return parameters().get("alpha").getAsDouble();
    }

    /// The decoder-bias mode.
    public BiasMode biasMode() throws InputFormatException {
        return BiasMode.parse(parameters().get("bias_mode").getAsString());
    }

    /// The seed of the random baselines.
    public long seed() {
        return parameters().get("seed").getAsLong();
    }

    /// Which target tokens the run copied from the source.
    public OverlapOptions overlap() {
        JsonObject overlap = parameters().getAsJsonObject("overlap");
        return new OverlapOptions(overlap.get("exact").getAsBoolean(), overlap.get("fuzzy").getAsBoolean(),
                overlap.get("symbols").getAsBoolean());
    }

    /// Whether the target tokenizer added no new token (every target token overlapped).
    public boolean noOp() {
        return root.has("no_op") && root.get("no_op").getAsBoolean();
    }

    /// The source model folder as given to the run (recorded absolute; a relative path edited in
    /// by hand resolves against the run folder). A reference to another folder, only ever read.
    public Path sourcePath() {
        return FolderConfinement.relativeToFile(file, input("source").get("path").getAsString());
    }

    /// The SHA-256 content hash of the source model folder, as `ContentHash#ofModelFolder` gave it.
    public String sourceSha256() {
        return input("source").get("sha256").getAsString();
    }

    /// The SHA-256 content hash of the target tokenizer's folder, as
    /// `ContentHash#ofTokenizerFolder` gave it.
    public String targetTokenizerSha256() {
        return input("target_tokenizer").get("sha256").getAsString();
    }

    /// The bridge (model folder or precomputed file) as given to the run, if the run had one.
    public Optional<Path> bridgePath() {
        return bridge().map(b -> FolderConfinement.relativeToFile(file, b.get("path").getAsString()));
    }

    /// The SHA-256 content hash of the bridge (model folder or file), if the run had one.
    public Optional<String> bridgeSha256() {
        return bridge().map(b -> b.get("sha256").getAsString());
    }

    /// Whether the bridge was a precomputed bridge-vector file (else a model folder).
    public boolean precomputedBridge() {
        return bridge().map(b -> "precomputed".equals(b.get("kind").getAsString())).orElse(false);
    }

    /// The bridge-vector cache key of the source vocabulary, when the run embedded with a bridge
    /// model.
    public Optional<String> sourceBridgeKey() {
        return bridge().flatMap(b -> optString(b, "source_cache_key"));
    }

    /// The bridge-vector cache key of the target vocabulary, as [#sourceBridgeKey()].
    public Optional<String> targetBridgeKey() {
        return bridge().flatMap(b -> optString(b, "target_cache_key"));
    }

    /// Target-token counts: `target_tokens`, `overlap`, `new`, `special`, ...
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : root.getAsJsonObject("counts").entrySet()) {
            if (entry.getValue().isJsonPrimitive()) {
                counts.put(entry.getKey(), entry.getValue().getAsInt());
            }
        }
        return counts;
    }

    /// Seconds per stage, in order, plus `total`.
    public Map<String, Double> timingsSeconds() {
        Map<String, Double> timings = new LinkedHashMap<>();
        root.getAsJsonObject("timings_seconds").entrySet()
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
        return root.getAsJsonObject("parameters");
    }

    private JsonObject input(String name) {
        return root.getAsJsonObject("inputs").getAsJsonObject(name);
    }

    private Optional<JsonObject> bridge() {
        JsonElement bridge = root.getAsJsonObject("inputs").get("bridge");
        return bridge == null || bridge.isJsonNull() ? Optional.empty() : Optional.of(bridge.getAsJsonObject());
    }

    private static Optional<String> optString(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value.getAsString());
    }
}
