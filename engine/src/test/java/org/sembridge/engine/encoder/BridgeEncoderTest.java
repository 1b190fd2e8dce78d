package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.RandomModelFolder;
import org.sembridge.engine.hf.TextTokenizer;

/// Sentence embeddings of the bridge encoder against the numpy reference: every element within
/// `1e-4 * max(1, |numpy|)` (see [RelativeError]).
class BridgeEncoderTest {

    private static final List<String> TEXTS = List.of("house", "the big blue house", "casa", "a dog walked home.");

    @TempDir
    static Path models;

    static Stream<Arguments> pipelines() {
        return Stream.of(
                Arguments.of("bert-mean-normalized", "bert", new String[] {"--pooling", "mean"}),
                Arguments.of("bert-cls-normalized", "bert", new String[] {"--pooling", "cls"}),
                Arguments.of("bert-max-raw", "bert", new String[] {"--pooling", "max", "--no-normalize"}),
                Arguments.of("xlm-roberta-cls-normalized", "xlm-roberta", new String[] {"--pooling", "cls"}),
                Arguments.of("distilbert-mean-raw", "distilbert", new String[] {"--pooling", "mean", "--no-normalize"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void embeddingsMatchNumpyReference(String name, String family, String[] options) throws Exception {
        String[] all = Stream.concat(Stream.of("--bridge"), Stream.of(options)).toArray(String[]::new);
        HfModelFolder folder = HfModelFolder.open(RandomModelFolder.create(models, name, family, all));
        try (BridgeEncoder encoder = BridgeEncoder.load(folder, SelectedDevice.cpu(), 3);
                TextTokenizer tokenizer = folder.openTokenizer()) {
            float[][] embeddings = encoder.embed(TEXTS);
            ReferenceEncoder reference = ReferenceEncoder.run(folder.directory(), tokenizer.encodeBatch(TEXTS),
                    SpladePooling.MAX);

            assertEquals(32, encoder.dimension());
            RelativeError.assertClose(name + " pooled", embeddings, reference.pooled());
        }
    }

    @Test
    void embeddingsDoNotDependOnBatchComposition() throws Exception {
        HfModelFolder folder = HfModelFolder.open(RandomModelFolder.create(models, "batching", "bert", "--bridge"));
        try (BridgeEncoder many = BridgeEncoder.load(folder, SelectedDevice.cpu(), 32);
                BridgeEncoder one = BridgeEncoder.load(folder, SelectedDevice.cpu(), 1)) {
            float[][] batched = many.embed(TEXTS);
            float[][] single = one.embed(TEXTS);

            for (int i = 0; i < TEXTS.size(); i++) {
                assertArrayEquals(single[i], batched[i], 1e-5f, "text " + i);
            }
        }
    }

    @Test
    void blankTextIsRefused() throws Exception {
        HfModelFolder folder = HfModelFolder.open(RandomModelFolder.create(models, "blank", "bert", "--bridge"));
        try (BridgeEncoder encoder = BridgeEncoder.load(folder, SelectedDevice.cpu(), 8)) {
            InputFormatException e = assertThrows(InputFormatException.class, () -> encoder.embed(List.of("")));

            assertTrue(e.getMessage().contains("bridge embedding: text 1 of 1"), e.getMessage());
        }
    }
}
