package org.sembridge.engine.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.export.AtomicFiles;
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
/// index at the target untouched. A target folder that exists and is not a SemBridge index is
/// never replaced (it might be the user's documents).
///
/// Progress: stage "indexing <file>", in corpus bytes read out of the file size.
public final class IndexBuilder {

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
        String stage = "indexing " + request.corpus().getFileName();
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
                    progress.onProgress(stage, corpus.bytesRead(), corpus.sizeBytes());
                    LOG.debug("indexed {} documents ({} of {} bytes)", writer.documentCount(), corpus.bytesRead(),
                            corpus.sizeBytes());
                }
                cancel.throwIfCancelled(stage);
                metadata = new IndexMetadata(IndexMetadata.FORMAT_VERSION, encoder.fingerprint(),
                        request.modelPath(), request.corpus().toString(), Instant.now(), writer.documentCount(),
                        corpus.skippedEmptyDocuments(), writer.documentsWithoutTokens(), writer.postingCount(),
                        writer.droppedWeightCount(), request.bm25Language());
                writer.commit(metadata);
            }
            cancel.throwIfCancelled(stage);
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
        if (!Files.exists(folder)) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new InputFormatException("cannot create the index " + folder + ": a file of that name exists");
        }
        try (var entries = Files.list(folder)) {
            if (entries.findAny().isEmpty()) {
                return;
            }
        }
        try (Directory directory = FSDirectory.open(folder)) {
            if (DirectoryReader.indexExists(directory)) {
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    if (reader.getIndexCommit().getUserData().containsKey(IndexMetadata.KEY_FORMAT)) {
                        return;
                    }
                }
            }
        }
        throw new InputFormatException("refusing to replace " + folder + ": it is not empty and not a SemBridge"
                + " index; choose a new or empty folder");
    }
}
