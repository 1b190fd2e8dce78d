package org.sembridge.engine.vocab;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Step 1 of SemBridge, the overlap copy: finds for every target token the source token with the
/// same canonical form (or, optionally, the same fuzzy form), whose embedding row it copies.
///
/// Per target token, in this order, the first step that finds a source token wins:
///
/// 0. special roles (if [OverlapOptions#specialsByRole()]): a target token spelled like a
///    special of a known role ([SpecialRole#of]: `<s>`, `<bos>`, `<unk>`, `<mask>`...) copies the
///    lowest source id spelled with the same role (`[CLS]`, `[UNK]`, `[MASK]`...);
/// 1. symbols (if [OverlapOptions#symbols()], and only for [TokenKind#SPECIAL] and
///    [TokenKind#SYMBOL] tokens): the source token with the same canonical form, else the one
///    with the same fuzzy form;
/// 2. exact (if [OverlapOptions#exact()]): the source token with the same canonical form;
/// 3. fuzzy (if [OverlapOptions#fuzzy()]): the source token with the same canonical form if any
///    (reachable when exact is off), else the one with the same fuzzy form.
///
/// Several source tokens with the same form: the lowest id. Deterministic. Cost: one pass over
/// each vocabulary and a few hash lookups per target token, O(|V_s| + |V_t|).
public final class OverlapMatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OverlapMatcher.class);

    private OverlapMatcher() {
    }

    /// Canonicalises both vocabularies and matches them; see the class comment.
    public static OverlapMap match(Vocabulary source, Vocabulary target, OverlapOptions options) {
        return match(source.canonicalize(), target.canonicalize(), options);
    }

    /// Matches two canonicalised vocabularies; see the class comment.
    public static OverlapMap match(CanonicalVocabulary source, CanonicalVocabulary target, OverlapOptions options) {
        long startNanos = System.nanoTime();
        int[] sourceIds = new int[target.size()];
        MatchKind[] kinds = new MatchKind[target.size()];
        int[] sourceByRole = options.specialsByRole() ? sourceIdsByRole(source.vocabulary()) : null;
        for (int targetId = 0; targetId < target.size(); targetId++) {
            String canonical = target.canonicalForm(targetId);
            String fuzzy = target.fuzzyForm(targetId);
            TokenKind tokenKind = target.kind(targetId);
            int sourceId = -1;
            MatchKind kind = MatchKind.NONE;
            if (sourceByRole != null) {
                sourceId = roleMatch(sourceByRole, target.vocabulary().tokens().get(targetId));
                kind = MatchKind.SPECIAL_ROLE;
            }
            if (sourceId < 0 && options.symbols() && (tokenKind == TokenKind.SPECIAL || tokenKind == TokenKind.SYMBOL)) {
                sourceId = canonicalElseFuzzy(source, canonical, fuzzy);
                kind = MatchKind.SYMBOL;
            }
            if (sourceId < 0 && options.exact()) {
                sourceId = source.lowestIdWithCanonicalForm(canonical);
                kind = MatchKind.EXACT;
            }
            if (sourceId < 0 && options.fuzzy()) {
                sourceId = canonicalElseFuzzy(source, canonical, fuzzy);
                kind = MatchKind.FUZZY;
            }
            sourceIds[targetId] = sourceId;
            kinds[targetId] = sourceId < 0 ? MatchKind.NONE : kind;
        }
        OverlapMap map = new OverlapMap(sourceIds, kinds, source, target, options);
        LOG.info("Overlap copy: {} of {} target tokens ({}) found in {} source tokens ({}): {} symbol, {} exact, "
                + "{} fuzzy, {} special role; {} ms", map.matchedCount(), target.size(), map.targetScheme(),
                source.size(), map.sourceScheme(), map.count(MatchKind.SYMBOL), map.count(MatchKind.EXACT),
                map.count(MatchKind.FUZZY), map.count(MatchKind.SPECIAL_ROLE), (System.nanoTime() - startNanos) / 1_000_000);
        return map;
    }

    /// The lowest source id of each [SpecialRole] (by ordinal), -1 where the source has none.
    private static int[] sourceIdsByRole(Vocabulary source) {
        int[] ids = new int[SpecialRole.values().length];
        java.util.Arrays.fill(ids, -1);
        for (int id = 0; id < source.size(); id++) {
            SpecialRole role = SpecialRole.of(source.tokens().get(id)).orElse(null);
            if (role != null && ids[role.ordinal()] < 0) {
                ids[role.ordinal()] = id;
            }
        }
        return ids;
    }

    private static int roleMatch(int[] sourceByRole, String targetToken) {
        return SpecialRole.of(targetToken).map(role -> sourceByRole[role.ordinal()]).orElse(-1);
    }

    private static int canonicalElseFuzzy(CanonicalVocabulary source, String canonical, String fuzzy) {
        int sourceId = source.lowestIdWithCanonicalForm(canonical);
        return sourceId >= 0 ? sourceId : source.lowestIdWithFuzzyForm(fuzzy);
    }
}
