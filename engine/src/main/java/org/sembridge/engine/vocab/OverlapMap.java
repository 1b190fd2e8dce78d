package org.sembridge.engine.vocab;

import java.util.stream.IntStream;

/// The result of the overlap match: for every target token id the source token id whose
/// embedding row it copies (`E_t[x] = E_s[src(x)]`), or -1, and the step that matched it.
///
/// Immutable; accessors return copies.
public final class OverlapMap {

    private final int[] sourceIds;
    private final MatchKind[] kinds;
    private final int[] kindCounts = new int[MatchKind.values().length];
    private final int sourceSize;
    private final VocabularyScheme sourceScheme;
    private final VocabularyScheme targetScheme;
    private final OverlapOptions options;

    OverlapMap(int[] sourceIds, MatchKind[] kinds, CanonicalVocabulary source, CanonicalVocabulary target,
            OverlapOptions options) {
        this.sourceIds = sourceIds;
        this.kinds = kinds;
        for (MatchKind kind : kinds) {
            kindCounts[kind.ordinal()]++;
        }
        this.sourceSize = source.size();
        this.sourceScheme = source.vocabulary().scheme();
        this.targetScheme = target.vocabulary().scheme();
        this.options = options;
    }

    /// The number of target tokens.
    public int targetSize() {
        return sourceIds.length;
    }

    /// The number of source tokens.
    public int sourceSize() {
        return sourceSize;
    }

    /// The source id that target token `targetId` copies, or -1 if it has none.
    public int sourceId(int targetId) {
        return sourceIds[targetId];
    }

    /// How target token `targetId` was matched; [MatchKind#NONE] if not at all.
    public MatchKind kind(int targetId) {
        return kinds[targetId];
    }

    /// The number of target tokens matched by `kind`.
    public int count(MatchKind kind) {
        return kindCounts[kind.ordinal()];
    }

    /// The number of target tokens with a source token (all kinds but [MatchKind#NONE]).
    public int matchedCount() {
        return targetSize() - count(MatchKind.NONE);
    }

    /// The target ids matched by `kind`, ascending; `targetIds(NONE)` are the tokens to initialise.
    public int[] targetIds(MatchKind kind) {
        return IntStream.range(0, kinds.length).filter(id -> kinds[id] == kind).toArray();
    }

    /// The source id of every target id (-1 for none); a copy.
    public int[] sourceIds() {
        return sourceIds.clone();
    }

    /// The scheme of the source vocabulary.
    public VocabularyScheme sourceScheme() {
        return sourceScheme;
    }

    /// The scheme of the target vocabulary.
    public VocabularyScheme targetScheme() {
        return targetScheme;
    }

    /// The options the match ran with.
    public OverlapOptions options() {
        return options;
    }
}
