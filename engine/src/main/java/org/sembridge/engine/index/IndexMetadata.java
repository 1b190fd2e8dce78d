package org.sembridge.engine.index;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.FormatVersion;

/// What a SemBridge index records about itself, kept in the Lucene commit user data so that it is
/// committed atomically with the documents.
///
/// @param formatVersion          layout version of the index ([#FORMAT_VERSION])
/// @param encoderFingerprint     [SparseTextEncoder#fingerprint()] of the encoder that built it
/// @param modelPath              the model folder the encoder was loaded from, as the user gave it
/// @param corpus                 the corpus file, as the user gave it
/// @param createdAt              when the index was committed (UTC)
/// @param documentCount          documents indexed
/// @param skippedEmptyDocuments  corpus documents skipped because title and text were blank
/// @param documentsWithoutTokens indexed documents whose vector had no positive weight (found
///                               only by BM25)
/// @param postingCount           token weights indexed, over all documents
/// @param droppedWeightCount     encoder weights not indexed: zero, negative, or below
///                               [FeatureQuantisation#MIN_WEIGHT]
/// @param bm25Language           the analyzer language of the BM25 field; empty when the index has
///                               no BM25 field
public record IndexMetadata(
        int formatVersion,
        String encoderFingerprint,
        String modelPath,
        String corpus,
        Instant createdAt,
        long documentCount,
        long skippedEmptyDocuments,
        long documentsWithoutTokens,
        long postingCount,
        long droppedWeightCount,
        Optional<Bm25Language> bm25Language) {

    /// The index layout this code writes and reads.
    public static final int FORMAT_VERSION = 1;

    static final String KEY_FORMAT = "sembridge.index.format";
    private static final String KEY_FINGERPRINT = "sembridge.encoder.fingerprint";
    private static final String KEY_MODEL = "sembridge.model.path";
    private static final String KEY_CORPUS = "sembridge.corpus";
    private static final String KEY_CREATED = "sembridge.created";
    private static final String KEY_DOCUMENTS = "sembridge.documents";
    private static final String KEY_SKIPPED = "sembridge.documents.skipped.empty";
    private static final String KEY_WITHOUT_TOKENS = "sembridge.documents.without.tokens";
    private static final String KEY_POSTINGS = "sembridge.postings";
    private static final String KEY_DROPPED = "sembridge.weights.dropped";
    private static final String KEY_BM25 = "sembridge.bm25.language";
    /// Absent [#KEY_FORMAT] means "not a SemBridge index" (it was always written); newer refused.
    private static final FormatVersion VERSION = new FormatVersion("index", KEY_FORMAT, FORMAT_VERSION);

    public IndexMetadata {
        Objects.requireNonNull(encoderFingerprint, "encoderFingerprint");
        Objects.requireNonNull(modelPath, "modelPath");
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(bm25Language, "bm25Language");
    }

    Map<String, String> toUserData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(KEY_FORMAT, Integer.toString(formatVersion));
        data.put(KEY_FINGERPRINT, encoderFingerprint);
        data.put(KEY_MODEL, modelPath);
        data.put(KEY_CORPUS, corpus);
        data.put(KEY_CREATED, createdAt.toString());
        data.put(KEY_DOCUMENTS, Long.toString(documentCount));
        data.put(KEY_SKIPPED, Long.toString(skippedEmptyDocuments));
        data.put(KEY_WITHOUT_TOKENS, Long.toString(documentsWithoutTokens));
        data.put(KEY_POSTINGS, Long.toString(postingCount));
        data.put(KEY_DROPPED, Long.toString(droppedWeightCount));
        bm25Language.ifPresent(language -> data.put(KEY_BM25, language.code()));
        return data;
    }

    /// Reads the metadata from the commit user data of the index in `folder`.
    ///
    /// @throws InputFormatException when the index was not built by SemBridge, by another
    ///     format version, or its metadata is damaged
    static IndexMetadata fromUserData(Map<String, String> data, Path folder) throws InputFormatException {
        String format = data.get(KEY_FORMAT);
        if (format == null) {
            throw new InputFormatException(folder + " holds a Lucene index that SemBridge did not build (its commit"
                    + " data has no " + KEY_FORMAT + "); build one with the SemBridge index command");
        }
        int version;
        try {
            version = Integer.parseInt(format.strip());
        } catch (NumberFormatException e) {
            throw new InputFormatException("index " + folder + " has damaged metadata: " + KEY_FORMAT
                    + " should be an integer, found \"" + format + "\"", e);
        }
        VERSION.check(version, "index " + folder, InputFormatException::new);
        if (version < FormatVersion.UNVERSIONED) {
            throw new InputFormatException("index " + folder + " has format version " + format + "; this version"
                    + " reads format " + FORMAT_VERSION + ": rebuild the index");
        }
        try {
            String bm25 = data.get(KEY_BM25);
            return new IndexMetadata(
                    FORMAT_VERSION,
                    required(data, KEY_FINGERPRINT, folder),
                    required(data, KEY_MODEL, folder),
                    required(data, KEY_CORPUS, folder),
                    Instant.parse(required(data, KEY_CREATED, folder)),
                    Long.parseLong(required(data, KEY_DOCUMENTS, folder)),
                    Long.parseLong(required(data, KEY_SKIPPED, folder)),
                    Long.parseLong(required(data, KEY_WITHOUT_TOKENS, folder)),
                    Long.parseLong(required(data, KEY_POSTINGS, folder)),
                    Long.parseLong(required(data, KEY_DROPPED, folder)),
                    bm25 == null ? Optional.empty() : Optional.of(Bm25Language.forCode(bm25)));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new InputFormatException("index " + folder + " has damaged metadata: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> data, String key, Path folder) throws InputFormatException {
        String value = data.get(key);
        if (value == null) {
            throw new InputFormatException("index " + folder + " has damaged metadata: no " + key);
        }
        return value;
    }
}
