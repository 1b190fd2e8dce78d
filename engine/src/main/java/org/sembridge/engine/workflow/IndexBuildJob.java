package org.sembridge.engine.workflow;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.sembridge.engine.index.Bm25Language;
import org.sembridge.engine.index.IndexBuildRequest;
import org.sembridge.engine.index.TextLineReader;
import org.sembridge.engine.run.DeviceChoice;

/// What [IndexBuilding] builds: which corpus, into which folder, with which model.
///
/// @param corpus       the corpus file (`.jsonl` or `.tsv`, optionally `.gz`)
/// @param indexFolder  the index folder to create or replace
/// @param model        the sparse encoder's model folder; recorded in the index (absolute,
///                     normalised) so that the index can later be opened with it
/// @param bm25Language the analyzer of an extra BM25 field; empty for none
/// @param batchSize    documents per forward pass, `>= 1`
/// @param maxLineBytes the longest corpus line accepted, in bytes
/// @param device       where the model runs
public record IndexBuildJob(Path corpus, Path indexFolder, Path model, Optional<Bm25Language> bm25Language,
        int batchSize, int maxLineBytes, DeviceChoice device) {

    public IndexBuildJob {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(indexFolder, "indexFolder");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(bm25Language, "bm25Language");
        Objects.requireNonNull(device, "device");
        request(corpus, indexFolder, model, bm25Language, batchSize, maxLineBytes);
    }

    /// A job with the default batch size and line limit.
    public static IndexBuildJob of(Path corpus, Path indexFolder, Path model, Optional<Bm25Language> bm25Language,
            DeviceChoice device) {
        return new IndexBuildJob(corpus, indexFolder, model, bm25Language, IndexBuildRequest.DEFAULT_BATCH_SIZE,
                TextLineReader.DEFAULT_MAX_LINE_BYTES, device);
    }

    /// The index package's request for this job.
    IndexBuildRequest request() {
        return request(corpus, indexFolder, model, bm25Language, batchSize, maxLineBytes);
    }

    private static IndexBuildRequest request(Path corpus, Path indexFolder, Path model,
            Optional<Bm25Language> bm25Language, int batchSize, int maxLineBytes) {
        return new IndexBuildRequest(corpus, indexFolder, model.toAbsolutePath().normalize().toString(),
                bm25Language, batchSize, maxLineBytes);
    }
}
