package org.sembridge.engine.bench;

/// The shape of the synthetic collection [SearchBenchmark] builds and queries.
///
/// Token popularity follows a Zipf-Mandelbrot law, `P(rank r) ~ 1 / (r + zipfOffset)^zipfExponent`
/// for `r = 1..vocabularySize`; each document (query) draws its distinct tokens from it without
/// repetition. The offset removes the head that natural text has and SPLADE output does not: with
/// `s = 1` and offset 0 (plain Zipf, the law of word *occurrences* in running text, stop words
/// included) and 120 distinct tokens per document, the 3 most popular tokens are in over 99% of
/// the documents and a 30-token query touches about 7.9 postings per document, so every query
/// matches nearly the whole collection. SPLADE's FLOPS regulariser drives stop words and
/// punctuation to weight 0, which removes roughly the 100 most frequent ranks; offset 100 models
/// that: the most popular token is then in about 19% of the documents, about 100 tokens are in
/// more than 10%, and a query touches about 1 posting per document.
///
/// @param documents         documents in the index, `>= 1`
/// @param tokensPerDocument distinct tokens with a positive weight per document, `>= 1`
/// @param vocabularySize    tokens in the vocabulary, `> max(tokensPerDocument, tokensPerQuery)`
/// @param queries           timed queries, `>= 1`
/// @param tokensPerQuery    distinct tokens per query, `>= 1`
/// @param topK              hits per query, `>= 1`
/// @param zipfExponent      `s` of the popularity law, `>= 0`
/// @param zipfOffset        `q` of the popularity law, `>= 0` (0 = plain Zipf)
/// @param seed              seed of the generator; same seed, same collection
public record SearchBenchmarkSettings(int documents, int tokensPerDocument, int vocabularySize, int queries,
        int tokensPerQuery, int topK, double zipfExponent, double zipfOffset, long seed) {

    /// The reference setting: 100,000 documents of 120 tokens over a 32,000-token vocabulary
    /// (SPLADE-like sizes), 1,000 queries of 30 tokens, top 10, Zipf-Mandelbrot with exponent 1
    /// and offset 100, seed 42.
    public static final SearchBenchmarkSettings DEFAULT =
            new SearchBenchmarkSettings(100_000, 120, 32_000, 1_000, 30, 10, 1.0, 100, 42);

    public SearchBenchmarkSettings {
        if (documents < 1 || tokensPerDocument < 1 || queries < 1 || tokensPerQuery < 1 || topK < 1) {
            throw new IllegalArgumentException("counts must be >= 1: " + documents + " documents, " + tokensPerDocument
                    + " tokens per document, " + queries + " queries, " + tokensPerQuery + " tokens per query, top "
                    + topK);
        }
        if (vocabularySize <= Math.max(tokensPerDocument, tokensPerQuery)) {
            throw new IllegalArgumentException("vocabularySize " + vocabularySize
                    + " must exceed the tokens per document and per query");
        }
        if (!(zipfExponent >= 0) || Double.isInfinite(zipfExponent)) {
            throw new IllegalArgumentException("zipfExponent must be finite and >= 0, got " + zipfExponent);
        }
        if (!(zipfOffset >= 0) || Double.isInfinite(zipfOffset)) {
            throw new IllegalArgumentException("zipfOffset must be finite and >= 0, got " + zipfOffset);
        }
    }
}
