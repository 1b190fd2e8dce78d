package org.sembridge.engine.workflow;

import java.io.IOException;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.encoder.SpladeSettings;
import org.sembridge.engine.index.CorpusReader;
import org.sembridge.engine.index.IndexBuildReport;
import org.sembridge.engine.index.IndexBuildRequest;
import org.sembridge.engine.index.IndexBuilder;
import org.sembridge.engine.index.SparseTextEncoder;
import org.sembridge.engine.index.SpladeTextEncoder;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// The job "build an index of a corpus with a model": refuses an empty corpus file before the
/// model is loaded, loads the model on the chosen device, and runs the [IndexBuilder] (all or
/// nothing: a failed or cancelled build publishes no folder). Used by `sembridge index`, the
/// workbench's search page and the experiment runner.
public final class IndexBuilding {

    private IndexBuilding() {
    }

    /// Builds the index of `job`. Progress: the [IndexBuilder]'s stage (`indexing corpus.jsonl`), in
    /// documents.
    ///
    /// @throws InputFormatException for a corpus without documents (`corpus.jsonl: no documents;
    ///     nothing to index`), a malformed corpus (file and line named) or an index folder that may not
    ///     be replaced
    /// @throws org.sembridge.engine.ModelFormatException when the model folder is not a usable model
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` fires
    public static IndexBuildReport build(IndexBuildJob job, ProgressListener progress, CancellationToken cancel)
            throws IOException, SemBridgeException {
        return build(job, false, progress, cancel);
    }

    /// [#build] with the documents encoded so far and the documents per second in each progress
    /// stage (`indexing corpus.jsonl: 1,024 documents, 85 documents/s`), as the workbench shows it.
    public static IndexBuildReport buildShowingRate(IndexBuildJob job, ProgressListener progress,
            CancellationToken cancel) throws IOException, SemBridgeException {
        return build(job, true, progress, cancel);
    }

    /// Builds the index of `request` with an encoder the caller holds (the experiment runner encodes
    /// the corpus and then the queries with one loaded model, and builds BM25-only indexes with a
    /// lexical encoder). The same refusals as [#build].
    public static IndexBuildReport build(IndexBuildRequest request, SparseTextEncoder encoder,
            ProgressListener progress, CancellationToken cancel) throws IOException, SemBridgeException {
        requireDocuments(request);
        return IndexBuilder.build(request, encoder, progress, cancel);
    }

    private static IndexBuildReport build(IndexBuildJob job, boolean showRate, ProgressListener progress,
            CancellationToken cancel) throws IOException, SemBridgeException {
        IndexBuildRequest request = job.request();
        requireDocuments(request);
        try (SpladeTextEncoder encoder = SpladeTextEncoder.load(job.model(), job.device(),
                SpladeSettings.DEFAULTS.withBatchSize(job.batchSize()))) {
            if (!showRate) {
                return IndexBuilder.build(request, encoder, progress, cancel);
            }
            DocumentRateEncoder counting = new DocumentRateEncoder(encoder);
            return IndexBuilder.build(request, counting,
                    (stage, done, total) -> progress.onProgress(stage + ": " + counting.describe(), done, total),
                    cancel);
        }
    }

    /// Refuses a corpus without a non-blank line before a model is loaded; a corpus whose every
    /// document is empty is refused by the [IndexBuilder] with the same message (and the count).
    private static void requireDocuments(IndexBuildRequest request) throws IOException, InputFormatException {
        CorpusReader.requireContent(request.corpus(), request.maxLineBytes());
    }
}
