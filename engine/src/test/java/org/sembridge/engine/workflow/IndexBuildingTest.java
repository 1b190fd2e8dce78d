package org.sembridge.engine.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.index.Bm25Language;
import org.sembridge.engine.index.IndexBuildReport;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.DeviceChoice;

/// The service "build an index with a model" on the English sample encoder and demo corpus.
class IndexBuildingTest {

    static final Path REPO = Path.of(System.getProperty("sembridge.repo.root", "."));
    static final Path MODEL = REPO.resolve("sample-models/splade-tiny-en");
    static final Path CORPUS = REPO.resolve("assets/demo/en/corpus.jsonl");

    @TempDir
    Path dir;

    @Test
    void buildsEveryDocumentAndRecordsTheModelItWasBuiltWith() throws Exception {
        long lines = Files.readAllLines(CORPUS, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).count();
        IndexBuildReport report = IndexBuilding.build(IndexBuildJob.of(CORPUS, dir.resolve("index"), MODEL,
                Optional.of(Bm25Language.EN), DeviceChoice.CPU), ProgressListener.NONE, CancellationToken.create());
        assertEquals(lines, report.metadata().documentCount());
        assertEquals(MODEL.toAbsolutePath().normalize().toString(), report.metadata().modelPath());
        assertEquals(Optional.of(Bm25Language.EN), report.metadata().bm25Language());
        assertTrue(Files.isDirectory(dir.resolve("index")));
    }

    @Test
    void emptyCorpusIsRefusedWithItsNameBeforeAnyModelIsLoaded() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n\n", StandardCharsets.UTF_8);
        // The model folder does not exist: the corpus is refused first, so no model is loaded.
        IndexBuildJob job = IndexBuildJob.of(empty, dir.resolve("index"), dir.resolve("no-model"), Optional.empty(),
                DeviceChoice.CPU);
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> IndexBuilding.build(job, ProgressListener.NONE, CancellationToken.create()));
        assertEquals(empty + ": no documents; nothing to index", e.getMessage());
        assertFalse(Files.exists(dir.resolve("index")));
    }

    @Test
    void corpusOfEmptyDocumentsIsRefusedAndSaysHowManyWereSkipped() throws IOException {
        Path blank = Files.writeString(dir.resolve("blank.jsonl"),
                "{\"_id\": \"a\", \"text\": \"\"}\n{\"_id\": \"b\", \"text\": \" \", \"title\": \"\"}\n",
                StandardCharsets.UTF_8);
        IndexBuildJob job = IndexBuildJob.of(blank, dir.resolve("index"), MODEL, Optional.empty(), DeviceChoice.CPU);
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> IndexBuilding.buildShowingRate(job, ProgressListener.NONE, CancellationToken.create()));
        assertEquals(blank + ": no documents with text (2 without title and text skipped); nothing to index",
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("index")));
    }

    @Test
    void rateProgressCountsTheEncodedDocuments() throws Exception {
        Path corpus = Files.writeString(dir.resolve("three.tsv"), "d1\tthe heart\nd2\tthe hand\nd3\tthe eye\n",
                StandardCharsets.UTF_8);
        List<String> stages = new ArrayList<>();
        IndexBuilding.buildShowingRate(new IndexBuildJob(corpus, dir.resolve("index"), MODEL, Optional.empty(), 2,
                1 << 20, DeviceChoice.CPU), (stage, done, total) -> stages.add(stage), CancellationToken.create());
        assertTrue(stages.stream().anyMatch(s -> s.matches("indexing three\\.tsv: 2 documents, \\d+ documents/s")),
                stages.toString());
        assertTrue(stages.getLast().matches("indexing three\\.tsv: 3 documents, \\d+ documents/s"), stages.toString());
    }
}
