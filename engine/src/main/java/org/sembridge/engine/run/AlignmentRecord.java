package org.sembridge.engine.run;

import java.util.ArrayList;
import java.util.List;

import org.sembridge.engine.transfer.TokenAlignment;

/// One line of a run's `alignments.jsonl`: how one target token's rows were made.
///
/// - Overlap copies (and special tokens that overlap) list their source token once with weight
///   1, `support = 1`, `entropy = 0`, `overlapSourceId >= 0`, no similarity and no nearest list.
/// - Weight-based methods (SemBridge, FOCUS, OFA) list the source tokens with a positive weight,
///   largest first, the support size, the entropy of the weights and the 10 most similar source
///   tokens whatever their weight.
/// - Statistical baselines (mean, random, Gaussian) list no source tokens (`support = 0`).
/// - Rule rows (reserved entries, raw-byte pieces, unknown bridge texts with the `mean` rule)
///   list no source tokens either and name their `rule`.
/// - Softmax rows (`alpha = 1`, `truncated`) list the largest weights only, but `support` and
///   `entropyNats` are those of the dense row over the whole source vocabulary.
///
/// @param id the target token id (the line number, from 0)
/// @param token its string as stored in the target vocabulary
/// @param kind overlap, new or special
/// @param overlapSourceId the copied source token, or -1
/// @param sources the weighted source tokens, largest weight first
/// @param support number of source tokens with a positive weight; for softmax rows
///     (`truncated`) the whole source vocabulary although only the largest are listed
/// @param entropyNats `-sum w ln w` over the row's weights, in nats (0 for a copy); for softmax rows
///     over the dense row, not only the listed weights
/// @param nearest the (up to) 10 source tokens with the highest bridge similarity
/// @param bias the decoder-bias value written for this token (0 when the model has none)
/// @param truncated true for softmax rows, whose full-support weights are cut to the largest
/// @param rule the rule that filled the row instead of the method (`source_mean`, `byte_mean`),
///     empty when the method built or the overlap copied it
/// @param bridgeUnknown whether the token's bridge text embeds like the bridge's unknown token
///     (so the bridge knows nothing about it); only marked on rows that were not copied
public record AlignmentRecord(int id, String token, TargetTokenKind kind, int overlapSourceId,
        List<SourceWeight> sources, int support, double entropyNats, List<NearestSource> nearest, float bias,
        boolean truncated, String rule, boolean bridgeUnknown) {

    /// Copies the lists.
    public AlignmentRecord {
        sources = List.copyOf(sources);
        nearest = List.copyOf(nearest);
        rule = rule == null ? "" : rule;
    }

    /// A record without a rule and without the unknown-bridge mark.
    public AlignmentRecord(int id, String token, TargetTokenKind kind, int overlapSourceId,
            List<SourceWeight> sources, int support, double entropyNats, List<NearestSource> nearest, float bias,
            boolean truncated) {
        this(id, token, kind, overlapSourceId, sources, support, entropyNats, nearest, bias, truncated, "", false);
    }

    /// This record with `rule` and the unknown-bridge mark set.
    public AlignmentRecord withRule(String newRule, boolean newBridgeUnknown) {
        return new AlignmentRecord(id, token, kind, overlapSourceId, sources, support, entropyNats, nearest, bias,
                truncated, newRule, newBridgeUnknown);
    }

    /// The record of a token whose rows were copied from `sourceId`.
    public static AlignmentRecord copied(int id, String token, TargetTokenKind kind, int sourceId,
            String sourceToken, float bias) {
        return new AlignmentRecord(id, token, kind, sourceId,
                List.of(new SourceWeight(sourceId, sourceToken, 1.0f, Float.NaN)), 1, 0.0, List.of(), bias, false);
    }

    /// The record of a token built from `alignment` (a weight-based method).
    ///
    /// @param sourceTokens the source vocabulary, indexed by id
    /// @param sourceCount the size of the source vocabulary (the support of a softmax row)
    public static AlignmentRecord built(String token, TargetTokenKind kind, TokenAlignment alignment,
            List<String> sourceTokens, int sourceCount, float bias) {
        List<SourceWeight> sources = new ArrayList<>(alignment.size());
        for (int k = 0; k < alignment.size(); k++) {
            int sourceId = alignment.sourceIds()[k];
            sources.add(new SourceWeight(sourceId, sourceTokens.get(sourceId), alignment.weights()[k],
                    alignment.similarities()[k]));
        }
        List<NearestSource> nearest = new ArrayList<>(alignment.nearestSourceIds().length);
        for (int k = 0; k < alignment.nearestSourceIds().length; k++) {
            int sourceId = alignment.nearestSourceIds()[k];
            nearest.add(new NearestSource(sourceId, sourceTokens.get(sourceId), alignment.nearestSimilarities()[k]));
        }
        int support = alignment.truncated() ? sourceCount : alignment.size();
        double entropy = alignment.truncated() && !Double.isNaN(alignment.denseEntropyNats())
                ? alignment.denseEntropyNats() : entropyNats(alignment.weights());
        return new AlignmentRecord(alignment.targetId(), token, kind, -1, sources, support, entropy, nearest, bias,
                alignment.truncated());
    }

    /// The record of a token built by a statistical baseline, which chooses no source tokens.
    public static AlignmentRecord drawn(int id, String token, TargetTokenKind kind, float bias) {
        return new AlignmentRecord(id, token, kind, -1, List.of(), 0, 0.0, List.of(), bias, false);
    }

    /// Whether the rows were copied from a source token.
    public boolean isCopy() {
        return overlapSourceId >= 0;
    }

    /// The `k` heaviest source ids (fewer when fewer are listed).
    public int[] topSourceIds(int k) {
        return sources.stream().limit(k).mapToInt(SourceWeight::id).toArray();
    }

    /// Shannon entropy `-sum w ln w` of positive weights, in nats.
    public static double entropyNats(float[] weights) {
        double entropy = 0.0;
        for (float weight : weights) {
            if (weight > 0.0f) {
                entropy -= weight * Math.log(weight);
            }
        }
        return entropy;
    }
}
