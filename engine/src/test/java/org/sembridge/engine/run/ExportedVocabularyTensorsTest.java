package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.safetensors.SafetensorsFile;
import org.sembridge.engine.safetensors.TensorInfo;

/// Every vocabulary-sized tensor of the source is written at the target size under every name
/// the source stores it under: both decoder-bias aliases of BERT (`cls.predictions.bias`,
/// `cls.predictions.decoder.bias`) and RoBERTa/XLM-R (`lm_head.bias`, `lm_head.decoder.bias`),
/// untied and tied-stored decoders, and a tensor no layout knows whose first dimension is the
/// vocabulary. No tensor of the adapted model keeps the source's 121 rows, and the folder still
/// gives the numpy reference's SPLADE vectors.
class ExportedVocabularyTensorsTest {

    /// Rows of the random source models' vocabulary (`make_random_model.py`).
    private static final long SOURCE_ROWS = 121;

    private static final String EXTRA = "extra_vocabulary_table.weight";

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

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "bert,--store-tied-decoder, cls.predictions.bias cls.predictions.decoder.bias cls.predictions.decoder.weight",
        "bert,--untied, cls.predictions.bias cls.predictions.decoder.bias cls.predictions.decoder.weight",
        "roberta,--store-tied-decoder, lm_head.bias lm_head.decoder.bias lm_head.decoder.weight",
        "xlm-roberta,--untied, lm_head.bias lm_head.decoder.bias lm_head.decoder.weight",
        "distilbert,--untied, vocab_projector.bias vocab_projector.weight"})
    void everyStoredAliasOfEveryVocabularyTensorGetsTheTargetSize(String family, String decoder, String aliases)
            throws Exception {
        Path source = TransferFixtures.source(dir, "source", family, decoder, "--store-bias-alias",
                "--extra-vocab-tensor", EXTRA);
        Path out = dir.resolve("run");
        TransferFixtures.runner(shared).run(TransferRequest.builder(source, target, "sembridge", out)
                .optBridge(bridge).optDevice(DeviceChoice.CPU).optBiasMode(BiasMode.MAPPED).build(),
                ProgressListener.NONE, CancellationToken.create());

        Path model = out.resolve("model");
        long targetRows = JsonParser.parseString(Files.readString(model.resolve("config.json"))).getAsJsonObject()
                .get("vocab_size").getAsLong();
        List<String> expected = new ArrayList<>(List.of(aliases.strip().split(" ")));
        expected.add(EXTRA);
        try (SafetensorsFile file = SafetensorsFile.open(model.resolve("model.safetensors"))) {
            for (String name : expected) {
                TensorInfo tensor = file.require(name);
                assertEquals(targetRows, tensor.shape()[0], name + " rows");
            }
            for (TensorInfo tensor : file.tensors()) {
                assertTrue(tensor.shape().length == 0 || tensor.shape()[0] != SOURCE_ROWS,
                        tensor.name() + " kept the source's " + SOURCE_ROWS + " rows");
            }
            List<String> biases = expected.stream().filter(n -> n.endsWith(".bias")).toList();
            float[] first = file.readFloats(biases.getFirst());
            for (String alias : biases) {
                assertArrayEquals(first, file.readFloats(alias), alias + " differs from " + biases.getFirst());
            }
        }
        JsonObject manifest = JsonParser.parseString(Files.readString(out.resolve("run.json"))).getAsJsonObject();
        String replaced = manifest.getAsJsonObject("source").get("replaced_tensors").toString();
        for (String name : expected) {
            assertTrue(replaced.contains(name), "run.json replaced_tensors " + replaced + " lacks " + name);
        }
        NumpySplade.assertEngineMatchesNumpy(model, List.of("die katze und der hund", "wasser im garten"));
    }
}
