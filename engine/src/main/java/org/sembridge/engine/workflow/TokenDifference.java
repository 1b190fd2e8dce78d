package org.sembridge.engine.workflow;

import java.util.Objects;
import org.sembridge.engine.run.TargetTokenKind;

/// How differently two runs of the same target tokenizer built one target token: one row of a
/// [RunDifference].
///
/// @param rank 1-based position in the ranking (most different first)
/// @param id the target token id (the same in both runs)
/// @param token the target token as stored
/// @param kindA the token's kind in run A (overlap, new, special, ...)
/// @param kindB its kind in run B (differs from `kindA` only when the runs' overlap options do)
/// @param divergenceBits Jensen-Shannon divergence of the two runs' source weights in bits,
///     `[0, 1]`: 0 for the same weights, 1 for disjoint source tokens; `NaN` when a side lists no
///     source token (a statistical baseline or a rule row), see [#comparable()]
/// @param topSourceA the heaviest source token in run A, `""` when it lists none
/// @param topSourceB the heaviest source token in run B, `""` when it lists none
/// @param supportA run A's support (source tokens with a positive weight)
/// @param supportB run B's support
public record TokenDifference(int rank, int id, String token, TargetTokenKind kindA, TargetTokenKind kindB,
        double divergenceBits, String topSourceA, String topSourceB, int supportA, int supportB) {

    /// Checks the texts.
    public TokenDifference {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(kindA, "kindA");
        Objects.requireNonNull(kindB, "kindB");
        Objects.requireNonNull(topSourceA, "topSourceA");
        Objects.requireNonNull(topSourceB, "topSourceB");
    }

    /// Whether both runs list source tokens, so that the divergence is a number.
    public boolean comparable() {
        return !Double.isNaN(divergenceBits);
    }

    /// Whether the heaviest source token differs between the runs.
    public boolean topSourceChanged() {
        return !topSourceA.equals(topSourceB);
    }

    /// `supportB - supportA`.
    public int supportChange() {
        return supportB - supportA;
    }

    /// This row at another rank.
    TokenDifference atRank(int newRank) {
        return new TokenDifference(newRank, id, token, kindA, kindB, divergenceBits, topSourceA, topSourceB, supportA,
                supportB);
    }
}
