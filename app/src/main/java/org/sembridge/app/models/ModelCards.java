package org.sembridge.app.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sembridge.app.common.Formats;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.workflow.ModelDescription;
import org.sembridge.engine.workflow.ModelInspection;
import org.sembridge.engine.workflow.TokenizerDescription;

/// Turns what the engine's [ModelInspection] reads from a model folder into a [ModelCard] with
/// units. Runs on the engine thread (it reads files).
final class ModelCards {

    private ModelCards() {
    }

    /// Shown digits of a SHA-256 fingerprint: enough to tell two checkpoints apart at a glance.
    private static final int FINGERPRINT_DIGITS = 16;

    static ModelCard describe(ModelInspection inspection, ModelRole role, Path path, String sampleText)
            throws ModelFormatException, IOException {
        ModelCard card = switch (role) {
            case SOURCE, BRIDGE -> encoderCard(role, path, inspection.describeModel(path));
            case TARGET -> tokenizerCard(path, inspection.describeTokenizer(path, sampleText));
        };
        return card.withField(new CardField("fingerprint", fingerprint(inspection, role, path)));
    }

    /// The SHA-256 of the model's or tokenizer's files (the same hash a run's `run.json` records
    /// for its inputs), memoised by size and modification time so a reload is instant.
    private static String fingerprint(ModelInspection inspection, ModelRole role, Path path) throws IOException {
        String hash = role == ModelRole.TARGET ? inspection.tokenizerHash(path) : inspection.modelHash(path);
        return "sha256 " + hash.substring(0, Math.min(FINGERPRINT_DIGITS, hash.length())) + "…";
    }

    private static ModelCard encoderCard(ModelRole role, Path path, ModelDescription s) {
        List<CardField> fields = new ArrayList<>();
        fields.add(new CardField("family", s.family() + " " + String.join(", ", s.architectures())));
        fields.add(new CardField("layers", s.layers() + " × hidden " + s.hiddenSize() + ", " + s.heads()
                + " heads, FFN " + s.intermediateSize()));
        fields.add(new CardField("vocabulary", Formats.count(s.vocabSize()) + " tokens"));
        fields.add(new CardField("max length", s.maxTokens() + " tokens per text"));
        fields.add(new CardField("dtype", (s.declaredDtype().isEmpty() ? "not declared" : s.declaredDtype())
                + ", stored " + s.elementsByStorageDtype().keySet()));
        fields.add(new CardField("parameters", Formats.count(s.parameterCount()) + " (" + Formats.millions(s.parameterCount()) + ")"));
        fields.add(new CardField("MLM head", s.hasMlmHead() ? "yes" : "no"));
        fields.add(new CardField("decoder", s.tiedDecoder() ? "tied to the embeddings" : s.decoderDescription()));
        s.pooling().ifPresent(pooling -> fields.add(new CardField("pooling",
                pooling.mode() + (pooling.normalize() ? " + L2 normalise" : ""))));
        fields.add(new CardField("tokenizer", String.valueOf(s.tokenizerFile().getFileName())));
        String headline = s.family() + " · " + Formats.millions(s.parameterCount()) + " parameters · "
                + Formats.count(s.vocabSize()) + " tokens";
        return new ModelCard(role, path, headline, fields, null);
    }

    private static ModelCard tokenizerCard(Path path, TokenizerDescription s) {
        List<CardField> fields = new ArrayList<>();
        fields.add(new CardField("vocabulary", Formats.count(s.vocabSize()) + " tokens"));
        fields.add(new CardField("scheme", s.scheme()));
        fields.add(new CardField("special tokens", Integer.toString(s.specialTokens())));
        fields.add(new CardField("file", String.valueOf(s.source().getFileName())));
        if (!s.sampleTokens().isEmpty()) {
            fields.add(new CardField("sample split", String.join(" · ", s.sampleTokens())));
        }
        String headline = s.scheme() + " · " + Formats.count(s.vocabSize()) + " tokens";
        return new ModelCard(ModelRole.TARGET, path, headline, fields, null);
    }
}
