package org.sembridge.engine.index;

/// The shape of the synthetic collection [SearchBenchmark] builds and queries.
///
/// @param documents         documents in the index, `>= 1`
/// @param tokensPerDocument distinct tokens with a positive weight per document, `>= 1`
/// @param vocabularySize    tokens in the vocabulary, `> max(tokensPerDocument, tokensPerQuery)`
/// @param queries           timed queries, `>= 1`
/// @param tokensPerQuery    distinct tokens per query, `>= 1`
/// @param topK              hits per query
/// @param zipfExponent      `s` of the token distribution `P(rank r) ~ 1 / r^s`, `>= 0`
/// @param seed              seed of the generator; same seed, same collection
public record SearchBenchmarkSettings(int documents, int tokensPerDocument, int vocabularySize, int queries,
        int tokensPerQuery, int topK, double zipfExponent, long seed) {

    /// The reference setting: 100,000 documents of 120 tokens over a 32,000-token vocabulary
    /// (SPLADE-like sizes), 1,000 queries of 30 tokens, top 10, Zipf exponent 1, seed 42.
    public static final SearchBenchmarkSettings DEFAULT =
            new SearchBenchmarkSettings(100_000, 120, 32_000, 1_000, 30, 10, 1.0, 42);

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
        if (!(zipfExponent >= 0)) {
            throw new IllegalArgumentException("zipfExponent must be >= 0, got " + zipfExponent);
        }
    }
}
