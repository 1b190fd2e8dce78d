package org.sembridge.engine.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.InputFormatException;

/// The index metadata as a format: the Lucene commit user data written by [IndexMetadata] reads
/// back equal; the user data of today's indexes (spelled out below) still reads; a newer format
/// is refused naming the index and the versions.
class IndexMetadataTest {

    private static final Path FOLDER = Path.of("indexes", "ko");

    private static IndexMetadata metadata(Optional<Bm25Language> bm25) {
        return new IndexMetadata(IndexMetadata.FORMAT_VERSION, "fp-1", "models/ko", "corpus.jsonl",
                Instant.parse("2026-12-06T20:00:00Z"), 204, 1, 2, 5000, 17, bm25);
    }

    /// The commit user data an index built by today's engine carries, key by key.
    private static Map<String, String> todaysUserData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("sembridge.index.format", "1");
        data.put("sembridge.encoder.fingerprint", "fp-1");
        data.put("sembridge.model.path", "models/ko");
        data.put("sembridge.corpus", "corpus.jsonl");
        data.put("sembridge.created", "2026-12-06T20:00:00Z");
        data.put("sembridge.documents", "204");
        data.put("sembridge.documents.skipped.empty", "1");
        data.put("sembridge.documents.without.tokens", "2");
        data.put("sembridge.postings", "5000");
        data.put("sembridge.weights.dropped", "17");
        data.put("sembridge.bm25.language", "ko");
        return data;
    }

    @Test
    void userDataReadsBackEqual() throws Exception {
        IndexMetadata written = metadata(Optional.of(Bm25Language.forCode("ko")));

        assertEquals(written, IndexMetadata.fromUserData(written.toUserData(), FOLDER));
    }

    @Test
    void metadataWithoutBm25ReadsBackEqual() throws Exception {
        IndexMetadata written = metadata(Optional.empty());

        assertEquals(written, IndexMetadata.fromUserData(written.toUserData(), FOLDER));
    }

    @Test
    void todaysUserDataStillReads() throws Exception {
        assertEquals(metadata(Optional.of(Bm25Language.forCode("ko"))),
                IndexMetadata.fromUserData(todaysUserData(), FOLDER));
    }

    @Test
    void theWriterUsesTodaysKeys() throws Exception {
        assertEquals(todaysUserData(), metadata(Optional.of(Bm25Language.forCode("ko"))).toUserData());
    }

    @Test
    void aNewerFormatIsRefusedNamingTheIndexAndTheVersions() {
        Map<String, String> data = todaysUserData();
        data.put("sembridge.index.format", "2");

        InputFormatException e = assertThrows(InputFormatException.class,
                () -> IndexMetadata.fromUserData(data, FOLDER));

        assertEquals("index " + FOLDER + ": index format version 2 is newer than this SemBridge reads (version 1);"
                + " it was written by a newer SemBridge, update to read it", e.getMessage());
    }

    @Test
    void aFormatThatIsNotANumberIsDamagedMetadata() {
        Map<String, String> data = todaysUserData();
        data.put("sembridge.index.format", "one");

        InputFormatException e = assertThrows(InputFormatException.class,
                () -> IndexMetadata.fromUserData(data, FOLDER));

        assertEquals("index " + FOLDER + " has damaged metadata: sembridge.index.format should be an integer, found"
                + " \"one\"", e.getMessage());
    }
}
