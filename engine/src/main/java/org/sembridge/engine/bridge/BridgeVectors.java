package org.sembridge.engine.bridge;

import java.util.List;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.transfer.FloatMatrix;

/// The bridge vectors of one vocabulary: row `id` is the bridge's vector `b(id)` of the text
/// [BridgeTexts] gives token `id`.
///
/// Vectors are as the bridge returns them (bge-m3 L2-normalises, other bridges may not); the
/// similarity step normalises. Several rows may be equal when several tokens share a text.
///
/// @param texts the bridge text of each token, in id order; copied
/// @param vectors `texts.size() x D` row-major vectors, `D >= 1`
/// @param origin where the vectors came from, for logs and reports: `computed with bge-m3 on
///     cpu()`, `precomputed file /x/vectors.safetensors (model BAAI/bge-m3)` or `cache hit KEY`
public record BridgeVectors(List<String> texts, FloatMatrix vectors, String origin) {

    /// Copies `texts` and checks that there is one row per text.
    ///
    /// @throws IllegalArgumentException when the row count differs from the text count
    public BridgeVectors {
        texts = List.copyOf(texts);
        if (vectors.rows() != texts.size()) {
            throw new IllegalArgumentException("bridge vectors need one row per text: " + texts.size() + " texts, "
                    + vectors.rows() + " rows (" + origin + ")");
        }
    }

    /// Number of tokens.
    public int size() {
        return texts.size();
    }

    /// The vector length `D`.
    public int dimension() {
        return vectors.columns();
    }

    /// The same vectors with another origin (e.g. `cache hit KEY` for vectors read from the cache).
    public BridgeVectors withOrigin(String newOrigin) {
        return new BridgeVectors(texts, vectors, newOrigin);
    }

    /// Checks that the source and target vectors come from spaces of the same dimension, as cosine
    /// similarity between them requires.
    ///
    /// @throws InputFormatException naming both dimensions and origins when they differ
    public static void requireSameDimension(BridgeVectors source, BridgeVectors target) throws InputFormatException {
        if (source.dimension() != target.dimension()) {
            throw new InputFormatException("bridge vectors of the source and target vocabularies must have the same "
                    + "dimension (one bridge embeds both): source " + source.dimension() + " (" + source.origin()
                    + "), target " + target.dimension() + " (" + target.origin() + ")");
        }
    }
}
