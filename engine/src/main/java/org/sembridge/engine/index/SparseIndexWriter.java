package org.sembridge.engine.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.sembridge.engine.ModelFormatException;

/// Writes documents and their sparse vectors into a new Lucene index in one folder.
///
/// Per document: the id (indexed as one term, stored, and as doc values), the stored title and
/// text, one `FeatureField` in field `tokens` per token whose weight is positive and at least
/// [FeatureQuantisation#MIN_WEIGHT] (feature name = token string; Lucene keeps 9 significant bits,
/// see [FeatureQuantisation]), the exact float vector of those same tokens as binary doc values,
/// and, when a BM25 language is given, `title + " " + text` analysed by that language's analyzer.
///
/// Weights that are zero, negative or below `MIN_WEIGHT` are dropped and counted; a `NaN` or
/// infinite weight means a broken model and fails with [ModelFormatException]. A token twice in
/// one vector is a bug of the encoder adapter (`IllegalArgumentException`).
///
/// Nothing is visible until [#commit(IndexMetadata)]; closing without a commit leaves no commit
/// behind. The writer does not stage or publish: [IndexBuilder] writes into a staging folder and
/// publishes it atomically. Not thread-safe.
public final class SparseIndexWriter implements AutoCloseable {

    private static final double RAM_BUFFER_MB = 256;

    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final boolean withBm25;
    private final Set<String> seenTerms = new HashSet<>();
    private String[] keptTerms = new String[256];
    private float[] keptWeights = new float[256];
    private long documents;
    private long documentsWithoutTokens;
    private long postings;
    private long droppedWeights;

    private SparseIndexWriter(Directory directory, Analyzer analyzer, IndexWriter writer, boolean withBm25) {
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = writer;
        this.withBm25 = withBm25;
    }

    /// Creates a new, empty index in `folder` (which should be empty; an existing index there is
    /// overwritten at commit).
    ///
    /// @param bm25Language the analyzer language of the BM25 field, or empty for no BM25 field
    public static SparseIndexWriter create(Path folder, Optional<Bm25Language> bm25Language) throws IOException {
        Analyzer analyzer = bm25Language
                .<Analyzer>map(language -> new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
                        Map.of(IndexFields.BM25, language.newAnalyzer())))
                .orElseGet(KeywordAnalyzer::new);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setCommitOnClose(false)
                .setSimilarity(new BM25Similarity());
        Directory directory = FSDirectory.open(folder);
        try {
            return new SparseIndexWriter(directory, analyzer, new IndexWriter(directory, config),
                    bm25Language.isPresent());
        } catch (IOException | RuntimeException e) {
            analyzer.close();
            directory.close();
            throw e;
        }
    }

    /// Adds one document with its encoder vector.
    ///
    /// @throws ModelFormatException when a weight is `NaN` or infinite (message names document,
    ///     token and value)
    public void addDocument(CorpusDocument document, TermWeights vector) throws IOException, ModelFormatException {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, document.id(), Field.Store.YES));
        doc.add(new BinaryDocValuesField(IndexFields.ID, new BytesRef(document.id())));
        if (!document.title().isEmpty()) {
            doc.add(new StoredField(IndexFields.TITLE, document.title()));
        }
        doc.add(new StoredField(IndexFields.TEXT, document.text()));
        int kept = keepIndexableWeights(document, vector);
        for (int i = 0; i < kept; i++) {
            doc.add(new FeatureField(IndexFields.TOKENS, keptTerms[i], keptWeights[i]));
        }
        doc.add(new BinaryDocValuesField(IndexFields.VECTOR, VectorCodec.encode(keptTerms, keptWeights, kept)));
        if (withBm25) {
            doc.add(new TextField(IndexFields.BM25, document.contents(), Field.Store.NO));
        }
        writer.addDocument(doc);
        documents++;
        postings += kept;
        if (kept == 0) {
            documentsWithoutTokens++;
        }
    }

    private int keepIndexableWeights(CorpusDocument document, TermWeights vector) throws ModelFormatException {
        String[] terms = vector.terms();
        float[] weights = vector.weights();
        if (keptTerms.length < terms.length) {
            keptTerms = new String[terms.length];
            keptWeights = new float[terms.length];
        }
        seenTerms.clear();
        int kept = 0;
        for (int i = 0; i < terms.length; i++) {
            float weight = weights[i];
            if (!Float.isFinite(weight)) {
                throw new ModelFormatException("the encoder produced the weight " + weight + " for token '"
                        + terms[i] + "' of document '" + document.id() + "'; expected finite weights"
                        + " (the model's weights may be corrupt)");
            }
            if (!seenTerms.add(terms[i])) {
                throw new IllegalArgumentException("token '" + terms[i] + "' appears twice in the vector of document '"
                        + document.id() + "'");
            }
            if (weight >= FeatureQuantisation.MIN_WEIGHT) {
                keptTerms[kept] = terms[i];
                keptWeights[kept++] = weight;
            } else {
                droppedWeights++;
            }
        }
        return kept;
    }

    /// Documents added so far.
    public long documentCount() {
        return documents;
    }

    /// Documents added so far whose vector had no indexable weight.
    public long documentsWithoutTokens() {
        return documentsWithoutTokens;
    }

    /// Token weights indexed so far.
    public long postingCount() {
        return postings;
    }

    /// Weights dropped so far (zero, negative, or below [FeatureQuantisation#MIN_WEIGHT]).
    public long droppedWeightCount() {
        return droppedWeights;
    }

    /// Merges the index into one segment (fastest to search) and commits it with `metadata` in
    /// the commit user data.
    public void commit(IndexMetadata metadata) throws IOException {
        writer.forceMerge(1);
        writer.setLiveCommitData(metadata.toUserData().entrySet());
        writer.commit();
    }

    /// Closes the writer; changes after the last [#commit] are discarded.
    @Override
    public void close() throws IOException {
        try (directory; analyzer) {
            writer.rollback();
        }
    }
}
