package org.sembridge.engine.hf;

/// The token ids of one text with its special tokens, cut to the model's token limit.
///
/// @param ids token ids, special tokens included, at most the tokenizer's `maxTokens()`
/// @param truncated whether tokens beyond the limit were dropped
public record EncodedText(long[] ids, boolean truncated) {

    /// Number of tokens.
    public int length() {
        return ids.length;
    }
}
