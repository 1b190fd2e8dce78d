package org.sembridge.engine.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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
        try {
            return compare(RunManifest.read(manifestFile), request, inputs);
        } catch (InputFormatException e) {
            return Optional.of("the earlier run.json cannot be read (" + e.getMessage() + ")");
        } catch (IllegalStateException | NullPointerException | UnsupportedOperationException
                | ClassCastException e) {
            return Optional.of("the earlier run.json lacks a field (" + e + ")");
        }
    }

    private static Optional<String> compare(RunManifest run, TransferRequest request, InputHashes inputs)
            throws InputFormatException {
        if (run.formatVersion() != RunManifest.FORMAT_VERSION) {
            return Optional.of("run format " + run.formatVersion() + " instead of " + RunManifest.FORMAT_VERSION);
        }
        if (!run.method().equals(request.method())) {
            return Optional.of("method " + run.method() + " instead of " + request.method());
        }
        if (run.alpha() != request.alpha()) {
            return Optional.of("alpha " + run.alpha() + " instead of " + request.alpha());
        }
        if (run.biasMode() != request.biasMode()) {
            return Optional.of("bias mode " + run.biasMode().cliName() + " instead of " + request.biasMode().cliName());
        }
        if (run.seed() != request.seed()) {
            return Optional.of("seed " + run.seed() + " instead of " + request.seed());
        }
        if (!run.overlap().equals(request.overlap())) {
            return Optional.of("other overlap options " + run.overlap());
        }
        if (!run.sourceSha256().equals(inputs.source())) {
            return Optional.of("the source model changed");
        }
        if (!run.targetTokenizerSha256().equals(inputs.targetTokenizer())) {
            return Optional.of("the target tokenizer changed");
        }
        Optional<String> bridge = run.bridgeSha256();
        if (bridge.isPresent() && !bridge.equals(inputs.bridge())) {
            return Optional.of("the bridge changed");
        }
        return Optional.empty();
    }

    /// The content hashes of a transfer's inputs, as `run.json` records them.
    ///
    /// @param source          `ContentHash#ofModelFolder` of the source model
    /// @param targetTokenizer `ContentHash#ofTokenizerFolder` of the target tokenizer's folder
    /// @param bridge          the bridge's hash (model folder or file); empty without a bridge
    record InputHashes(String source, String targetTokenizer, Optional<String> bridge) {
    }
}
