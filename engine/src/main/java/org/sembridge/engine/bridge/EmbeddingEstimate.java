package org.sembridge.engine.bridge;

/// How long embedding a vocabulary with a bridge will take, extrapolated from a timed probe batch,
/// or zero when its vectors are already cached. Shown by the GUI and CLI before a long run.
///
/// `seconds = textsToEmbed * probeNanos / probeTexts / 1e9`: linear in the number of distinct
/// texts, from one probe of up to [BridgeVectorStore#PROBE_TEXTS] texts of the same vocabulary
/// (after an untimed warm-up batch). Expect the real time within a factor of about two: batches
/// of the real run are longer and better packed, the first run of a process also pays for
/// loading native code. A cached estimate carries no probe (`probeTexts == 0`).
///
/// @param cacheKey the cache key of the vocabulary's vectors with this bridge
/// @param cached whether the vectors are cached (nothing to embed)
/// @param tokenCount tokens in the vocabulary
/// @param textsToEmbed distinct bridge texts the run would embed (0 when cached)
/// @param probeTexts texts in the timed probe, `0` when cached
/// @param probeNanos time of the probe, nanoseconds
public record EmbeddingEstimate(String cacheKey, boolean cached, int tokenCount, int textsToEmbed, int probeTexts,
        long probeNanos) {

    /// Measured throughput of the probe, texts per second (`+Infinity` when there was no probe).
    public double textsPerSecond() {
        return probeTexts == 0 ? Double.POSITIVE_INFINITY : probeTexts / Math.max(probeNanos / 1e9, 1e-9);
    }

    /// Estimated seconds to embed `textCount` texts at the probe's throughput (0 without a probe).
    ///
    /// @param textCount texts to embed, `>= 0`
    public double estimateSeconds(int textCount) {
        if (textCount < 0) {
            throw new IllegalArgumentException("textCount must be >= 0, got " + textCount);
        }
        return probeTexts == 0 ? 0 : textCount * (double) probeNanos / probeTexts / 1e9;
    }

    /// Estimated seconds for this vocabulary: `estimateSeconds(textsToEmbed)`, 0 when cached.
    public double seconds() {
        return cached ? 0 : estimateSeconds(textsToEmbed);
    }
}
