package org.sembridge.engine.workflow;

import java.nio.file.Path;
import java.util.List;

/// What a (target) tokenizer holds, as the workbench's model cards show it
/// ([ModelInspection#describeTokenizer]).
///
/// @param source the `tokenizer.json` or `vocab.txt` read
/// @param vocabSize number of token ids
/// @param scheme the subword scheme detected from the vocabulary's markers, lower case with
///     hyphens: `wordpiece`, `sentencepiece` or `byte-level-bpe`
/// @param specialTokens number of special tokens (`[CLS]`, `<s>`, ...)
/// @param sampleTokens the pieces of the sample text, as the tokenizer splits it
public record TokenizerDescription(Path source, int vocabSize, String scheme, int specialTokens,
        List<String> sampleTokens) {

    public TokenizerDescription {
        sampleTokens = List.copyOf(sampleTokens);
    }
}
