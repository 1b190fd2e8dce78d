package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.encoder.DeviceChoice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// The adapted model of a run loads like a Hugging Face checkpoint: the independent numpy
/// forward pass (`reference_encoder.py`, which reads `config.json` and the tensors by their
/// transformers names) gives the same SPLADE vectors as this engine's [org.sembridge.engine.encoder.SparseEncoder]
/// on target-language text, for every family and decoder layout.
class AdaptedModelReferenceTest {

    private static final List<String> TEXTS = List.of("die katze und der hund", "wasser im garten",
            "the strasse buchen", "haus");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path bridge;
    private static Path target;

    @BeforeAll
    static void inputs() throws Exception {
        bridge = TransferFixtures.bridge(shared);
        target = TransferFixtures.targetTokenizer(shared);
    }

    @ParameterizedTest
    @CsvSource({"bert,", "bert,--untied", "bert,--store-tied-decoder", "roberta,", "xlm-roberta,--untied",
        "distilbert,"})
    void exportedModelGivesTheNumpyReferenceSpladeVectors(String family, String option) throws Exception {
        String[] options = option == null ? new String[0] : new String[] {option};
        Path source = TransferFixtures.source(dir, "source", family, options);
        Path out = dir.resolve("run");
        TransferFixtures.runner(shared).run(TransferRequest.builder(source, target, "sembridge", out)
                .optBridge(bridge).optDevice(DeviceChoice.CPU).optBiasMode(BiasMode.MAPPED).build(),
                ProgressListener.NONE, CancellationToken.create());
        NumpySplade.assertEngineMatchesNumpy(out.resolve("model"), TEXTS);
    }

    @Test
    void robertaKeepsItsPaddingIdBecausePositionsDependOnIt() throws Exception {
        Path source = TransferFixtures.source(dir, "source", "roberta");
        Path out = dir.resolve("run");
        TransferFixtures.runner(shared).run(TransferRequest.builder(source, target, "sembridge", out)
                .optBridge(bridge).optDevice(DeviceChoice.CPU).build(), ProgressListener.NONE,
                CancellationToken.create());
        JsonObject config = JsonParser.parseString(Files.readString(out.resolve("model/config.json")))
                .getAsJsonObject();
        assertEquals(1, config.get("pad_token_id").getAsInt());
        assertEquals(true, LoadedRun.open(out).manifest().json().contains("derives position ids from pad_token_id"));
    }
}
