package org.sembridge.engine.encoder;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.hf.TokenBatch;

/// The shipped sample models (`sample-models/`) against the numpy reference, with the same
/// criterion as [EncoderReferenceTest]: `|java - numpy| <= 1e-4 * max(1, |numpy|)` per element.
class SampleModelReferenceTest {

    private static Path sample(String name) {
        return Path.of(System.getProperty("sembridge.repo.root", "."), "sample-models", name);
    }

    @Test
    void spladeTinyMatchesNumpyReference() throws Exception {
        HfModelFolder folder = HfModelFolder.open(sample("splade-tiny-en"));
        List<String> texts = List.of("where do cats sleep at night?", "a house by the river", "water");
        try (SparseEncoder encoder = SparseEncoder.load(folder, SelectedDevice.cpu(), SpladeSettings.DEFAULTS);
                TextTokenizer tokenizer = folder.openTokenizer()) {
            TokenBatch batch = tokenizer.encodeBatch(texts);
            ReferenceEncoder reference = ReferenceEncoder.run(folder.modelDirectory(), batch, SpladePooling.MAX);

            RelativeError.assertClose("hidden", encoder.model().hiddenStates(batch), reference.hidden());
            RelativeError.assertClose("logits", encoder.model().maskedLmLogits(batch), reference.logits());
            List<SparseVector> vectors = encoder.encode(texts);
            for (int i = 0; i < texts.size(); i++) {
                RelativeError.assertClose("splade[" + i + "]",
                        EncoderReferenceTest.dense(vectors.get(i), folder.config().vocabSize()), reference.splade()[i]);
            }
        }
    }

    @Test
    void bridgeTinyMatchesNumpyReference() throws Exception {
        HfModelFolder folder = HfModelFolder.open(sample("bridge-tiny-multi"));
        List<String> texts = List.of("house", "집", "дом", "منزل", "घर", "房子", "a house by the river");
        try (BridgeEncoder encoder = BridgeEncoder.load(folder, SelectedDevice.cpu(), 4);
                TextTokenizer tokenizer = folder.openTokenizer()) {
            ReferenceEncoder reference = ReferenceEncoder.run(folder.modelDirectory(), tokenizer.encodeBatch(texts),
                    SpladePooling.MAX);

            RelativeError.assertClose("pooled", encoder.embed(texts), reference.pooled());
        }
    }
}
