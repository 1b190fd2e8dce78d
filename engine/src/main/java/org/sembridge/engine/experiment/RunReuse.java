package org.sembridge.engine.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.run.RunManifest;
import org.sembridge.engine.run.TransferRequest;

/// Decides whether an existing run folder already holds the transfer a request asks for, so that
/// the experiment can use it instead of running the transfer again.
///
/// A run is reusable when its `run.json` (format version [RunManifest#FORMAT_VERSION]) records the
/// same method, alpha, decoder-bias mode, seed and overlap options as the request, and the same
/// SHA-256 content hashes of the source model, the target tokenizer and (when the run read one)
/// the bridge as the inputs have now. The device is not compared: it changes where the numbers
/// are computed, not what they are.
final class RunReuse {

    private RunReuse() {
    }

    /// Why the run in `request.out()` cannot stand in for `request`; empty when it can.
    ///
    /// @param inputs the current content hashes of the request's inputs
    static Optional<String> mismatch(TransferRequest request, InputHashes inputs) {
        Path manifestFile = request.out().resolve(RunManifest.FILE_NAME);
        if (!Files.isRegularFile(manifestFile)) {
            return Optional.of("no earlier run");
        }
        JsonObject root;
        try {
            root = JsonParser.parseString(RunManifest.read(manifestFile).json()).getAsJsonObject();
        } catch (InputFormatException e) {
            return Optional.of("the earlier run.json cannot be read (" + e.getMessage() + ")");
        }
        try {
            return compare(root, request, inputs);
        } catch (IllegalStateException | NullPointerException | UnsupportedOperationException
                | ClassCastException e) {
            return Optional.of("the earlier run.json lacks a field (" + e + ")");
        }
    }

    private static Optional<String> compare(JsonObject root, TransferRequest request, InputHashes inputs) {
        if (root.get("format_version").getAsInt() != RunManifest.FORMAT_VERSION) {
            return Optional.of("run format " + root.get("format_version") + " instead of " + RunManifest.FORMAT_VERSION);
        }
        JsonObject parameters = root.getAsJsonObject("parameters");
        JsonObject overlap = parameters.getAsJsonObject("overlap");
        JsonObject recorded = root.getAsJsonObject("inputs");
        String method = root.get("method").getAsString();
        if (!method.equals(request.method())) {
            return Optional.of("method " + method + " instead of " + request.method());
        }
        if (parameters.get("alpha").getAsDouble() != request.alpha()) {
            return Optional.of("alpha " + parameters.get("alpha").getAsDouble() + " instead of " + request.alpha());
        }
        if (!parameters.get("bias_mode").getAsString().equals(request.biasMode().cliName())) {
            return Optional.of("bias mode " + parameters.get("bias_mode").getAsString() + " instead of "
                    + request.biasMode().cliName());
        }
        if (parameters.get("seed").getAsLong() != request.seed()) {
            return Optional.of("seed " + parameters.get("seed").getAsLong() + " instead of " + request.seed());
        }
        if (overlap.get("exact").getAsBoolean() != request.overlap().exact()
                || overlap.get("fuzzy").getAsBoolean() != request.overlap().fuzzy()
                || overlap.get("symbols").getAsBoolean() != request.overlap().symbols()) {
            return Optional.of("other overlap options " + overlap);
        }
        if (!hashOf(recorded, "source").equals(inputs.source())) {
            return Optional.of("the source model changed");
        }
        if (!hashOf(recorded, "target_tokenizer").equals(inputs.targetTokenizer())) {
            return Optional.of("the target tokenizer changed");
        }
        JsonElement bridge = recorded.get("bridge");
        boolean readBridge = bridge != null && !bridge.isJsonNull();
        if (readBridge && !inputs.bridge().map(hashOf(recorded, "bridge")::equals).orElse(false)) {
            return Optional.of("the bridge changed");
        }
        return Optional.empty();
    }

    private static String hashOf(JsonObject inputs, String name) {
        return inputs.getAsJsonObject(name).get("sha256").getAsString();
    }

    /// The content hashes of a transfer's inputs, as `run.json` records them.
    ///
    /// @param source          `ContentHash#ofModelFolder` of the source model
    /// @param targetTokenizer `ContentHash#ofTokenizerFolder` of the target tokenizer's folder
    /// @param bridge          the bridge's hash (model folder or file); empty without a bridge
    record InputHashes(String source, String targetTokenizer, Optional<String> bridge) {
    }
}
