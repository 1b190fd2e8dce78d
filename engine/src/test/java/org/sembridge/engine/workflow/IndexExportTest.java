package org.sembridge.engine.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.encoder.SpladeSettings;
import org.sembridge.engine.index.IndexBuildRequest;
import org.sembridge.engine.index.IndexBuilder;
import org.sembridge.engine.index.QueryWeighting;
import org.sembridge.engine.index.SparseQueryEncoder;
import org.sembridge.engine.index.SpladeTextEncoder;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.SampleModels;

class IndexExportTest {

    @TempDir
    static Path temp;

    static Path index;
    static long corpusDocuments;
    static long queryLines;

    @BeforeAll
    static void buildIndex() throws Exception {
        Path corpus = SampleModels.demo("en").resolve("corpus.jsonl");
        corpusDocuments = Files.readAllLines(corpus).stream().filter(line -> !line.isBlank()).count();
        queryLines = Files.readAllLines(SampleModels.demo("en").resolve("queries.tsv")).stream()
                .filter(line -> !line.isBlank()).count();
        index = temp.resolve("My Index.v2");
        try (SpladeTextEncoder encoder = SpladeTextEncoder.load(SampleModels.splade(), SelectedDevice.cpu(),
                SpladeSettings.DEFAULTS)) {
            IndexBuilder.build(new IndexBuildRequest(corpus, index, SampleModels.splade().toString(), Optional.empty(),
                    IndexBuildRequest.DEFAULT_BATCH_SIZE), encoder, ProgressListener.NONE, CancellationToken.create());
        }
    }

    private static final IndexExport.QueryEncoding SAMPLE_ENCODER = (opened, texts, progress, cancel) -> {
        try (SpladeTextEncoder encoder = SpladeTextEncoder.load(SampleModels.splade(), SelectedDevice.cpu(),
                SpladeSettings.DEFAULTS)) {
            return new SparseQueryEncoder(encoder, QueryWeighting.ENCODER).encode(texts, progress, cancel);
        }
    };

    private static final IndexExport.QueryEncoding MISSING_MODEL = (opened, texts, progress, cancel) -> {
        throw new ModelFormatException("query model /nowhere is not there any more");
    };

    @Test
    void anseriniExportWritesEveryDocumentWithIntegerWeightsAndTheQueries() throws Exception {
        Path out = temp.resolve("anserini");

        AnseriniExport export = IndexExport.toAnserini(index, out, 100, Optional.of(SampleModels.demo("en")
                .resolve("queries.tsv")), SAMPLE_ENCODER, ProgressListener.NONE, CancellationToken.create());

        assertEquals(corpusDocuments, export.documents());
        assertEquals(out.resolve(IndexExport.ANSERINI_DOCUMENTS), export.documentsFile());
        assertEquals(Optional.of(out.resolve(IndexExport.ANSERINI_QUERIES)), export.queriesFile());
        assertEquals(queryLines, export.queries());
        List<String> documents = Files.readAllLines(export.documentsFile());
        assertEquals(corpusDocuments, documents.size());
        JsonObject vector = JsonParser.parseString(documents.getFirst()).getAsJsonObject().getAsJsonObject("vector");
        vector.entrySet().forEach(entry -> assertTrue(entry.getValue().getAsString().matches("[1-9][0-9]*"),
                entry.toString()));
        assertEquals(queryLines, Files.readAllLines(export.queriesFile().get()).size());
    }

    @Test
    void anseriniExportWithoutQueriesWritesDocumentsOnly() throws Exception {
        Path out = temp.resolve("documents-only");

        AnseriniExport export = IndexExport.toAnserini(index, out, 100, Optional.empty(), MISSING_MODEL,
                ProgressListener.NONE, CancellationToken.create());

        assertEquals(Optional.empty(), export.queriesFile());
        assertEquals(0, export.queries());
        assertEquals(List.of(".sembridge-output", IndexExport.ANSERINI_DOCUMENTS), entries(out));
    }

    @Test
    void openSearchExportNamesTheTargetIndexAfterTheFolderWhenNotGiven() throws Exception {
        Path out = temp.resolve("opensearch");

        OpenSearchExport export = IndexExport.toOpenSearch(index, out, Optional.empty(), ProgressListener.NONE,
                CancellationToken.create());

        // "My Index.v2" lower-cased, with the space and the dot (refused by OpenSearch) as '-'.
        assertEquals("my-index-v2", export.indexName());
        assertEquals(corpusDocuments, export.documents());
        List<String> bulk = Files.readAllLines(export.bulkFile());
        assertEquals(2 * corpusDocuments, bulk.size());
        assertEquals("my-index-v2", JsonParser.parseString(bulk.getFirst()).getAsJsonObject()
                .getAsJsonObject("index").get("_index").getAsString());
        JsonObject mapping = JsonParser.parseString(Files.readString(export.mappingFile())).getAsJsonObject();
        assertEquals("rank_features", mapping.getAsJsonObject("mappings").getAsJsonObject("properties")
                .getAsJsonObject("tokens").get("type").getAsString());
    }

    @Test
    void aFolderWithForeignFilesIsRefusedAndLeftAlone() throws Exception {
        Path out = Files.createDirectories(temp.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "my notes\n");

        InputFormatException error = assertThrows(InputFormatException.class, () -> IndexExport.toOpenSearch(index,
                out, Optional.of("x"), ProgressListener.NONE, CancellationToken.create()));

        assertTrue(error.getMessage().contains(out.toString()), error.getMessage());
        assertEquals(List.of("notes.txt"), entries(out));
        assertEquals(List.of(), leftovers("mine"));
    }

    @Test
    void aQueryModelThatCannotLoadLeavesNothingBehind() throws Exception {
        Path out = temp.resolve("no-model");

        assertThrows(ModelFormatException.class, () -> IndexExport.toAnserini(index, out, 100,
                Optional.of(SampleModels.demo("en").resolve("queries.tsv")), MISSING_MODEL, ProgressListener.NONE,
                CancellationToken.create()));

        assertFalse(Files.exists(out));
        assertEquals(List.of(), leftovers("no-model"));
    }

    @Test
    void aCancelledExportPublishesNothing() throws Exception {
        Path out = temp.resolve("cancelled");
        CancellationToken cancel = CancellationToken.create();
        cancel.cancel();

        assertThrows(OperationCancelledException.class, () -> IndexExport.toOpenSearch(index, out, Optional.empty(),
                ProgressListener.NONE, cancel));

        assertFalse(Files.exists(out));
        assertEquals(List.of(), leftovers("cancelled"));
    }

    private static List<String> entries(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<Path> leftovers(String name) throws Exception {
        try (Stream<Path> entries = Files.list(temp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("." + name + ".")).toList();
        }
    }
}
