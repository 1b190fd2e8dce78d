package org.sembridge.engine.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.index.DocumentVector;
import org.sembridge.engine.index.SparseIndex;
import org.sembridge.engine.index.TermPostings;
import org.sembridge.engine.index.TermStatistics;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// Browse an index as Luke does: its tokens by document frequency with their weight statistics,
/// the postings of a token (documents with exact and indexed weights), and a document's whole
/// vector. The job of `sembridge index-info` and of the search page's index browser. Needs no
/// model: only the index is opened.
///
/// [#open] owns the index it opens and closes it; [OpenedIndex#browser()] shares the index the
/// search page keeps open (closed with it). Thread-safe as [SparseIndex] is; the token table is
/// computed once and kept.
public final class IndexBrowser implements AutoCloseable {

    /// Postings listed per token unless a caller asks for another number.
    public static final int DEFAULT_POSTINGS = 100;

    private final SparseIndex index;
    private final boolean owned;
    private final Lock lock;
    private List<TermStatistics> terms;

    /// @param lock held while an operation reads the index (the read lock of the [OpenedIndex]
    ///     sharing it, so that closing it waits for running reads)
    IndexBrowser(SparseIndex index, boolean owned, Lock lock) {
        this.index = index;
        this.owned = owned;
        this.lock = lock;
    }

    /// Opens the index in `folder` for browsing (no model is loaded).
    ///
    /// @throws InputFormatException when the folder is not a SemBridge index (the index's message)
    public static IndexBrowser open(Path folder) throws IOException, InputFormatException {
        return new IndexBrowser(SparseIndex.open(folder), true, new ReentrantReadWriteLock().readLock());
    }

    /// The browsed index (metadata, document count).
    public SparseIndex index() {
        return index;
    }

    /// Every token of the index by descending document frequency (then token), with its exact
    /// weight statistics; the first call reads every document vector once (progress: stage
    /// "reading index", in documents), later calls return the kept table.
    ///
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` fires; nothing is kept
    public List<TermStatistics> terms(ProgressListener progress, CancellationToken cancel)
            throws IOException, SemBridgeException {
        synchronized (this) {
            if (terms != null) {
                return terms;
            }
        }
        List<TermStatistics> computed;
        lock.lock();
        try {
            computed = List.copyOf(index.termStatistics(progress, cancel));
        } finally {
            lock.unlock();
        }
        synchronized (this) {
            terms = computed;
        }
        return computed;
    }

    /// The `limit` heaviest postings of `token` (stored string, exactly as the index holds it);
    /// empty when the index has no such token.
    ///
    /// @throws IllegalArgumentException when `limit < 1`
    public Optional<TermPostings> postings(String token, int limit) throws IOException {
        TermPostings postings;
        lock.lock();
        try {
            postings = index.postings(token, limit);
        } finally {
            lock.unlock();
        }
        return postings.found() ? Optional.of(postings) : Optional.empty();
    }

    /// The whole vector of document `docId`, heaviest token first.
    ///
    /// @throws InputFormatException when the index has no such document (naming it and the index)
    public DocumentVector document(String docId) throws IOException, InputFormatException {
        lock.lock();
        try {
            return index.documentVector(docId).orElseThrow(() -> new InputFormatException("document '" + docId
                    + "' is not in index " + index.folder() + " (" + index.documentCount() + " documents)"));
        } finally {
            lock.unlock();
        }
    }

    /// The message for a token the index lacks: names the token, the index and its size.
    public String notInIndex(String token) {
        return "token '" + token + "' is in no document of index " + index.folder() + " ("
                + index.documentCount() + " documents); give it as the index stores it (see the token list)";
    }

    /// Closes the index when this browser opened it; a shared one stays open.
    @Override
    public void close() throws IOException {
        if (owned) {
            index.close();
        }
    }
}
