package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.ModelSummary;

/// The sentence-transformers files of the sample bridge (`modules.json`,
/// `1_Pooling/config.json`, `sentence_bert_config.json`, `config_sentence_transformers.json`),
/// in the flat layout or with the Transformer module in `0_Transformer/`, through
/// [HfModelFolder#open] and [HfModelFolder#describe()].
///
/// Accepted input is correct when the transformer folder, the weights and the tokenizer it
/// resolved lie inside the model folder, the pooling mode is set and the token limit is at
/// least 2.
final class SentenceTransformersTarget implements HostileReader {

    @Override
    public String name() {
        return "sentence-transformers";
    }

    @Override
    public int weight() {
        return 7;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        boolean nested = new Random(c.seed()).nextBoolean();
        Path model = c.folder().resolve("model");
        ScratchRoot.copyInto(c.scratch().pristine(nested ? "bridge-nested" : "bridge-sample"), model);
        Path transformer = nested ? model.resolve("0_Transformer") : model;
        return List.of(MutableFile.withPaths(model.resolve("modules.json")),
                MutableFile.of(model.resolve("1_Pooling").resolve("config.json"), ContentKind.JSON),
                MutableFile.of(transformer.resolve("sentence_bert_config.json"), ContentKind.JSON),
                MutableFile.of(model.resolve("config_sentence_transformers.json"), ContentKind.JSON));
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        Path model = c.folder().resolve("model");
        HfModelFolder folder = HfModelFolder.open(model);
        Confinement.requireInside(folder.modelDirectory(), model, "transformer folder");
        Confinement.requireInside(folder.weightSource(), model, "weights");
        Confinement.requireInside(folder.tokenizerFile(), model, "tokenizer");
        InvariantViolation.check(folder.sentenceTransformer().pooling() != null, "no pooling mode");
        InvariantViolation.check(folder.maxTokens() >= 2, "token limit " + folder.maxTokens());
        ModelSummary summary = folder.describe();
        return new Observation.Accepted(summary.layers() + " layers, pooling " + folder.sentenceTransformer().pooling());
    }
}
