package org.sembridge.engine.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// An open SemBridge index: its metadata, its documents and exact vectors, and the searchers over
/// it ([SparseSearcher], [Bm25Searcher]). The entry point of the `search` command.
///
/// Opening checks that the folder exists, holds a Lucene index, and that SemBridge built it in the
/// format this code reads; each failure is an [InputFormatException] saying which. The reader is
/// a point-in-time view; searches are thread-safe, [#close()] releases the files.
public final class SparseIndex implements AutoCloseable {

    private static final int PROGRESS_BLOCK = 1024;

    private final Path folder;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final IndexMetadata metadata;
    private Analyzer bm25Analyzer;

    private SparseIndex(Path folder, Directory directory, DirectoryReader reader, IndexMetadata metadata) {
        this.folder = folder;
        this.directory = directory;
        this.reader = reader;
        this.metadata = metadata;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
    }

    /// Opens the index in `folder`.
    ///
    /// @throws InputFormatException when the folder is missing, is a file, holds no Lucene index,
    ///     holds a corrupt or incompatible one, or an index SemBridge did not build
    public static SparseIndex open(Path folder) throws IOException, InputFormatException {
        if (!Files.exists(folder)) {
            throw new InputFormatException("index folder not found: " + folder);
        }
        if (!Files.isDirectory(folder)) {
            throw new InputFormatException(folder + " is a file; expected an index folder");
        }
        Directory directory = FSDirectory.open(folder);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                throw new InputFormatException(folder + " is not an index: it holds no Lucene index (no segments_N"
                        + " file); build one with the SemBridge index command");
            }
            DirectoryReader reader = openReader(directory, folder);
            try {
                IndexMetadata metadata = IndexMetadata.fromUserData(reader.getIndexCommit().getUserData(), folder);
                return new SparseIndex(folder, directory, reader, metadata);
            } catch (InputFormatException | RuntimeException e) {
                reader.close();
                throw e;
            }
        } catch (IOException | InputFormatException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static DirectoryReader openReader(Directory directory, Path folder) throws IOException, InputFormatException {
        try {
            return DirectoryReader.open(directory);
        } catch (IndexFormatTooOldException | IndexFormatTooNewException e) {
            throw new InputFormatException("index " + folder + " was written by an incompatible Lucene version: "
                    + e.getMessage() + "; rebuild the index", e);
        } catch (CorruptIndexException e) {
            throw new InputFormatException("index " + folder + " is corrupt: " + e.getMessage()
                    + "; rebuild the index", e);
        }
    }

    /// The folder this index was opened from.
    public Path folder() {
        return folder;
    }

    /// The metadata committed with the index.
    public IndexMetadata metadata() {
        return metadata;
    }

    /// The number of documents in the index.
    public int documentCount() {
        return reader.numDocs();
    }

    /// A searcher over the sparse `tokens` field.
    public SparseSearcher sparseSearcher() {
        return new SparseSearcher(this);
    }

    /// A searcher over the BM25 field, with the analyzer the index was built with.
    ///
    /// @throws InputFormatException when the index was built without a BM25 field
    public synchronized Bm25Searcher bm25Searcher() throws InputFormatException {
        Bm25Language language = metadata.bm25Language().orElseThrow(() -> new InputFormatException(
                "index " + folder + " has no BM25 field; rebuild it with a BM25 language to compare with BM25"));
        if (bm25Analyzer == null) {
            bm25Analyzer = language.newAnalyzer();
        }
        return new Bm25Searcher(this, language, bm25Analyzer);
    }

    /// Whether a document with this id is in the index.
    public boolean containsDocument(String id) throws IOException {
        return documentNumber(id).isPresent();
    }

    /// The stored document with this id.
    public Optional<CorpusDocument> document(String id) throws IOException {
        OptionalInt doc = documentNumber(id);
        return doc.isEmpty() ? Optional.empty() : Optional.of(storedDocument(reader.storedFields(), doc.getAsInt()));
    }

    /// The exact encoder vector (indexed tokens only) of the document with this id.
    public Optional<TermWeights> vector(String id) throws IOException {
        OptionalInt doc = documentNumber(id);
        return doc.isEmpty() ? Optional.empty() : Optional.of(vector(doc.getAsInt()));
    }

    /// Calls `visitor` for every document in index order with its exact vector; used by the
    /// exporters. Progress: stage "reading index", in documents.
    ///
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` fires (checked
    ///     every 1,024 documents)
    public void forEachDocument(DocumentVisitor visitor, ProgressListener progress, CancellationToken cancel)
            throws IOException, SemBridgeException {
        long done = 0;
        int total = reader.numDocs();
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader leafReader = leaf.reader();
            StoredFields stored = leafReader.storedFields();
            BinaryDocValues vectors = DocValues.getBinary(leafReader, IndexFields.VECTOR);
            Bits live = leafReader.getLiveDocs();
            for (int doc = 0; doc < leafReader.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                if (done % PROGRESS_BLOCK == 0) {
                    cancel.throwIfCancelled("reading index " + folder);
                    progress.onProgress("reading index", done, total);
                }
                CorpusDocument document = storedDocument(stored, doc);
                if (!vectors.advanceExact(doc)) {
                    throw new IllegalStateException("document " + document.id() + " has no vector in " + folder);
                }
                visitor.visit(document, VectorCodec.decode(vectors.binaryValue()));
                done++;
            }
        }
        progress.onProgress("reading index", done, total);
    }

    /// Receives the documents of [#forEachDocument].
    @FunctionalInterface
    public interface DocumentVisitor {

        /// Handles one document and its exact vector.
        void visit(CorpusDocument document, TermWeights vector) throws IOException, SemBridgeException;
    }

    @Override
    public synchronized void close() throws IOException {
        try (directory; reader) {
            if (bm25Analyzer != null) {
                bm25Analyzer.close();
            }
        }
    }

    /// The number of documents with a weight for `token` (the length of its posting list), which
    /// is what a query token costs to search.
    public int documentFrequency(String token) throws IOException {
        return reader.docFreq(new Term(IndexFields.TOKENS, token));
    }

    /// Every token of the index with its document frequency and exact weight statistics, by
    /// descending document frequency, then token. Reads every document's exact vector once
    /// (progress: stage "reading index", in documents); memory is one accumulator per distinct
    /// token.
    ///
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` fires (checked
    ///     every 1,024 documents)
    public List<TermStatistics> termStatistics(ProgressListener progress, CancellationToken cancel)
            throws IOException, SemBridgeException {
        Map<String, double[]> accumulators = new HashMap<>();
        forEachDocument((document, vector) -> {
            for (int i = 0; i < vector.size(); i++) {
                float weight = vector.weights()[i];
                double[] a = accumulators.computeIfAbsent(vector.terms()[i],
                        t -> new double[] {0, 0, Float.MAX_VALUE, 0});
                a[0]++;
                a[1] += weight;
                a[2] = Math.min(a[2], weight);
                a[3] = Math.max(a[3], weight);
            }
        }, progress, cancel);
        List<TermStatistics> statistics = new ArrayList<>(accumulators.size());
        accumulators.forEach((token, a) -> statistics.add(
                new TermStatistics(token, (int) a[0], (float) a[2], a[1] / a[0], (float) a[3])));
        statistics.sort(Comparator.comparingInt(TermStatistics::documentFrequency).reversed()
                .thenComparing(TermStatistics::token));
        return statistics;
    }

    /// The `limit` heaviest postings of `token`: its documents with the exact weight (from the
    /// stored vector) and the indexed weight (from the posting's frequency, as Lucene scores it),
    /// by descending exact weight. The whole list is walked once for its length and indexed
    /// weights; only the `limit` heaviest documents' vectors are read. A token the index lacks
    /// gives document frequency 0.
    ///
    /// @throws IllegalArgumentException when `limit < 1`
    public TermPostings postings(String token, int limit) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, found " + limit);
        }
        List<int[]> found = new ArrayList<>();
        BytesRef term = new BytesRef(token);
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(IndexFields.TOKENS);
            if (terms == null) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            if (!termsEnum.seekExact(term)) {
                continue;
            }
            PostingsEnum postings = termsEnum.postings(null, PostingsEnum.FREQS);
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    found.add(new int[] {leaf.docBase + doc, postings.freq()});
                }
            }
        }
        // FeatureField keeps floatToIntBits(w) >>> 15 as the frequency: a larger frequency is a
        // larger indexed weight
        found.sort(Comparator.<int[]>comparingInt(f -> f[1]).reversed().thenComparingInt(f -> f[0]));
        List<int[]> top = found.subList(0, Math.min(limit, found.size()));
        ScoreDoc[] docs = new ScoreDoc[top.size()];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = new ScoreDoc(top.get(i)[0], Float.intBitsToFloat(top.get(i)[1] << 15));
        }
        List<SearchHit> ids = hits(docs);
        List<Posting> postings = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            TermWeights vector = vector(docs[i].doc);
            float exact = 0;
            for (int t = 0; t < vector.size(); t++) {
                if (vector.terms()[t].equals(token)) {
                    exact = vector.weights()[t];
                    break;
                }
            }
            postings.add(new Posting(ids.get(i).docId(), exact, docs[i].score));
        }
        postings.sort(Comparator.comparingDouble(Posting::exactWeight).reversed().thenComparing(Posting::docId));
        return new TermPostings(token, found.size(), postings);
    }

    /// The whole exact vector of document `id` with each token's indexed weight, heaviest first.
    public Optional<DocumentVector> documentVector(String id) throws IOException {
        OptionalInt doc = documentNumber(id);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        CorpusDocument document = storedDocument(reader.storedFields(), doc.getAsInt());
        TermWeights vector = vector(doc.getAsInt());
        List<DocumentVector.Entry> entries = new ArrayList<>(vector.size());
        for (int i = 0; i < vector.size(); i++) {
            float weight = vector.weights()[i];
            entries.add(new DocumentVector.Entry(vector.terms()[i], weight, FeatureQuantisation.indexedValue(weight)));
        }
        entries.sort(Comparator.comparingDouble(DocumentVector.Entry::exactWeight).reversed()
                .thenComparing(DocumentVector.Entry::token));
        return Optional.of(new DocumentVector(document.id(), document.title(), entries));
    }

    IndexSearcher searcher() {
        return searcher;
    }

    /// Turns Lucene's top documents into ranked hits with corpus ids (doc values are read in
    /// increasing document order, as their iterators require).
    List<SearchHit> hits(ScoreDoc[] scoreDocs) throws IOException {
        String[] ids = new String[scoreDocs.length];
        List<Integer> byDoc = new ArrayList<>(scoreDocs.length);
        for (int i = 0; i < scoreDocs.length; i++) {
            byDoc.add(i);
        }
        byDoc.sort(Comparator.comparingInt(i -> scoreDocs[i].doc));
        List<LeafReaderContext> leaves = reader.leaves();
        int currentLeaf = -1;
        BinaryDocValues idValues = null;
        for (int i : byDoc) {
            int doc = scoreDocs[i].doc;
            int leafIndex = ReaderUtil.subIndex(doc, leaves);
            LeafReaderContext leaf = leaves.get(leafIndex);
            if (leafIndex != currentLeaf) {
                idValues = DocValues.getBinary(leaf.reader(), IndexFields.ID);
                currentLeaf = leafIndex;
            }
            if (!idValues.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("document " + doc + " has no id in " + folder);
            }
            ids[i] = idValues.binaryValue().utf8ToString();
        }
        List<SearchHit> hits = new ArrayList<>(scoreDocs.length);
        for (int i = 0; i < scoreDocs.length; i++) {
            hits.add(new SearchHit(i + 1, ids[i], scoreDocs[i].score));
        }
        return hits;
    }

    /// The Lucene document number of the document with corpus id `id`.
    OptionalInt documentNumber(String id) throws IOException {
        BytesRef term = new BytesRef(id);
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(IndexFields.ID);
            if (terms == null) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            if (termsEnum.seekExact(term)) {
                PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        return OptionalInt.of(leaf.docBase + doc);
                    }
                }
            }
        }
        return OptionalInt.empty();
    }

    /// The exact vector of Lucene document `doc`.
    TermWeights vector(int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues vectors = DocValues.getBinary(leaf.reader(), IndexFields.VECTOR);
        if (!vectors.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("document " + doc + " has no vector in " + folder);
        }
        return VectorCodec.decode(vectors.binaryValue());
    }

    private static CorpusDocument storedDocument(StoredFields stored, int doc) throws IOException {
        var fields = stored.document(doc);
        String title = fields.get(IndexFields.TITLE);
        return new CorpusDocument(fields.get(IndexFields.ID), title == null ? "" : title, fields.get(IndexFields.TEXT));
    }
}
