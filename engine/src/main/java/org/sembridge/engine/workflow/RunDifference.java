package org.sembridge.engine.workflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/// Every target token of two runs of the same target tokenizer, ranked by how differently the
/// runs built it: what [RunDiff#compare] returns, `sembridge diff` prints and the workbench's
/// diff page shows.
///
/// Ranking: comparable tokens by [TokenDifference#divergenceBits()], largest first; ties (often
/// 0 for tokens both runs copied) with a changed top source first, then by the size of the
/// support change, then by id. Tokens that are not comparable (a side lists no source token)
/// come last, by the size of the support change, then by id.
///
/// @param runA the first run (the divergence is symmetric; support changes read A to B)
/// @param runB the second run
/// @param tokens every target token, ranked; `tokens.get(i).rank() == i + 1`
/// @param elapsedNanos how long reading and ranking took
public record RunDifference(Side runA, Side runB, List<TokenDifference> tokens, long elapsedNanos) {

    /// Copies the list.
    public RunDifference {
        Objects.requireNonNull(runA, "runA");
        Objects.requireNonNull(runB, "runB");
        tokens = List.copyOf(tokens);
    }

    /// One of the two runs.
    ///
    /// @param folder the run folder
    /// @param method the transfer method (`sembridge`, `ofa`, ...)
    /// @param alpha the run's alpha as `run.json` records it
    /// @param readsAlpha whether the method reads alpha (so that the alpha means something)
    public record Side(Path folder, String method, double alpha, boolean readsAlpha) {

        /// Checks the values.
        public Side {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(method, "method");
        }
    }

    /// Number of target tokens (the same in both runs).
    public int targetTokens() {
        return tokens.size();
    }

    /// Tokens whose source weights differ (divergence above 0) or whose top source changed.
    public long differing() {
        return tokens.stream().filter(t -> t.comparable() && (t.divergenceBits() > 0 || t.topSourceChanged()))
                .count();
    }

    /// Tokens without a divergence: a side lists no source token.
    public long notComparable() {
        return tokens.stream().filter(t -> !t.comparable()).count();
    }

    /// Tokens whose heaviest source token differs.
    public long topSourceChanges() {
        return tokens.stream().filter(TokenDifference::topSourceChanged).count();
    }

    /// The first `n` tokens of the ranking (all of them when `n` is 0 or more than there are).
    public List<TokenDifference> top(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, found " + n);
        }
        return n == 0 || n >= tokens.size() ? tokens : tokens.subList(0, n);
    }
}
