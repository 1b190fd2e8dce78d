package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.TextTokenizer;

/// `tokenizer.json` (and `tokenizer_config.json`) of the sample encoder through
/// [HfModelFolder#openTokenizer()], the loader `encode`, `index` and `init` use.
///
/// Accepted input is correct when the [TokenizerProbe] invariants hold.
final class TokenizerTarget implements HostileReader {

    @Override
    public String name() {
        return "tokenizer.json";
    }

    @Override
    public int weight() {
        return 8;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        Path model = c.folder().resolve("model");
        ScratchRoot.copyInto(c.scratch().pristine("splade"), model);
        return List.of(MutableFile.of(model.resolve("tokenizer.json"), ContentKind.JSON),
                MutableFile.of(model.resolve("tokenizer_config.json"), ContentKind.JSON));
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        try (TextTokenizer tokenizer = HfModelFolder.open(c.folder().resolve("model")).openTokenizer()) {
            TokenizerProbe.check(tokenizer);
            return new Observation.Accepted(tokenizer.vocabSize() + " tokens");
        }
    }
}
