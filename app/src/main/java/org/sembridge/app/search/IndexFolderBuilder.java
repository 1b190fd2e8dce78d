package org.sembridge.app.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.encoder.SpladeSettings;
import org.sembridge.engine.index.Bm25Language;
import org.sembridge.engine.index.IndexBuildReport;
import org.sembridge.engine.index.IndexBuildRequest;
import org.sembridge.engine.index.IndexBuilder;
import org.sembridge.engine.index.SpladeTextEncoder;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// Builds an index folder from a corpus with a run's adapted model, as `sembridge index` does:
/// loads the model, runs the engine's [IndexBuilder] (all or nothing: a failed or cancelled build
/// leaves no folder behind) and reports documents per second in the progress stage.
final class IndexFolderBuilder {

    private IndexFolderBuilder() {
    }

    /// Indexes `corpus` with the model in `model` into `indexFolder`, with a BM25 field in
    /// `language` when given.
    ///
    /// @throws SemBridgeException the engine's error: a bad model, a malformed corpus (file and line
    ///     named), a folder that is not an index, or cancellation
    static IndexBuildReport build(Path corpus, Path indexFolder, Path model, Optional<Bm25Language> language,
            SelectedDevice device, ProgressListener progress, CancellationToken cancel)
            throws IOException, SemBridgeException {
        try (SpladeTextEncoder encoder = SpladeTextEncoder.load(model, device, SpladeSettings.DEFAULTS)) {
            DocumentRateEncoder counting = new DocumentRateEncoder(encoder);
            IndexBuildRequest request = new IndexBuildRequest(corpus, indexFolder, model.toString(), language,
                    IndexBuildRequest.DEFAULT_BATCH_SIZE);
            return IndexBuilder.build(request, counting,
                    (stage, done, total) -> progress.onProgress(stage + ": " + counting.describe(), done, total),
                    cancel);
        }
    }

    /// The folder name of an index of `corpus` built with the model of run folder `runFolder`:
    /// `<run>-<corpus folder>-<corpus file stem>`, e.g. `ko-sembridge-ko-corpus`, restricted to
    /// letters, digits, `.`, `_` and `-`.
    static String folderName(Path runFolder, Path corpus) {
        String file = corpus.getFileName().toString().toLowerCase(Locale.ROOT)
                .replaceAll("\\.gz$", "").replaceAll("\\.(jsonl|json|tsv)$", "");
        Path parent = corpus.toAbsolutePath().getParent();
        String parentName = parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "-";
        return (runFolder.getFileName() + "-" + parentName + file).replaceAll("[^\\p{L}\\p{N}._-]+", "_");
    }
}
