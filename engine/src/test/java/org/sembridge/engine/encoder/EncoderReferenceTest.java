package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.RandomModelFolder;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.hf.TokenBatch;

/// The forward pass against the independent numpy reference (`reference_encoder.py`) on
/// random two-layer models of every family and variant, on both layer paths: the one
/// [LayerPath] chooses for these narrow models (DJL) and, on a CPU with OpenBLAS, the host layer
/// stack ([HostEncoder]) with the DJL MLM head; [HostEncoderTest] holds the two paths to each
/// other more tightly.
///
/// Agreement: every element of the hidden states, the MLM logits and the SPLADE vectors
/// satisfies `|java - numpy| <= 1e-4 * max(1, |numpy|)` (see [RelativeError]); numpy computes
/// in float64, Java in float32.
class EncoderReferenceTest {

    private static final List<String> TEXTS = List.of(
            "the cat sat on the mat.",
            "dogs running",
            "a big blue house and a red car in the city, 42!");

    @TempDir
    static Path models;

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of("bert", "bert", new String[] {}),
                Arguments.of("bert-gelu-new", "bert", new String[] {"--hidden-act", "gelu_new"}),
                Arguments.of("bert-untied-legacy-names", "bert", new String[] {"--untied", "--legacy-norm-names"}),
                Arguments.of("bert-f16", "bert", new String[] {"--dtype", "F16"}),
                Arguments.of("bert-bf16", "bert", new String[] {"--dtype", "BF16"}),
                Arguments.of("bert-sharded", "bert", new String[] {"--shards", "3"}),
                Arguments.of("roberta", "roberta", new String[] {}),
                Arguments.of("roberta-gelu-new-stored-decoder", "roberta",
                        new String[] {"--hidden-act", "gelu_new", "--store-tied-decoder"}),
                Arguments.of("xlm-roberta", "xlm-roberta", new String[] {}),
                Arguments.of("distilbert", "distilbert", new String[] {}),
                Arguments.of("distilbert-relu", "distilbert", new String[] {"--hidden-act", "relu"}),
                Arguments.of("distilbert-sinusoidal-computed", "distilbert", new String[] {"--sinusoidal", "--drop",
                        "distilbert.embeddings.position_embeddings.weight"}));
    }

    /// One random model and its numpy reference outputs, computed once per variant.
    private record Fixture(HfModelFolder folder, TokenBatch batch, ReferenceEncoder reference) {
    }

    private static final Map<String, Fixture> FIXTURES = new HashMap<>();

    private static Fixture fixture(String name, String family, String[] options) throws Exception {
        Fixture cached = FIXTURES.get(name);
        if (cached != null) {
            return cached;
        }
        Path dir = RandomModelFolder.create(models, name, family, options);
        HfModelFolder folder = HfModelFolder.open(dir);
        try (TextTokenizer tokenizer = folder.openTokenizer()) {
            TokenBatch batch = tokenizer.encodeBatch(TEXTS);
            Fixture fixture = new Fixture(folder, batch, ReferenceEncoder.run(dir, batch, SpladePooling.MAX));
            FIXTURES.put(name, fixture);
            return fixture;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void hiddenStatesMatchNumpyReference(String name, String family, String[] options) throws Exception {
        Fixture fixture = fixture(name, family, options);
        try (EncoderModel model = EncoderModel.loadEncoder(fixture.folder(), SelectedDevice.cpu())) {
            RelativeError.assertClose(name + " hidden", model.hiddenStates(fixture.batch()),
                    fixture.reference().hidden());
            if (model.useHostLayers(true)) {
                RelativeError.assertClose(name + " hidden (host layers)", model.hiddenStates(fixture.batch()),
                        fixture.reference().hidden());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void maskedLmLogitsMatchNumpyReference(String name, String family, String[] options) throws Exception {
        Fixture fixture = fixture(name, family, options);
        try (EncoderModel model = EncoderModel.loadMaskedLm(fixture.folder(), SelectedDevice.cpu())) {
            RelativeError.assertClose(name + " logits", model.maskedLmLogits(fixture.batch()),
                    fixture.reference().logits());
            if (model.useHostLayers(true)) {
                RelativeError.assertClose(name + " logits (host layers)", model.maskedLmLogits(fixture.batch()),
                        fixture.reference().logits());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void spladeVectorsMatchNumpyReference(String name, String family, String[] options) throws Exception {
        Fixture fixture = fixture(name, family, options);
        try (SparseEncoder encoder = SparseEncoder.load(fixture.folder(), SelectedDevice.cpu(),
                SpladeSettings.DEFAULTS)) {
            List<SparseVector> vectors = encoder.encode(TEXTS);

            assertEquals(TEXTS.size(), vectors.size());
            assertSplade(name, fixture, vectors);
            if (encoder.model().useHostLayers(true)) {
                assertSplade(name + " (host layers)", fixture, encoder.encode(TEXTS));
            }
        }
    }

    private static void assertSplade(String name, Fixture fixture, List<SparseVector> vectors) {
        for (int i = 0; i < TEXTS.size(); i++) {
            RelativeError.assertClose(name + " splade[" + i + "]",
                    dense(vectors.get(i), fixture.folder().config().vocabSize()), fixture.reference().splade()[i]);
        }
    }

    static float[] dense(SparseVector vector, int vocabSize) {
        float[] dense = new float[vocabSize];
        for (int i = 0; i < vector.size(); i++) {
            dense[vector.tokenIds()[i]] = vector.weights()[i];
        }
        return dense;
    }
}
