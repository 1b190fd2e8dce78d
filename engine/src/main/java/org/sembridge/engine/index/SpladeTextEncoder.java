package org.sembridge.engine.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.encoder.DeviceSelection;
import org.sembridge.engine.encoder.SparseEncoder;
import org.sembridge.engine.encoder.SparseVector;
import org.sembridge.engine.encoder.SpladeSettings;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// The [SparseTextEncoder] of a real SPLADE model: adapts
/// `org.sembridge.engine.encoder.SparseEncoder` (token ids) to the token strings the index uses.
///
/// A token id becomes its vocabulary string (`tokenizer.tokens()`); ids the model scores but the
/// tokenizer does not name (a model vocabulary padded beyond the tokenizer) become `[id:N]`; two
/// ids with the same string (possible with added tokens) keep the larger weight, as SPLADE's max
/// pooling would. Inference-free tokens come from the same vocabulary, so they always match the
/// document side. The fingerprint is [ModelFingerprint] of the model folder.
///
/// Owns the encoder: [#close()] frees the model. One thread at a time.
public final class SpladeTextEncoder implements SparseTextEncoder, AutoCloseable {

    private final SparseEncoder encoder;
    private final String fingerprint;
    private final List<String> vocabulary;

    /// Wraps a loaded encoder.
    ///
    /// @param fingerprint identifies the model; [ModelFingerprint#of] for a model folder
    public SpladeTextEncoder(SparseEncoder encoder, String fingerprint) {
        this.encoder = encoder;
        this.fingerprint = fingerprint;
        this.vocabulary = encoder.vocabulary();
    }

    /// Loads the SPLADE model in `modelFolder` onto `device` (resolved once the tokenizer's native
    /// build has started, see [SparseEncoder#load(HfModelFolder, DeviceSelection, SpladeSettings)])
    /// and fingerprints it (on a second thread while the model loads).
    ///
    /// @throws ModelFormatException when the folder is not a usable masked-LM model
    /// @throws E when the device asked for is not usable
    public static <E extends Exception> SpladeTextEncoder load(Path modelFolder, DeviceSelection<E> device,
            SpladeSettings settings) throws ModelFormatException, E {
        HfModelFolder folder = HfModelFolder.open(modelFolder);
        ModelFingerprint.Pending fingerprint = ModelFingerprint.start(folder);
        SparseEncoder encoder;
        try {
            encoder = SparseEncoder.load(folder, device, settings);
        } catch (Exception | Error e) {
            fingerprint.cancel();
            throw e;
        }
        try {
            return new SpladeTextEncoder(encoder, fingerprint.await());
        } catch (ModelFormatException | RuntimeException | Error e) {
            encoder.close();
            throw e;
        }
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public List<TermWeights> encode(List<String> texts, ProgressListener progress, CancellationToken cancel)
            throws InputFormatException, OperationCancelledException {
        List<SparseVector> vectors = encoder.encode(texts, progress, cancel);
        List<TermWeights> result = new ArrayList<>(vectors.size());
        for (SparseVector vector : vectors) {
            Map<String, Float> weights = new LinkedHashMap<>();
            for (int i = 0; i < vector.size(); i++) {
                weights.merge(tokenString(vector.tokenIds()[i]), vector.weights()[i], Math::max);
            }
            result.add(TermWeights.of(weights));
        }
        return result;
    }

    @Override
    public List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        for (int id : encoder.tokenizer().tokenIds(text)) {
            tokens.add(tokenString(id));
        }
        return tokens;
    }

    private String tokenString(int id) {
        String token = id < vocabulary.size() ? vocabulary.get(id) : null;
        return token != null ? token : "[id:" + id + "]";
    }

    /// Frees the model and its tokenizer.
    @Override
    public void close() {
        encoder.close();
    }
}
