package org.sembridge.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.hf.TextTokenizer;

/// Batches of synthetic texts of an exact token count for a WordPiece model: random whole
/// words of its own vocabulary, so that every text encodes to `tokensPerText` tokens, the
/// specials `[CLS]` and `[SEP]` included, and a batch has no padding.
///
/// The words are the vocabulary entries made of lower-case ASCII letters only (no `##`
/// continuations, no specials); each is checked once to encode to exactly one token. The same
/// seed gives the same texts.
final class BenchmarkTexts {

    /// Tokens a text carries besides its words: `[CLS]` and `[SEP]`.
    static final int SPECIALS_PER_TEXT = 2;

    private BenchmarkTexts() {
    }

    /// `batches` lists of `batchSize` texts of `tokensPerText` tokens each.
    ///
    /// @throws ModelFormatException naming the tokenizer when its vocabulary holds no whole
    ///     lower-case word that encodes to one token
    /// @throws IllegalArgumentException when `tokensPerText` is below 3 or above the
    ///     tokenizer's limit, or a count is below 1
    static List<List<String>> of(TextTokenizer tokenizer, int tokensPerText, int batchSize, int batches, long seed)
            throws ModelFormatException {
        if (tokensPerText < SPECIALS_PER_TEXT + 1 || tokensPerText > tokenizer.maxTokens()) {
            throw new IllegalArgumentException("tokensPerText must be in [" + (SPECIALS_PER_TEXT + 1) + ", "
                    + tokenizer.maxTokens() + "], got " + tokensPerText);
        }
        if (batchSize < 1 || batches < 1) {
            throw new IllegalArgumentException("batchSize and batches must be >= 1, got " + batchSize + " and "
                    + batches);
        }
        List<String> words = singleTokenWords(tokenizer);
        Random random = new Random(seed);
        List<List<String>> result = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            List<String> batch = new ArrayList<>(batchSize);
            for (int t = 0; t < batchSize; t++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < tokensPerText - SPECIALS_PER_TEXT; w++) {
                    text.append(w == 0 ? "" : " ").append(words.get(random.nextInt(words.size())));
                }
                batch.add(text.toString());
            }
            result.add(List.copyOf(batch));
        }
        return List.copyOf(result);
    }

    private static List<String> singleTokenWords(TextTokenizer tokenizer) throws ModelFormatException {
        Set<Integer> specials = tokenizer.specialTokenIds();
        List<String> tokens = tokenizer.tokens();
        List<String> words = new ArrayList<>();
        for (int id = 0; id < tokens.size(); id++) {
            String token = tokens.get(id);
            if (!specials.contains(id) && token != null && token.matches("[a-z]+")
                    && tokenizer.tokenIds(token).length == 1) {
                words.add(token);
            }
        }
        if (words.isEmpty()) {
            throw new ModelFormatException(tokenizer.source() + ": no vocabulary entry is a lower-case word that "
                    + "encodes to one token; the encode benchmark needs a WordPiece vocabulary with whole words");
        }
        return words;
    }
}
