package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sembridge.engine.hf.TextTokenizer;

/// A tokenizer folder with only `vocab.txt` (+ `tokenizer_config.json`,
/// `special_tokens_map.json`): the Korean sample tokenizer through [TextTokenizer#load], which
/// builds the WordPiece `tokenizer.json` in memory.
///
/// Accepted input is correct when the [TokenizerProbe] invariants hold.
final class VocabTxtTarget implements HostileReader {

    @Override
    public String name() {
        return "vocab.txt";
    }

    @Override
    public int weight() {
        return 5;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        Path folder = c.folder().resolve("tokenizer");
        ScratchRoot.copyInto(c.scratch().pristine("vocab-ko"), folder);
        return List.of(MutableFile.of(folder.resolve("vocab.txt"), ContentKind.TEXT_LINES),
                MutableFile.of(folder.resolve("tokenizer_config.json"), ContentKind.JSON),
                MutableFile.of(folder.resolve("special_tokens_map.json"), ContentKind.JSON));
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        try (TextTokenizer tokenizer = TextTokenizer.load(c.folder().resolve("tokenizer"), 512, 0)) {
            TokenizerProbe.check(tokenizer);
            return new Observation.Accepted(tokenizer.vocabSize() + " tokens");
        }
    }
}
