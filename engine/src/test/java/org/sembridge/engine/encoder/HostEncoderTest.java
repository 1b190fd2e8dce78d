package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.RandomModelFolder;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.hf.TokenBatch;
import org.sembridge.engine.linalg.OpenBlas;

/// The host forward pass ([HostEncoder]: OpenBLAS + Java) against the DJL path on the same
/// loaded weights, for every MLM head family (BERT, RoBERTa, XLM-R, DistilBERT) and every
/// activation: hidden states, MLM logits, SPLADE vectors and bridge embeddings agree within
/// `1e-5 * max(1, |djl|)` per element (float32 sums in another order, a more accurate GELU).
///
/// The random models are wider than the reference tests' (hidden 64, 4 heads, intermediate
/// 160, 96 positions), and the texts cover both attention strategies of [HostAttention]: a
/// batch padded to at least [HostAttention#BLAS_MIN_LENGTH] tokens (OpenBLAS per text and head,
/// with padding rows) and a batch of short texts (Java per text and head).
class HostEncoderTest {

    private static final double TOLERANCE = 1e-5;
    private static final String DIMS = "64,4,160,2,96";
    private static final List<String> SHORT = List.of("the cat sat", "blue car", "a dog walked home.", "red");
    private static final List<String> LONG = List.of(
            "the cat sat on the mat and the dog sat on the big blue house in the city, 42! ".repeat(3),
            "dogs running", "a big blue house and a red car in the city");

    @TempDir
    static Path models;

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of("bert", "bert", new String[] {}),
                Arguments.of("bert-gelu-new-untied", "bert", new String[] {"--hidden-act", "gelu_new", "--untied"}),
                Arguments.of("roberta", "roberta", new String[] {}),
                Arguments.of("xlm-roberta", "xlm-roberta", new String[] {}),
                Arguments.of("distilbert", "distilbert", new String[] {}),
                Arguments.of("distilbert-relu-sinusoidal", "distilbert", new String[] {"--hidden-act", "relu",
                        "--sinusoidal"}));
    }

    private static HfModelFolder folder(String name, String family, String... options) throws Exception {
        String[] all = Stream.concat(Stream.of("--dims", DIMS), Stream.of(options)).toArray(String[]::new);
        return HfModelFolder.open(RandomModelFolder.create(models, name, family, all));
    }

    /// Switches `model` to the host layers: these models are narrower than
    /// [LayerPath#MIN_HOST_HIDDEN], so by default they run in DJL.
    private static void assumeHost(EncoderModel model) {
        assumeTrue(OpenBlas.available().isPresent(), "OpenBLAS not loadable here: no host path to compare");
        assertTrue(model.useHostLayers(true), "a CPU model with OpenBLAS can run its layers on the host");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void hiddenStatesOnTheHostEqualTheDjlPath(String name, String family, String[] options) throws Exception {
        HfModelFolder folder = folder(name + "-hidden", family, options);
        try (EncoderModel model = EncoderModel.loadEncoder(folder, SelectedDevice.cpu());
                TextTokenizer tokenizer = folder.openTokenizer()) {
            assumeHost(model);
            for (List<String> texts : List.of(LONG, SHORT)) {
                TokenBatch batch = tokenizer.encodeBatch(texts);
                float[][][] host = model.hiddenStates(batch);
                model.useHostLayers(false);
                float[][][] djl = model.hiddenStates(batch);
                model.useHostLayers(true);

                assertClose(name + " hidden, " + batch.length() + " tokens", host, djl);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void maskedLmLogitsOnTheHostEqualTheDjlPath(String name, String family, String[] options) throws Exception {
        HfModelFolder folder = folder(name + "-logits", family, options);
        try (EncoderModel model = EncoderModel.loadMaskedLm(folder, SelectedDevice.cpu());
                TextTokenizer tokenizer = folder.openTokenizer()) {
            assumeHost(model);
            TokenBatch batch = tokenizer.encodeBatch(LONG);
            float[][][] host = model.maskedLmLogits(batch);
            model.useHostLayers(false);
            float[][][] djl = model.maskedLmLogits(batch);

            assertClose(name + " logits", host, djl);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void spladeVectorsOnTheHostEqualTheDjlPath(String name, String family, String[] options) throws Exception {
        HfModelFolder folder = folder(name + "-splade", family, options);
        List<String> texts = Stream.concat(LONG.stream(), SHORT.stream()).toList();
        try (SparseEncoder encoder = SparseEncoder.load(folder, SelectedDevice.cpu(), SpladeSettings.DEFAULTS)) {
            assumeHost(encoder.model());
            int vocab = encoder.model().config().vocabSize();
            List<SparseVector> host = encoder.encode(texts);
            encoder.model().useHostLayers(false);
            List<SparseVector> djl = encoder.encodeUnfused(texts);

            for (int i = 0; i < texts.size(); i++) {
                assertClose(name + " splade[" + i + "]", EncoderReferenceTest.dense(host.get(i), vocab),
                        EncoderReferenceTest.dense(djl.get(i), vocab));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void bridgeEmbeddingsOnTheHostEqualTheDjlPath(String name, String family, String[] options) throws Exception {
        String[] bridge = Stream.concat(Stream.of("--bridge"), Stream.of(options)).toArray(String[]::new);
        HfModelFolder folder = folder(name + "-bridge", family, bridge);
        List<String> texts = Stream.concat(LONG.stream(), SHORT.stream()).toList();
        try (BridgeEncoder encoder = BridgeEncoder.load(folder, SelectedDevice.cpu(), 3)) {
            assumeHost(encoder.model());
            float[][] host = encoder.embed(texts);
            encoder.model().useHostLayers(false);
            float[][] djl = encoder.embed(texts);

            for (int i = 0; i < texts.size(); i++) {
                assertClose(name + " bridge[" + i + "]", host[i], djl[i]);
            }
        }
    }

    @Test
    void hostPassesHoldNoOffHeapMemoryBetweenCalls() throws Exception {
        HfModelFolder folder = folder("leak", "roberta");
        try (SparseEncoder encoder = SparseEncoder.load(folder, SelectedDevice.cpu(), SpladeSettings.DEFAULTS)) {
            assumeHost(encoder.model());
            for (int i = 0; i < 3; i++) {
                encoder.encode(LONG);
                encoder.encode(SHORT);
            }

            assertEquals(0, HostEncoder.liveBytes());
        }
    }

    @Test
    void attentionRestoresTheOpenBlasThreadCount() throws Exception {
        HfModelFolder folder = folder("threads", "bert");
        try (EncoderModel model = EncoderModel.loadEncoder(folder, SelectedDevice.cpu());
                TextTokenizer tokenizer = folder.openTokenizer()) {
            assumeHost(model);
            OpenBlas blas = OpenBlas.available().orElseThrow();
            int before = blas.threads();
            TokenBatch batch = tokenizer.encodeBatch(LONG);
            assertTrue(batch.length() >= HostAttention.BLAS_MIN_LENGTH, "the batch takes the OpenBLAS attention");

            model.hiddenStates(batch);

            assertEquals(before, blas.threads());
        }
    }

    @Test
    void aNarrowModelRunsItsLayersInDjlAndAWideOneOnTheHost() throws Exception {
        assumeTrue(OpenBlas.available().isPresent(), "OpenBLAS not loadable here: no host path to choose");
        HfModelFolder narrow = folder("narrow", "bert");
        HfModelFolder wide = HfModelFolder.open(RandomModelFolder.create(models, "wide", "bert", "--dims",
                LayerPath.MIN_HOST_HIDDEN + ",4,64,1,40"));
        try (EncoderModel narrowModel = EncoderModel.loadEncoder(narrow, SelectedDevice.cpu());
                EncoderModel wideModel = EncoderModel.loadEncoder(wide, SelectedDevice.cpu())) {
            assertEquals("DJL cpu()", narrowModel.layersBackend());
            assertTrue(wideModel.layersBackend().startsWith("OpenBLAS "), wideModel.layersBackend());
        }
    }

    @Test
    void theDjlPathIsUsedWhenTheHostLayersAreSwitchedOff() throws Exception {
        HfModelFolder folder = folder("switch", "bert");
        try (EncoderModel model = EncoderModel.loadEncoder(folder, SelectedDevice.cpu())) {
            assumeHost(model);
            assertTrue(model.layersBackend().startsWith("OpenBLAS "), model.layersBackend());

            assertFalse(model.useHostLayers(false));
            assertEquals("DJL cpu()", model.layersBackend());
        }
    }

    private static void assertClose(String what, float[][][] actual, float[][][] expected) {
        assertEquals(expected.length, actual.length, what + ": batch");
        for (int b = 0; b < expected.length; b++) {
            assertEquals(expected[b].length, actual[b].length, what + ": length");
            for (int t = 0; t < expected[b].length; t++) {
                assertClose(what + "[" + b + "][" + t + "]", actual[b][t], expected[b][t]);
            }
        }
    }

    private static void assertClose(String what, float[] actual, float[] expected) {
        assertEquals(expected.length, actual.length, what + ": width");
        for (int i = 0; i < expected.length; i++) {
            double allowed = TOLERANCE * Math.max(1.0, Math.abs(expected[i]));
            if (!(Math.abs(actual[i] - expected[i]) <= allowed)) {
                fail(what + "[" + i + "]: DJL " + expected[i] + ", host " + actual[i] + " (allowed error " + allowed
                        + ")");
            }
        }
    }
}
