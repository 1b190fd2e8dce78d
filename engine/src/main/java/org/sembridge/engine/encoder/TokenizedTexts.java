package org.sembridge.engine.encoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.hf.EncodedText;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.hf.TokenBatch;

/// The texts of one encoder call, validated and tokenised up front, then grouped into batches
/// of similar length so that little compute goes to padding.
///
/// Blank texts are refused before any tensor exists. Texts longer than the model's token limit
/// are cut to it (transformers' `truncation=True`); one WARN line per call reports how many.
/// Batches are formed longest first, so the largest memory need shows at the first batch.
final class TokenizedTexts {

    private static final Logger LOG = LoggerFactory.getLogger(TokenizedTexts.class);
    /// Seed of the batch order of [#equalLengthBatches]: fixed, so runs repeat exactly.
    private static final long BATCH_ORDER_SEED = 0x5EB41D6EL;

    private final List<EncodedText> encoded;
    private final long padTokenId;

    private TokenizedTexts(List<EncodedText> encoded, long padTokenId) {
        this.encoded = encoded;
        this.padTokenId = padTokenId;
    }

    /// Tokenises `texts` with special tokens and the tokenizer's limit.
    ///
    /// @param operation names the caller in messages, e.g. "SPLADE encoding"
    /// @throws InputFormatException naming the position of the first empty or blank text
    static TokenizedTexts of(List<String> texts, TextTokenizer tokenizer, String operation)
            throws InputFormatException {
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null || texts.get(i).isBlank()) {
                throw new InputFormatException(operation + ": text " + (i + 1) + " of " + texts.size()
                        + " is " + (texts.get(i) == null ? "missing" : "empty or blank")
                        + "; every text needs at least one non-space character");
            }
        }
        List<EncodedText> encoded = new ArrayList<>(texts.size());
        for (String text : texts) {
            encoded.add(tokenizer.encode(text));
        }
        long truncated = encoded.stream().filter(EncodedText::truncated).count();
        if (truncated > 0) {
            int first = IntStream.range(0, encoded.size()).filter(i -> encoded.get(i).truncated()).findFirst()
                    .orElseThrow();
            LOG.warn("{}: {} of {} texts exceed the {}-token limit and were truncated to it (first: text {})",
                    operation, truncated, texts.size(), tokenizer.maxTokens(), first + 1);
        }
        return new TokenizedTexts(encoded, tokenizer.padTokenId());
    }

    /// Number of texts.
    int size() {
        return encoded.size();
    }

    /// Tokens over all texts, special tokens included.
    long tokenCount() {
        return encoded.stream().mapToLong(EncodedText::length).sum();
    }

    /// Text positions grouped into batches of at most `batchSize`, longest texts first.
    List<int[]> batches(int batchSize) {
        // By length, then by the token ids themselves (then position): the same set of texts in
        // any input order makes the same batches, so it gets the same vectors bit for bit (the
        // matrix products of a batch may round differently with another batch composition).
        int[] order = IntStream.range(0, encoded.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> encoded.get(i).length()).reversed()
                        .thenComparing((Integer a, Integer b) -> Arrays.compare(encoded.get(a).ids(), encoded.get(b).ids()))
                        .thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += batchSize) {
            batches.add(Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize)));
        }
        return batches;
    }

    /// Text positions grouped into batches of texts of one token count each (no padding at all),
    /// as many per batch as `textsPerBatch` gives for that count ([BatchMemoryRule]). Vocabulary
    /// strings have a handful of distinct lengths with thousands of strings each, so batches stay
    /// full; a rare length costs one small batch.
    ///
    /// The batches come in a seeded pseudo-random order (the same for the same texts), not by
    /// length: a text's cost grows with its length, so in length order the first 5% of the texts
    /// ran at another rate than the rest and the stage's rolling time estimate was off by that
    /// factor; in shuffled order every prefix has about the stage's mix of lengths. Each text's
    /// vector depends only on its own batch, so the order changes no result.
    List<int[]> equalLengthBatches(IntUnaryOperator textsPerBatch) {
        // By length, then by the token ids themselves (then position): the same set of texts in
        // any input order makes the same batches, so it gets the same vectors bit for bit (the
        // matrix products of a batch may round differently with another batch composition).
        int[] order = IntStream.range(0, encoded.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> encoded.get(i).length()).reversed()
                        .thenComparing((Integer a, Integer b) -> Arrays.compare(encoded.get(a).ids(), encoded.get(b).ids()))
                        .thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        List<int[]> batches = new ArrayList<>();
        for (int start = 0; start < order.length;) {
            int length = encoded.get(order[start]).length();
            int size = Math.max(1, textsPerBatch.applyAsInt(length));
            int end = start + 1;
            while (end < order.length && end - start < size && encoded.get(order[end]).length() == length) {
                end++;
            }
            batches.add(Arrays.copyOfRange(order, start, end));
            start = end;
        }
        Collections.shuffle(batches, new Random(BATCH_ORDER_SEED));
        return batches;
    }

    /// The padded token batch of the given text positions.
    TokenBatch batch(int[] positions) {
        List<EncodedText> rows = new ArrayList<>(positions.length);
        for (int position : positions) {
            rows.add(encoded.get(position));
        }
        return TokenBatch.pad(rows, padTokenId);
    }
}
