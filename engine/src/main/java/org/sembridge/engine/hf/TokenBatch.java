package org.sembridge.engine.hf;

import java.util.Arrays;
import java.util.List;

/// A batch of tokenised texts padded to a common length: the input of one encoder forward pass.
///
/// Rows are right-padded with the model's padding id; `attentionMask` is 1 on real tokens
/// (special tokens included) and 0 on padding. All three arrays have one entry per text.
///
/// @param ids token ids `[batch][length]`
/// @param attentionMask 1 for tokens, 0 for padding, `[batch][length]`
/// @param truncated per text, whether tokens beyond the model's limit were dropped
public record TokenBatch(long[][] ids, long[][] attentionMask, boolean[] truncated) {

    public TokenBatch {
        if (ids.length != attentionMask.length || ids.length != truncated.length) {
            throw new IllegalArgumentException("rows differ: ids " + ids.length + ", attentionMask "
                    + attentionMask.length + ", truncated " + truncated.length);
        }
        for (int row = 0; row < ids.length; row++) {
            if (ids[row].length != ids[0].length || attentionMask[row].length != ids[0].length) {
                throw new IllegalArgumentException("row " + row + " is not padded to the batch length "
                        + ids[0].length);
            }
        }
    }

    /// Pads encoded texts to the longest of them with `padTokenId`.
    ///
    /// @throws IllegalArgumentException when `texts` is empty
    public static TokenBatch pad(List<EncodedText> texts, long padTokenId) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one text");
        }
        int length = texts.stream().mapToInt(EncodedText::length).max().orElseThrow();
        long[][] ids = new long[texts.size()][length];
        long[][] mask = new long[texts.size()][length];
        boolean[] truncated = new boolean[texts.size()];
        for (int row = 0; row < texts.size(); row++) {
            EncodedText text = texts.get(row);
            Arrays.fill(ids[row], padTokenId);
            System.arraycopy(text.ids(), 0, ids[row], 0, text.length());
            Arrays.fill(mask[row], 0, text.length(), 1L);
            truncated[row] = text.truncated();
        }
        return new TokenBatch(ids, mask, truncated);
    }

    /// Number of texts.
    public int size() {
        return ids.length;
    }

    /// Padded length of every row.
    public int length() {
        return ids.length == 0 ? 0 : ids[0].length;
    }

    /// Real tokens per text when every row of the attention mask is a prefix of 1s followed only
    /// by 0s (right padding, as [#pad] makes it), else null.
    public int[] realTokenCounts() {
        int[] counts = new int[size()];
        for (int row = 0; row < counts.length; row++) {
            long[] mask = attentionMask[row];
            int count = 0;
            while (count < mask.length && mask[count] == 1) {
                count++;
            }
            for (int t = count; t < mask.length; t++) {
                if (mask[t] != 0) {
                    return null;
                }
            }
            counts[row] = count;
        }
        return counts;
    }
}
