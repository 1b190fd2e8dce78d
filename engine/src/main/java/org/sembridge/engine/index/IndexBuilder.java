package org.sembridge.engine.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.io.OutputMarker;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Builds a SemBridge index from a corpus file: the entry point of the `index` command.
///
/// Data flow: [CorpusReader] streams documents; every `batchSize` documents go through
/// [SparseTextEncoder#encode] on [CorpusDocument#contents()]; [SparseIndexWriter] writes them;
/// at the end the index is merged to one segment, committed with [IndexMetadata], and published.
///
/// All-or-nothing: the index is built in a staging folder next to the target
/// (`AtomicFiles.createStagingDirectory`) and renamed into place only when complete. A bad corpus
/// line, an encoder failure or a cancellation deletes the staging folder and leaves an existing
/// index at the target untouched. A target folder that exists is replaced only when it is empty
/// or a complete SemBridge index ([OutputMarker] of kind [#OUTPUT_KIND]: every file the build
/// wrote, nothing added); anything else might be the user's documents and is never replaced.
/// Staging folders of killed builds are removed at the next build of the same target.
///
/// Progress: stage "indexing <file>", in documents read out of the documents in the file (counted by
/// a first streaming pass, [CorpusReader#countDocuments(Path, int)]). Corpus bytes are not a usable measure:
/// the reader's 64 KiB read-ahead swallows a small corpus with its first batch, so a bar in bytes
/// was full at document 32 of 204 while the document count kept rising.
public final class IndexBuilder {

    /// The [OutputMarker] kind of an index folder.
    public static final String OUTPUT_KIND = "index";

    private static final Logger LOG = LoggerFactory.getLogger(IndexBuilder.class);

    private IndexBuilder() {
    }

    /// Indexes `request.corpus()` with `encoder` into `request.indexFolder()`.
    ///
    /// @throws InputFormatException for a malformed corpus (file and line named) or a target
    ///     folder that is not a SemBridge index
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` fires; nothing is
    ///     published
    /// @throws SemBridgeException from the encoder
    public static IndexBuildReport build(IndexBuildRequest request, SparseTextEncoder encoder,
            ProgressListener progress, CancellationToken cancel) throws IOException, SemBridgeException {
        long start = System.nanoTime();
        checkReplaceable(request.indexFolder());
        AtomicFiles.removeOrphans(request.indexFolder());
        String stage = "indexing " + request.corpus().getFileName();
        long documents = CorpusReader.countDocuments(request.corpus(), request.maxLineBytes());
        Path staging = AtomicFiles.createStagingDirectory(request.indexFolder());
        boolean published = false;
        try {
            IndexMetadata metadata;
            try (CorpusReader corpus = CorpusReader.open(request.corpus(), request.maxLineBytes());
                    SparseIndexWriter writer = SparseIndexWriter.create(staging, request.bm25Language())) {
                List<CorpusDocument> batch = new ArrayList<>(request.batchSize());
                while (readBatch(corpus, batch, request.batchSize())) {
                    cancel.throwIfCancelled(stage);
                    List<TermWeights> vectors = encoder.encode(
                            batch.stream().map(CorpusDocument::contents).toList(), ProgressListener.NONE, cancel);
                    if (vectors.size() != batch.size()) {
                        throw new IllegalStateException("encoder returned " + vectors.size() + " vectors for "
                                + batch.size() + " documents");
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        writer.addDocument(batch.get(i), vectors.get(i));
                    }
                    progress.onProgress(stage, Math.min(corpus.documentsRead(), documents), documents);
                    LOG.debug("indexed {} documents ({} of {} bytes)", writer.documentCount(), corpus.bytesRead(),
                            corpus.sizeBytes());
                }
                cancel.throwIfCancelled(stage);
                if (writer.documentCount() == 0) {
                    throw corpus.noDocuments();
                }
                metadata = new IndexMetadata(IndexMetadata.FORMAT_VERSION, encoder.fingerprint(),
                        request.modelPath(), request.corpus().toString(), Instant.now(), writer.documentCount(),
                        corpus.skippedEmptyDocuments(), writer.documentsWithoutTokens(), writer.postingCount(),
                        writer.droppedWeightCount(), request.bm25Language());
                writer.commit(metadata);
            }
            cancel.throwIfCancelled(stage);
            OutputMarker.write(staging, OUTPUT_KIND);
            AtomicFiles.publishDirectory(staging, request.indexFolder());
            published = true;
            IndexBuildReport report = new IndexBuildReport(request.indexFolder(), metadata, System.nanoTime() - start);
            LOG.info("indexed {} documents ({} skipped empty, {} without tokens, {} postings, {} weights dropped)"
                    + " into {} in {} s ({} docs/s)", metadata.documentCount(), metadata.skippedEmptyDocuments(),
                    metadata.documentsWithoutTokens(), metadata.postingCount(), metadata.droppedWeightCount(),
                    request.indexFolder(), String.format("%.1f", report.elapsedNanos() / 1e9),
                    String.format("%.0f", report.documentsPerSecond()));
            return report;
        } finally {
            if (!published) {
                AtomicFiles.deleteRecursively(staging);
            }
        }
    }

    private static boolean readBatch(CorpusReader corpus, List<CorpusDocument> batch, int size)
            throws IOException, InputFormatException {
        batch.clear();
        CorpusDocument document;
        while (batch.size() < size && (document = corpus.next()) != null) {
            batch.add(document);
        }
        return !batch.isEmpty();
    }

    private static void checkReplaceable(Path folder) throws IOException, InputFormatException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new InputFormatException("cannot create the index " + folder + ": a file of that name exists");
        }
        OutputMarker.requireReplaceable(folder, OUTPUT_KIND, "SemBridge index", "not a SemBridge index");
    }
}
