package org.sembridge.engine.bridge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.encoder.BridgeEncoder;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.provenance.ContentHash;

/// A [TextEmbedder] over the engine's own [BridgeEncoder]: a sentence-transformers folder (e.g.
/// bge-m3) loaded on a device, named by its folder and identified by its content hash.
///
/// Owns the encoder: [#close()] frees it.
public final class BridgeEncoderEmbedder implements TextEmbedder, AutoCloseable {

    private final BridgeEncoder encoder;
    private final String name;
    private final String deviceName;
    private final String modelHash;

    private BridgeEncoderEmbedder(BridgeEncoder encoder, String name, String deviceName, String modelHash) {
        this.encoder = encoder;
        this.name = name;
        this.deviceName = deviceName;
        this.modelHash = modelHash;
    }

    /// Hashes the folder's model files (memoised by `hashes`) and loads the bridge encoder.
    ///
    /// @param folder the bridge model folder
    /// @param device where the encoder runs
    /// @param batchSize texts per forward pass, `>= 1` (see [BridgeEncoder#DEFAULT_BATCH_SIZE])
    /// @param hashes computes the model's content hash
    /// @throws ModelFormatException when the folder cannot be hashed or loaded
    public static BridgeEncoderEmbedder load(HfModelFolder folder, SelectedDevice device, int batchSize,
            ContentHash hashes) throws ModelFormatException {
        String modelHash;
        try {
            modelHash = hashes.ofModelFolder(folder.directory());
        } catch (IOException e) {
            throw new ModelFormatException(folder.directory() + ": cannot hash the bridge model files: "
                    + e.getMessage(), e);
        }
        BridgeEncoder encoder = BridgeEncoder.load(folder, device, batchSize);
        Path fileName = folder.directory().toAbsolutePath().normalize().getFileName();
        return new BridgeEncoderEmbedder(encoder, fileName == null ? folder.directory().toString() : fileName.toString(),
                device.name(), modelHash);
    }

    /// The bridge folder's name, e.g. `bge-m3`.
    @Override
    public String name() {
        return name;
    }

    @Override
    public String deviceName() {
        return deviceName;
    }

    @Override
    public String modelHash() {
        return modelHash;
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    /// Embeds through [BridgeEncoder#embed(List, ProgressListener, CancellationToken)].
    @Override
    public float[][] embed(List<String> texts, ProgressListener progress, CancellationToken cancel)
            throws InputFormatException, OperationCancelledException {
        return encoder.embed(texts, progress, cancel);
    }

    /// The bridge tokenizer's unknown token as a text that encodes to it (`[UNK]`, `<unk>`), if
    /// its vocabulary has one ([SpecialRole#UNK]); embedding it gives the vector every text made
    /// only of unknown characters gets.
    public java.util.Optional<String> unknownTokenText() {
        return encoder.tokenizer().tokens().stream()
                .filter(token -> org.sembridge.engine.vocab.SpecialRole.of(token)
                        .filter(role -> role == org.sembridge.engine.vocab.SpecialRole.UNK).isPresent())
                .findFirst();
    }

    /// Frees the encoder.
    @Override
    public void close() {
        encoder.close();
    }
}
