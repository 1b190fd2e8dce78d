package org.sembridge.engine.hf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.vocab.Vocabulary;
import org.sembridge.engine.vocab.VocabularyScheme;

/// What a (target) tokenizer holds, for the workbench's model cards and `sembridge info`:
/// vocabulary size, subword scheme, special tokens, and how it splits a sample text.
///
/// @param source the `tokenizer.json` or `vocab.txt` read
/// @param vocabSize number of token ids
/// @param scheme the subword scheme detected from the vocabulary's markers
/// @param specialTokens number of special tokens (`[CLS]`, `<s>`, ...)
/// @param sampleTokens the pieces of `sampleText`, as the tokenizer splits it
public record TokenizerSummary(Path source, int vocabSize, VocabularyScheme scheme, int specialTokens,
        List<String> sampleTokens) {

    /// Token limit used only to describe a tokenizer (no model limits it here).
    private static final int DESCRIBE_MAX_TOKENS = 512;

    public TokenizerSummary {
        sampleTokens = List.copyOf(sampleTokens);
    }

    /// Reads a tokenizer from a folder (with `tokenizer.json` or `vocab.txt`) or from a
    /// `tokenizer.json` file, and splits `sampleText` with it.
    ///
    /// @throws ModelFormatException naming the path when it holds no usable tokenizer
    public static TokenizerSummary describe(Path folderOrFile, String sampleText) throws ModelFormatException {
        Path folder = Files.isRegularFile(folderOrFile) ? folderOrFile.toAbsolutePath().getParent() : folderOrFile;
        if (!Files.isDirectory(folder)) {
            throw new ModelFormatException(folderOrFile + ": no such tokenizer folder or tokenizer.json file");
        }
        try (TextTokenizer tokenizer = TextTokenizer.load(folder, DESCRIBE_MAX_TOKENS, 0)) {
            Vocabulary vocabulary = Vocabulary.of(tokenizer.tokens(), tokenizer.specialTokenIds());
            List<String> sample = sampleText.isBlank() ? List.of() : tokenizer.tokenStrings(sampleText);
            return new TokenizerSummary(tokenizer.source(), tokenizer.vocabSize(), vocabulary.scheme(),
                    tokenizer.specialTokenIds().size(), sample);
        }
    }
}
