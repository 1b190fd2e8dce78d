package org.sembridge.engine.index;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.sembridge.engine.io.TextLineReader;

/// What to index and where: the inputs of [IndexBuilder#build].
///
/// @param corpus       the corpus file ([CorpusFormat])
/// @param indexFolder  the index folder to create or replace (replaced only when it is empty or a
///                     complete SemBridge index, and only once the new one is complete)
/// @param modelPath    the encoder's model folder, recorded in the metadata for provenance
/// @param bm25Language the language of the BM25 baseline field; empty for no BM25 field
/// @param batchSize    documents encoded per encoder call, `>= 1` (default [#DEFAULT_BATCH_SIZE]);
///                     cancellation is checked once per batch
/// @param maxLineBytes the longest corpus line (one document) accepted, in bytes (default
///                     [TextLineReader#DEFAULT_MAX_LINE_BYTES]); longer documents are refused
public record IndexBuildRequest(Path corpus, Path indexFolder, String modelPath,
        Optional<Bm25Language> bm25Language, int batchSize, int maxLineBytes) {

    /// Documents per encoder call unless the caller chooses otherwise.
    public static final int DEFAULT_BATCH_SIZE = 32;

    public IndexBuildRequest {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(indexFolder, "indexFolder");
        Objects.requireNonNull(modelPath, "modelPath");
        Objects.requireNonNull(bm25Language, "bm25Language");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (maxLineBytes < 1 || maxLineBytes > TextLineReader.LARGEST_MAX_LINE_BYTES) {
            throw new IllegalArgumentException("maxLineBytes must be in [1, " + TextLineReader.LARGEST_MAX_LINE_BYTES
                    + "], got " + maxLineBytes);
        }
    }

    /// A request with the default line limit, [TextLineReader#DEFAULT_MAX_LINE_BYTES].
    public IndexBuildRequest(Path corpus, Path indexFolder, String modelPath, Optional<Bm25Language> bm25Language,
            int batchSize) {
        this(corpus, indexFolder, modelPath, bm25Language, batchSize, TextLineReader.DEFAULT_MAX_LINE_BYTES);
    }
}
