package org.sembridge.engine.bridge;

import java.util.List;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// A bridge as [BridgeVectorStore] sees it: something that turns texts into dense vectors of a
/// fixed dimension and can name the model content it runs, so results can be cached by content.
///
/// The production implementation is [BridgeEncoderEmbedder] (a sentence-transformers folder run
/// by the engine's DJL encoder); tests use small doubles.
public interface TextEmbedder {

    /// A short human-readable name of the bridge for logs and origins, e.g. `bge-m3`.
    String name();

    /// The device the bridge runs on, e.g. `cpu()` or `gpu(0)`.
    String deviceName();

    /// The content hash of the bridge model (64 hex characters, see
    /// `org.sembridge.engine.provenance.ContentHash#ofModelFolder`); part of every cache key.
    String modelHash();

    /// The length of every vector, `>= 1`.
    int dimension();

    /// Embeds texts, one `float[dimension()]` per text in input order, exactly as the bridge
    /// returns them (normalised or not, as its pipeline says).
    ///
    /// @param texts non-blank texts
    /// @param progress receives `(stage, done, total)` in texts; implementations report at most once
    ///     per batch
    /// @param cancel checked at least once per batch
    /// @throws InputFormatException when a text is blank
    /// @throws OperationCancelledException when `cancel` was set; nothing is returned
    float[][] embed(List<String> texts, ProgressListener progress, CancellationToken cancel)
            throws InputFormatException, OperationCancelledException;
}
