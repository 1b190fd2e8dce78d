package org.sembridge.app.inspector;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.sembridge.engine.run.TargetTokenKind;

/// The per-token figures of a run in columns of primitive arrays: one entry per target token,
/// indexed by target id (the row index of the inspector's table). About 30 bytes per token plus
/// the token strings and one case-folded copy of their text, so 250,000 tokens take a few MiB
/// instead of 250,000 objects with lists.
///
/// Built once per run by [TokenFiguresLoader] (or [Builder] directly), then read-only and safe to
/// share across threads. Also holds the sort ranks of the two text columns, so that every column
/// sorts by an `int` key ([#sortKey]).
public final class TokenFigures {

    private static final TargetTokenKind[] KINDS = TargetTokenKind.values();
    private static final LexiconOutcome[] OUTCOMES = LexiconOutcome.values();

    private final String[] tokens;
    private final byte[] kinds;
    private final int[] support;
    private final int[] topSource;
    private final float[] topWeight;
    private final float[] entropyNats;
    private final byte[] lexicon;
    private final java.util.BitSet bridgeUnknown;
    private final List<String> sourceTokens;
    private final int[] tokenRank;
    private final int[] sourceRank;
    private final char[] foldedText;
    private final int[] foldedStart;
    private final int[] sourceStart;
    private final int[] sourceIds;
    private final String[] foldedSources;

    private TokenFigures(Builder builder) {
        tokens = builder.tokens;
        kinds = builder.kinds;
        support = builder.support;
        topSource = builder.topSource;
        topWeight = builder.topWeight;
        entropyNats = builder.entropyNats;
        lexicon = builder.lexicon;
        bridgeUnknown = builder.bridgeUnknown;
        sourceTokens = builder.sourceTokens;
        tokenRank = ranks(Arrays.asList(tokens));
        sourceRank = ranks(sourceTokens);
        foldedStart = new int[tokens.length + 1];
        for (int row = 0; row < tokens.length; row++) {
            foldedStart[row + 1] = foldedStart[row] + tokens[row].length();
        }
        foldedSources = new String[sourceTokens.size()];
        for (int id = 0; id < foldedSources.length; id++) {
            foldedSources[id] = folded(sourceTokens.get(id));
        }
        sourceStart = new int[tokens.length + 1];
        for (int row = 0; row < tokens.length; row++) {
            sourceStart[row + 1] = sourceStart[row] + builder.sources[row].length;
        }
        sourceIds = new int[sourceStart[tokens.length]];
        for (int row = 0; row < tokens.length; row++) {
            System.arraycopy(builder.sources[row], 0, sourceIds, sourceStart[row], builder.sources[row].length);
        }
        foldedText = new char[foldedStart[tokens.length]];
        for (int row = 0; row < tokens.length; row++) {
            for (int k = 0; k < tokens[row].length(); k++) {
                foldedText[foldedStart[row] + k] = fold(tokens[row].charAt(k));
            }
        }
    }

    /// Whether row `row` is marked `bridge_unknown` (its bridge text embeds like the bridge's
    /// unknown token).
    public boolean isBridgeUnknown(int row) {
        return bridgeUnknown.get(row);
    }

    /// The case folding of the text filter: one char to one char ([Character#toLowerCase(char)]).
    public static char fold(char c) {
        return Character.toLowerCase(c);
    }

    /// Whether the token of `row`, case-folded by [#fold], contains `foldedNeedle`. Reads one
    /// contiguous `char[]` of all tokens (no allocation, no pointer chasing), so a pass over
    /// 250,000 rows in id order takes a few ms.
    public boolean tokenContains(int row, char[] foldedNeedle) {
        int from = foldedStart[row];
        int last = foldedStart[row + 1] - foldedNeedle.length;
        for (int start = from; start <= last; start++) {
            int k = 0;
            while (k < foldedNeedle.length && foldedText[start + k] == foldedNeedle[k]) {
                k++;
            }
            if (k == foldedNeedle.length) {
                return true;
            }
        }
        return false;
    }

    /// Which source tokens contain `foldedNeedle` once case-folded by [#fold], indexed by source
    /// id: one pass over the source vocabulary (tens of thousands of short strings), done once
    /// per filter pass so that [#hasSourceAmong] is a few array reads per row.
    public boolean[] sourcesContaining(char[] foldedNeedle) {
        boolean[] matches = new boolean[foldedSources.length];
        String needle = new String(foldedNeedle);
        for (int id = 0; id < matches.length; id++) {
            matches[id] = foldedSources[id].contains(needle);
        }
        return matches;
    }

    private static String folded(String text) {
        char[] chars = text.toCharArray();
        for (int k = 0; k < chars.length; k++) {
            chars[k] = fold(chars[k]);
        }
        return new String(chars);
    }

    /// Whether one of the English sources kept for `row` (its [#SOURCES_KEPT] heaviest) is
    /// marked in `sourceMatches` (from [#sourcesContaining]).
    public boolean hasSourceAmong(int row, boolean[] sourceMatches) {
        for (int k = sourceStart[row]; k < sourceStart[row + 1]; k++) {
            if (sourceMatches[sourceIds[k]]) {
                return true;
            }
        }
        return false;
    }

    /// How many of a token's heaviest sources the figures keep for the source filter: enough for
    /// what a token is built from (entmax supports are mostly smaller), bounded so that a run of
    /// 262,144 tokens keeps at most 16 MiB of ids.
    public static final int SOURCES_KEPT = 16;

    /// A builder for `size` tokens whose top sources are ids into `sourceTokens`.
    public static Builder builder(int size, List<String> sourceTokens) {
        return new Builder(size, sourceTokens);
    }

    /// Number of target tokens (rows).
    public int size() {
        return tokens.length;
    }

    /// The token string of `row` as stored in the run.
    public String token(int row) {
        return tokens[row];
    }

    public TargetTokenKind kind(int row) {
        return KINDS[kinds[row]];
    }

    /// Number of source tokens with a positive weight (0 for a statistical baseline).
    public int support(int row) {
        return support[row];
    }

    /// The source token with the largest weight, or `""` when there is none.
    public String topSource(int row) {
        return topSource[row] < 0 ? "" : sourceTokens.get(topSource[row]);
    }

    /// The largest weight in `(0, 1]`, NaN when the token has no source.
    public float topWeight(int row) {
        return topWeight[row];
    }

    /// `-Σ w ln w` of the token's weights, in nats.
    public float entropyNats(int row) {
        return entropyNats[row];
    }

    public LexiconOutcome lexicon(int row) {
        return OUTCOMES[lexicon[row]];
    }

    /// Whether any token has a lexicon outcome other than [LexiconOutcome#NOT_AVAILABLE].
    public boolean hasLexicon() {
        for (byte outcome : lexicon) {
            if (outcome != LexiconOutcome.NOT_AVAILABLE.ordinal()) {
                return true;
            }
        }
        return false;
    }

    /// The row of `token` (exact stored string), or -1. A linear scan: about a millisecond for
    /// 250,000 tokens, called once per selection.
    public int rowOf(String token) {
        for (int row = 0; row < tokens.length; row++) {
            if (tokens[row].equals(token)) {
                return row;
            }
        }
        return -1;
    }

    /// The sort key of `row` in `column`: ids, kinds, supports and lexicon outcomes as they are,
    /// the text columns by their rank in `String` order, the float columns by their bits mapped
    /// so that `int` order is `float` order. Rows without a source get [Integer#MIN_VALUE] in the
    /// top-source and top-weight columns ([#hasKey] is false there).
    public int sortKey(TokenColumn column, int row) {
        return switch (column) {
            case ID -> row;
            case TOKEN -> tokenRank[row];
            case KIND -> kinds[row];
            case SUPPORT -> support[row];
            case TOP_SOURCE -> topSource[row] < 0 ? Integer.MIN_VALUE : sourceRank[topSource[row]];
            case TOP_WEIGHT -> Float.isNaN(topWeight[row]) ? Integer.MIN_VALUE : sortableBits(topWeight[row]);
            case ENTROPY -> sortableBits(entropyNats[row]);
            case LEXICON -> lexicon[row];
        };
    }

    /// Whether `row` has a value in `column` (false only for the top source and weight of a
    /// token without sources); rows without a value sort last in both directions.
    public boolean hasKey(TokenColumn column, int row) {
        return !(column == TokenColumn.TOP_SOURCE || column == TokenColumn.TOP_WEIGHT) || topSource[row] >= 0;
    }

    /// IEEE bits reordered so that signed `int` comparison equals `float` comparison.
    private static int sortableBits(float value) {
        int bits = Float.floatToIntBits(value);
        return bits < 0 ? bits ^ Integer.MAX_VALUE : bits;
    }

    /// Dense ranks of `strings` in `String` order: equal strings share a rank, so ties sort by id.
    private static int[] ranks(List<String> strings) {
        int[] byText = IntStream.range(0, strings.size()).boxed()
                .sorted(Comparator.comparing(strings::get))
                .mapToInt(Integer::intValue)
                .toArray();
        int[] rank = new int[strings.size()];
        int current = -1;
        String previous = null;
        for (int id : byText) {
            String text = strings.get(id);
            if (!text.equals(previous)) {
                current++;
                previous = text;
            }
            rank[id] = current;
        }
        return rank;
    }

    /// Fills the columns row by row; every row must be set before [#build()].
    public static final class Builder {
        private final String[] tokens;
        private final byte[] kinds;
        private final int[] support;
        private final int[] topSource;
        private final float[] topWeight;
        private final float[] entropyNats;
        private final byte[] lexicon;
        private final java.util.BitSet bridgeUnknown = new java.util.BitSet();
        private final List<String> sourceTokens;
        private final int[][] sources;

        private Builder(int size, List<String> sourceTokens) {
            tokens = new String[size];
            kinds = new byte[size];
            support = new int[size];
            topSource = new int[size];
            topWeight = new float[size];
            entropyNats = new float[size];
            lexicon = new byte[size];
            sources = new int[size][];
            Arrays.fill(sources, new int[0]);
            this.sourceTokens = List.copyOf(sourceTokens);
        }

        /// Sets the figures of `row`.
        ///
        /// @param topSourceId the heaviest source's id into the source tokens, or -1 for none
        /// @param topWeight its weight, NaN when there is none
        public Builder set(int row, String token, TargetTokenKind kind, int support, int topSourceId, float topWeight,
                float entropyNats, LexiconOutcome lexicon) {
            if (topSourceId >= sourceTokens.size()) {
                throw new IllegalArgumentException("top source id " + topSourceId + " of row " + row
                        + " is outside the " + sourceTokens.size() + " source tokens");
            }
            this.tokens[row] = token;
            this.kinds[row] = (byte) kind.ordinal();
            this.support[row] = support;
            this.topSource[row] = topSourceId;
            if (topSourceId >= 0 && sources[row].length == 0) {
                sources[row] = new int[] {topSourceId};
            }
            this.topWeight[row] = topWeight;
            this.entropyNats[row] = entropyNats;
            this.lexicon[row] = (byte) lexicon.ordinal();
            return this;
        }

        /// Sets the English sources of `row` the source filter looks at, heaviest first; only the
        /// first [#SOURCES_KEPT] are kept. Without it a row's only source is its top source.
        ///
        /// @throws IllegalArgumentException when an id is outside the source tokens
        public Builder sources(int row, int[] heaviestFirst) {
            int[] kept = Arrays.copyOf(heaviestFirst, Math.min(heaviestFirst.length, SOURCES_KEPT));
            for (int id : kept) {
                if (id < 0 || id >= sourceTokens.size()) {
                    throw new IllegalArgumentException("source id " + id + " of row " + row + " is outside the "
                            + sourceTokens.size() + " source tokens");
                }
            }
            sources[row] = kept;
            return this;
        }

        /// Marks `row` as having a bridge text that embeds like the bridge's unknown token.
        public Builder markBridgeUnknown(int row) {
            bridgeUnknown.set(row);
            return this;
        }

        /// The store; computes the text columns' sort ranks (a few hundred ms for 250,000 tokens).
        ///
        /// @throws IllegalStateException when a row was never set
        public TokenFigures build() {
            for (int row = 0; row < tokens.length; row++) {
                if (tokens[row] == null) {
                    throw new IllegalStateException("row " + row + " of " + tokens.length + " was never set");
                }
            }
            return new TokenFigures(this);
        }
    }
}
