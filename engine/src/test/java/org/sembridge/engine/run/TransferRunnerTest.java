package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.bridge.PrecomputedBridgeVectors;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.provenance.ContentHash;
import org.sembridge.engine.safetensors.SafetensorsFile;
import org.sembridge.engine.transfer.FloatMatrix;

/// The transfer pipeline on small random models: what the run folder holds, how every
/// vocabulary-sized tensor is rebuilt, and that bad input, a full disk or a cancellation leave
/// no run folder behind.
class TransferRunnerTest {

    private static final String EMBEDDINGS = "bert.embeddings.word_embeddings.weight";
    private static final String BIAS = "cls.predictions.bias";
    private static final String DECODER = "cls.predictions.decoder.weight";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path source;
    private static Path bridge;
    private static Path target;
    private static Path baseline;

    @BeforeAll
    static void runBaseline() throws Exception {
        source = TransferFixtures.source(shared, "source", "bert");
        bridge = TransferFixtures.bridge(shared);
        target = TransferFixtures.targetTokenizer(shared);
        baseline = shared.resolve("baseline-run");
        TransferFixtures.runner(shared).run(request(baseline).build(), ProgressListener.NONE,
                CancellationToken.create());
    }

    private static TransferRequest.Builder request(Path out) {
        return TransferRequest.builder(source, target, "sembridge", out).optBridge(bridge).optDevice(DeviceChoice.CPU);
    }

    private TransferSummary run(TransferRequest request) throws Exception {
        return TransferFixtures.runner(shared).run(request, ProgressListener.NONE, CancellationToken.create());
    }

    @Test
    void runFolderHoldsModelAlignmentsManifestAndVocabularies() {
        for (String file : List.of("model/config.json", "model/model.safetensors", "model/vocab.txt",
                "model/tokenizer_config.json", "alignments.jsonl", "run.json", "source_vocabulary.json",
                "target_vocabulary.json")) {
            assertTrue(Files.isRegularFile(baseline.resolve(file)), file);
        }
    }

    @Test
    void configGetsTheTargetVocabularySize() throws Exception {
        JsonObject config = JsonParser.parseString(Files.readString(baseline.resolve("model/config.json")))
                .getAsJsonObject();
        LoadedRun run = LoadedRun.open(baseline);
        assertEquals(run.targetSize(), config.get("vocab_size").getAsInt());
        assertEquals(0, config.get("pad_token_id").getAsInt());
    }

    @Test
    void everyTargetTokenHasOneRecordOfItsKind() throws Exception {
        LoadedRun run = LoadedRun.open(baseline);
        for (String word : TransferFixtures.SHARED_WORDS) {
            AlignmentRecord record = run.token(word).orElseThrow();
            assertEquals(TargetTokenKind.OVERLAP, record.kind(), word);
            assertEquals(run.sourceVocabulary().tokens().indexOf(word), record.overlapSourceId(), word);
        }
        for (String word : TransferFixtures.NEW_WORDS) {
            AlignmentRecord record = run.token(word).orElseThrow();
            assertEquals(TargetTokenKind.NEW, record.kind(), word);
            assertEquals(10, record.nearest().size(), word);
            assertEquals(record.sources().size(), record.support(), word);
            assertEquals(1.0, record.sources().stream().mapToDouble(SourceWeight::weight).sum(), 1e-5, word);
        }
        assertEquals(TargetTokenKind.SPECIAL, run.token("[CLS]").orElseThrow().kind());
    }

    @Test
    void newRowsAreTheWeightedSumsOfSourceRowsAndOverlapRowsAreCopies() throws Exception {
        LoadedRun run = LoadedRun.open(baseline);
        FloatMatrix sourceRows = matrix(source.resolve("model.safetensors"), EMBEDDINGS);
        FloatMatrix targetRows = matrix(baseline.resolve("model/model.safetensors"), EMBEDDINGS);
        for (int id = 0; id < run.targetSize(); id++) {
            AlignmentRecord record = run.token(id);
            float[] expected = new float[sourceRows.columns()];
            for (SourceWeight weight : record.sources()) {
                for (int c = 0; c < expected.length; c++) {
                    expected[c] += weight.weight() * sourceRows.get(weight.id(), c);
                }
            }
            if (record.isCopy()) {
                assertArrayEquals(sourceRows.row(record.overlapSourceId()), targetRows.row(id), record.token());
            } else {
                assertArrayEquals(expected, targetRows.row(id), 1e-5f, record.token());
            }
        }
    }

    @Test
    void indexBiasKeepsEntriesByPositionAndZeroPadsBeyond() throws Exception {
        float[] sourceBias = matrix(source.resolve("model.safetensors"), BIAS).values();
        float[] targetBias = matrix(baseline.resolve("model/model.safetensors"), BIAS).values();
        for (int id = 0; id < targetBias.length; id++) {
            assertEquals(id < sourceBias.length ? sourceBias[id] : 0.0f, targetBias[id], "bias of token " + id);
        }
        assertEquals(targetBias[7], LoadedRun.open(baseline).token(7).bias());
    }

    @Test
    void mappedBiasCopiesOverlapTokensAndWeighsNewTokens() throws Exception {
        Path out = dir.resolve("mapped");
        run(request(out).optBiasMode(BiasMode.MAPPED).build());
        float[] sourceBias = matrix(source.resolve("model.safetensors"), BIAS).values();
        float[] targetBias = matrix(out.resolve("model/model.safetensors"), BIAS).values();
        LoadedRun run = LoadedRun.open(out);
        for (int id = 0; id < run.targetSize(); id++) {
            AlignmentRecord record = run.token(id);
            double expected = record.sources().stream().mapToDouble(s -> s.weight() * sourceBias[s.id()]).sum();
            assertEquals(expected, targetBias[id], 1e-5, record.token());
            assertEquals(targetBias[id], record.bias(), record.token());
        }
    }

    @Test
    void zeroBiasWritesZeros() throws Exception {
        Path out = dir.resolve("zero");
        run(request(out).optBiasMode(BiasMode.ZERO).build());
        float[] targetBias = matrix(out.resolve("model/model.safetensors"), BIAS).values();
        assertArrayEquals(new float[targetBias.length], targetBias);
    }

    @Test
    void untiedDecoderGetsTheSameMappingAsTheEmbeddings() throws Exception {
        Path untied = TransferFixtures.source(dir, "untied", "bert", "--untied");
        Path out = dir.resolve("untied-run");
        run(TransferRequest.builder(untied, target, "sembridge", out).optBridge(bridge)
                .optDevice(DeviceChoice.CPU).build());
        FloatMatrix sourceDecoder = matrix(untied.resolve("model.safetensors"), DECODER);
        FloatMatrix targetDecoder = matrix(out.resolve("model/model.safetensors"), DECODER);
        LoadedRun run = LoadedRun.open(out);
        for (int id = 0; id < run.targetSize(); id++) {
            AlignmentRecord record = run.token(id);
            float[] expected = new float[sourceDecoder.columns()];
            for (SourceWeight weight : record.sources()) {
                for (int c = 0; c < expected.length; c++) {
                    expected[c] += weight.weight() * sourceDecoder.get(weight.id(), c);
                }
            }
            assertArrayEquals(expected, targetDecoder.row(id), 1e-5f, record.token());
        }
        assertFalse(Arrays.equals(targetDecoder.values(),
                matrix(out.resolve("model/model.safetensors"), EMBEDDINGS).values()));
    }

    @Test
    void storedTiedDecoderStaysEqualToTheNewEmbeddings() throws Exception {
        Path tied = TransferFixtures.source(dir, "tied", "bert", "--store-tied-decoder");
        Path out = dir.resolve("tied-run");
        run(TransferRequest.builder(tied, target, "sembridge", out).optBridge(bridge)
                .optDevice(DeviceChoice.CPU).build());
        Path weights = out.resolve("model/model.safetensors");
        assertArrayEquals(matrix(weights, EMBEDDINGS).values(), matrix(weights, DECODER).values());
    }

    @Test
    void statisticalBaselineNeedsNoBridgeAndChoosesNoSources() throws Exception {
        Path out = dir.resolve("mean");
        TransferSummary summary = run(TransferRequest.builder(source, target, "mean", out)
                .optDevice(DeviceChoice.CPU).build());
        LoadedRun run = LoadedRun.open(out);
        AlignmentRecord record = run.token("katze").orElseThrow();
        assertTrue(record.sources().isEmpty());
        assertEquals(0, record.support());
        assertEquals(TransferFixtures.NEW_WORDS.size(), summary.newTokens());
        assertTrue(run.manifest().json().contains("no bridge vectors are read"));
    }

    @Test
    void methodThatNeedsABridgeWithoutOneIsRefused() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> run(
                TransferRequest.builder(source, target, "sembridge", dir.resolve("x")).optDevice(DeviceChoice.CPU)
                        .build()));
        assertTrue(e.getMessage().contains("needs a bridge"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void unknownMethodIsRefusedWithTheValidNames() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> run(
                TransferRequest.builder(source, target, "wechsel", dir.resolve("x")).optBridge(bridge).build()));
        assertTrue(e.getMessage().contains("sembridge, focus, ofa, mean, random, gauss, mvgauss"), e.getMessage());
    }

    @Test
    void targetIdenticalToTheSourceIsReportedAsANoOp() throws Exception {
        Path out = dir.resolve("noop");
        TransferSummary summary = run(TransferRequest.builder(source, source, "sembridge", out).optBridge(bridge)
                .optDevice(DeviceChoice.CPU).build());
        assertTrue(summary.noOp());
        assertEquals(0, summary.newTokens());
        assertTrue(summary.noOpReason().contains("same vocabulary"), summary.noOpReason());
        LoadedRun run = LoadedRun.open(out);
        assertTrue(run.manifest().noOp());
        assertArrayEquals(matrix(source.resolve("model.safetensors"), EMBEDDINGS).values(),
                matrix(out.resolve("model/model.safetensors"), EMBEDDINGS).values());
    }

    @Test
    void emptyTargetVocabularyIsRefused() throws Exception {
        Path empty = dir.resolve("empty-tokenizer");
        Files.createDirectories(empty);
        Files.writeString(empty.resolve("tokenizer.json"), "{\"version\": \"1.0\", \"added_tokens\": [], "
                + "\"model\": {\"type\": \"WordPiece\", \"unk_token\": \"[UNK]\", \"vocab\": {}}}");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> run(
                TransferRequest.builder(source, empty, "sembridge", dir.resolve("x")).optBridge(bridge).build()));
        assertTrue(e.getMessage().contains("vocabulary is empty"), e.getMessage());
        assertTrue(e.getMessage().contains("empty-tokenizer"), e.getMessage());
    }

    @Test
    void precomputedBridgeFileGivesTheSameAlignmentsAsTheBridgeModel() throws Exception {
        Path file = precomputedBridge(Float.NaN, -1);
        Path out = dir.resolve("precomputed");
        run(TransferRequest.builder(source, target, "sembridge", out).optBridge(file).optDevice(DeviceChoice.CPU)
                .build());
        LoadedRun fromFile = LoadedRun.open(out);
        LoadedRun fromModel = LoadedRun.open(baseline);
        for (int id = 0; id < fromModel.targetSize(); id++) {
            assertEquals(fromModel.token(id), fromFile.token(id));
        }
        assertTrue(fromFile.manifest().precomputedBridge());
    }

    @Test
    void nanBridgeVectorIsRefusedNamingTheFileAndText() throws Exception {
        Path file = precomputedBridge(Float.NaN, 3);
        InputFormatException e = assertThrows(InputFormatException.class, () -> run(
                TransferRequest.builder(source, target, "sembridge", dir.resolve("x")).optBridge(file)
                        .optDevice(DeviceChoice.CPU).build()));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"config.json", "model.safetensors", "vocab.txt", "alignments.jsonl",
        "target_vocabulary.json", "run.json"})
    void fullDiskLeavesNoRunFolder(String failingFile) throws Exception {
        Path out = dir.resolve("full");
        FileWriteGate fullDisk = file -> {
            if (file.getFileName().toString().equals(failingFile)) {
                throw new IOException("No space left on device: " + file);
            }
        };
        TransferRunner runner = new TransferRunner(TransferFixtures.store(shared), ContentHash.withoutMemo(), fullDisk);
        IOException e = assertThrows(IOException.class, () -> runner.run(request(out).build(), ProgressListener.NONE,
                CancellationToken.create()));
        assertTrue(e.getMessage().contains("No space left"), e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(List.of(), TransferFixtures.stagingLeftovers(dir, "full"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"loading the source model", "matching vocabularies", "planning sembridge",
        "aligning target tokens", "building the target matrices", "writing the run folder"})
    void cancelInTheMiddleLeavesNoRunFolder(String stage) throws Exception {
        Path out = dir.resolve("cancelled");
        CancellationToken cancel = CancellationToken.create();
        AtomicBoolean reached = new AtomicBoolean();
        ProgressListener cancelAtStage = (current, done, total) -> {
            if (current.equals(stage)) {
                reached.set(true);
                cancel.cancel();
            }
        };
        assertThrows(OperationCancelledException.class, () -> TransferFixtures.runner(shared)
                .run(request(out).build(), cancelAtStage, cancel));
        assertTrue(reached.get(), "stage " + stage + " was reached");
        assertFalse(Files.exists(out));
        assertEquals(List.of(), TransferFixtures.stagingLeftovers(dir, "cancelled"));
    }

    @Test
    void unrelatedOutputFolderIsNeverReplaced() throws Exception {
        Path out = dir.resolve("documents");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.tex"), "important");
        InputFormatException e = assertThrows(InputFormatException.class, () -> run(request(out).build()));
        assertTrue(e.getMessage().contains("not a run folder"), e.getMessage());
        assertEquals("important", Files.readString(out.resolve("thesis.tex")));
    }

    @Test
    void folderThatMerelyHoldsARunJsonIsNeverReplaced() throws Exception {
        Path out = dir.resolve("looks-like-a-run");
        Files.createDirectories(out);
        Files.writeString(out.resolve("run.json"), "{\"format\": \"sembridge-run\"}");
        Files.writeString(out.resolve("thesis.tex"), "important");
        InputFormatException e = assertThrows(InputFormatException.class, () -> run(request(out).build()));
        assertTrue(e.getMessage().contains("refusing to replace " + out), e.getMessage());
        assertEquals("important", Files.readString(out.resolve("thesis.tex")));
        assertEquals(List.of(), TransferFixtures.stagingLeftovers(dir, "looks-like-a-run"));
    }

    @Test
    void runFolderWithAFileAddedByTheUserIsNeverReplaced() throws Exception {
        Path out = dir.resolve("annotated");
        run(request(out).build());
        Files.writeString(out.resolve("my-notes.txt"), "mine");
        InputFormatException e = assertThrows(InputFormatException.class, () -> run(request(out).build()));
        assertTrue(e.getMessage().contains("my-notes.txt, which this tool did not write there"), e.getMessage());
        assertEquals("mine", Files.readString(out.resolve("my-notes.txt")));
    }

    @Test
    void stagingFolderOfAKilledRunIsRemovedByTheNextRun() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path orphan = Files.createDirectories(dir.resolve(".killed.staging-" + finished.pid() + "-0"));
        Files.writeString(orphan.resolve("alignments.jsonl"), "half");
        run(request(dir.resolve("killed")).build());
        assertEquals(List.of(), TransferFixtures.stagingLeftovers(dir, "killed"));
        assertTrue(Files.isRegularFile(dir.resolve("killed").resolve("run.json")));
    }

    @Test
    void earlierRunFolderIsReplaced() throws Exception {
        Path out = dir.resolve("again");
        run(request(out).optBiasMode(BiasMode.ZERO).build());
        run(request(out).optBiasMode(BiasMode.MAPPED).build());
        assertEquals(BiasMode.MAPPED, LoadedRun.open(out).manifest().biasMode());
    }

    @Test
    void manifestRecordsParametersHashesTimingsAndDecisions() throws Exception {
        JsonObject manifest = JsonParser.parseString(Files.readString(baseline.resolve("run.json"))).getAsJsonObject();
        assertEquals("sembridge", manifest.get("method").getAsString());
        assertEquals(4.0, manifest.getAsJsonObject("parameters").get("alpha").getAsDouble());
        assertEquals(64, manifest.getAsJsonObject("inputs").getAsJsonObject("source").get("sha256").getAsString()
                .length());
        assertEquals(64, manifest.getAsJsonObject("inputs").getAsJsonObject("bridge").get("sha256").getAsString()
                .length());
        assertTrue(manifest.getAsJsonObject("timings_seconds").has("planning sembridge"));
        assertTrue(manifest.getAsJsonObject("counts").getAsJsonObject("rows_solved").has("on_top_k"));
        assertTrue(manifest.get("decisions").toString().contains("decoder bias: index"));
        assertTrue(manifest.getAsJsonObject("provenance").has("java"));
    }

    @Test
    void manifestRecordsTheTargetLanguageFromTheNewTokensScripts() throws Exception {
        // The fixture's target folder is "target-tokenizer" (no language code) and its new tokens
        // are Latin words, so the language comes from their script.
        RunManifest manifest = LoadedRun.open(baseline).manifest();

        assertEquals(Optional.of("latin"), manifest.targetLanguage().map(TargetLanguage::code));
        assertEquals(Optional.of(TargetLanguage.Origin.VOCABULARY_SCRIPTS),
                manifest.targetLanguage().map(TargetLanguage::origin));
    }

    @Test
    void manifestRecordsTheLanguageTheUserGave() throws Exception {
        Path out = dir.resolve("named-language");
        run(request(out).optLanguage("de").build());

        assertEquals(Optional.of("de"), LoadedRun.open(out).manifest().targetLanguage().map(TargetLanguage::code));
    }

    /// A precomputed bridge file with the source and target texts of the baseline run (from its
    /// cache), with `poison` written into row `poisonedRow` (none when negative).
    private Path precomputedBridge(float poison, int poisonedRow) throws Exception {
        LoadedRun run = LoadedRun.open(baseline, TransferFixtures.store(shared));
        BridgeSpace space = run.bridgeVectors();
        Map<String, float[]> byText = new LinkedHashMap<>();
        addRows(byText, VocabularyFile.read(baseline.resolve(VocabularyFile.SOURCE_FILE_NAME)).bridgeTexts(),
                space.sources());
        addRows(byText, VocabularyFile.read(baseline.resolve(VocabularyFile.TARGET_FILE_NAME)).bridgeTexts(),
                space.targets());
        List<String> texts = new ArrayList<>(byText.keySet());
        int dimension = space.sources().columns();
        FloatMatrix vectors = FloatMatrix.zeros(texts.size(), dimension);
        for (int i = 0; i < texts.size(); i++) {
            System.arraycopy(byText.get(texts.get(i)), 0, vectors.values(), i * dimension, dimension);
        }
        if (poisonedRow >= 0) {
            vectors.values()[poisonedRow * dimension + 1] = poison;
        }
        Path file = dir.resolve("bridge-vectors.safetensors");
        PrecomputedBridgeVectors.write(file, texts, vectors, Map.of(PrecomputedBridgeVectors.MODEL_KEY, "random"));
        return file;
    }

    private static void addRows(Map<String, float[]> byText, List<String> texts, FloatMatrix rows) {
        for (int i = 0; i < texts.size(); i++) {
            byText.putIfAbsent(texts.get(i), rows.row(i));
        }
    }

    private static FloatMatrix matrix(Path file, String tensor) throws Exception {
        try (SafetensorsFile weights = SafetensorsFile.open(file)) {
            long[] shape = weights.require(tensor).shape();
            int columns = shape.length == 2 ? (int) shape[1] : 1;
            return new FloatMatrix((int) shape[0], columns, weights.readFloats(tensor));
        }
    }
}
