package org.sembridge.engine.run;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.vocab.BytePieces;
import org.sembridge.engine.vocab.CanonicalVocabulary;
import org.sembridge.engine.vocab.ReservedTokens;

/// Target rows that a cheap documented rule fills instead of the method, because the bridge has
/// nothing to say about them. Decided after the overlap copy (a copied token never gets a rule),
/// applied after the method built the other rows.
///
/// | rule | which target tokens | row |
/// |---|---|---|
/// | [Rule#SOURCE_MEAN] | reserved or unused entries ([ReservedTokens]: `<unusedN>`, `[unusedN]`, `<\|reserved_special_token_N\|>`, `<extra_id_N>`); with [UnknownBridgeRule#MEAN] also new tokens whose bridge text embeds like the bridge's unknown token | the mean of the source rows (every source row the plan sees, per matrix: embeddings, untied decoder, mapped bias) |
/// | [Rule#BYTE_MEAN] | raw-byte tokens: a canonical form made only of `<0xNN>` bytes (SentencePiece `<0x80>`..`<0xFF>`, control bytes `<0x00>`..`<0x1F>` other than whitespace, byte-level pieces of a multi-byte character) | the mean of the rows of the target tokens whose UTF-8 bytes contain that byte sequence (copied or built, not rule rows, not specials); the source mean when no token contains it |
///
/// Whitespace pieces (newline, tab, runs of spaces) are not rule rows: they are bridged with a
/// named text (`org.sembridge.engine.bridge.BridgeTexts`) and built by the method.
///
/// Cost: one pass over the target forms to index the contained byte sequences, then per matrix
/// one mean per rule row over its contributors (`O(sum of contributors x columns)`).
final class TargetRowRules {

    /// Cosine distance below which a bridge vector counts as the bridge's unknown-token vector.
    static final double UNKNOWN_COSINE_TOLERANCE = 1e-6;

    /// Marks a rule row in a `copiedFrom` array (planned rows are -1, copies `>= 0`).
    static final int RULE_ROW = -2;

    /// A rule for one target row.
    enum Rule {
        /// The method builds (or the overlap copies) the row.
        NONE,
        /// The mean of the source rows.
        SOURCE_MEAN,
        /// The mean of the rows of target tokens containing the token's bytes.
        BYTE_MEAN;

        /// The name in `alignments.jsonl`: `""`, `source_mean`, `byte_mean`.
        String jsonName() {
            return this == NONE ? "" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Rule[] rules;
    private final boolean[] reserved;
    private final boolean[] rawBytes;
    private final boolean[] bridgeUnknown;
    private final int[][] contributors;

    private TargetRowRules(Rule[] rules, boolean[] reserved, boolean[] rawBytes, boolean[] bridgeUnknown,
            int[][] contributors) {
        this.rules = rules;
        this.reserved = reserved;
        this.rawBytes = rawBytes;
        this.bridgeUnknown = bridgeUnknown;
        this.contributors = contributors;
    }

    /// Decides the rule of every target token.
    ///
    /// @param target the canonicalised target vocabulary
    /// @param copiedFrom per target token its copied source id, or -1
    /// @param bridgeUnknown per target token whether its bridge text embeds like the bridge's
    ///     unknown token (all false without a bridge)
    /// @param unknownRule what such tokens get when they are not copied
    static TargetRowRules decide(CanonicalVocabulary target, int[] copiedFrom, boolean[] bridgeUnknown,
            UnknownBridgeRule unknownRule) {
        int size = target.size();
        Rule[] rules = new Rule[size];
        boolean[] reserved = new boolean[size];
        boolean[] raw = new boolean[size];
        boolean[] unknown = new boolean[size];
        Map<Long, Integer> wanted = new HashMap<>();
        int[] wantedKey = new int[size];
        Arrays.fill(wantedKey, -1);
        int longest = 0;
        for (int id = 0; id < size; id++) {
            rules[id] = Rule.NONE;
            if (copiedFrom[id] >= 0) {
                continue;
            }
            unknown[id] = bridgeUnknown[id];
            byte[] bytes = BytePieces.rawBytes(target.canonicalForm(id));
            if (ReservedTokens.isReserved(target.vocabulary().tokens().get(id))) {
                reserved[id] = true;
                rules[id] = Rule.SOURCE_MEAN;
            } else if (bytes != null && bytes.length <= Long.BYTES - 1 && !isWhitespaceByte(bytes)) {
                raw[id] = true;
                rules[id] = Rule.BYTE_MEAN;
                wantedKey[id] = wanted.computeIfAbsent(key(bytes, 0, bytes.length), k -> wanted.size());
                longest = Math.max(longest, bytes.length);
            } else if (unknown[id] && unknownRule == UnknownBridgeRule.MEAN) {
                rules[id] = Rule.SOURCE_MEAN;
            }
        }
        int[][] contributors = byteContributors(target, rules, wanted, wantedKey, longest);
        return new TargetRowRules(rules, reserved, raw, unknown, contributors);
    }

    /// A raw piece of one whitespace byte (`<0x09>`, `<0x0A>`, `<0x0D>`, `<0x20>`...) is bridged
    /// with its whitespace name instead.
    private static boolean isWhitespaceByte(byte[] bytes) {
        return bytes.length == 1 && (bytes[0] == ' ' || bytes[0] >= 0x09 && bytes[0] <= 0x0D);
    }

    /// Per raw-byte token, the target ids (rule `NONE`, not special) whose bytes contain its
    /// sequence, ascending; `null` for other tokens.
    private static int[][] byteContributors(CanonicalVocabulary target, Rule[] rules, Map<Long, Integer> wanted,
            int[] wantedKey, int longest) {
        int[][] byKey = new int[wanted.size()][];
        int[] counts = new int[wanted.size()];
        int[] lastId = new int[wanted.size()];
        Arrays.fill(lastId, -1);
        if (!wanted.isEmpty()) {
            for (int pass = 0; pass < 2; pass++) {
                for (int id = 0; id < target.size(); id++) {
                    if (rules[id] != Rule.NONE || target.vocabulary().isSpecial(id)) {
                        continue;
                    }
                    byte[] bytes = BytePieces.bytesOf(target.canonicalForm(id));
                    for (int start = 0; start < bytes.length; start++) {
                        for (int length = 1; length <= longest && start + length <= bytes.length; length++) {
                            Integer k = wanted.get(key(bytes, start, length));
                            if (k != null && lastId[k] != id) {
                                lastId[k] = id;
                                if (pass == 0) {
                                    counts[k]++;
                                } else {
                                    byKey[k][counts[k]++] = id;
                                }
                            }
                        }
                    }
                }
                if (pass == 0) {
                    for (int k = 0; k < byKey.length; k++) {
                        byKey[k] = new int[counts[k]];
                    }
                    Arrays.fill(counts, 0);
                    Arrays.fill(lastId, -1);
                }
            }
        }
        int[][] contributors = new int[rules.length][];
        for (int id = 0; id < rules.length; id++) {
            if (wantedKey[id] >= 0) {
                contributors[id] = byKey[wantedKey[id]];
            }
        }
        return contributors;
    }

    /// Up to 7 bytes and their count packed into a long.
    private static long key(byte[] bytes, int start, int length) {
        long key = length;
        for (int k = 0; k < length; k++) {
            key = key << 8 | (bytes[start + k] & 0xFF);
        }
        return key;
    }

    /// The rule of target token `id`.
    Rule rule(int id) {
        return rules[id];
    }

    /// Whether target token `id` is a reserved or unused entry that got the source mean.
    boolean isReserved(int id) {
        return reserved[id];
    }

    /// Whether target token `id` is a raw-byte piece that got the byte mean.
    boolean isRawBytes(int id) {
        return rawBytes[id];
    }

    /// Whether target token `id` (not copied) has a bridge text that embeds like the bridge's
    /// unknown token.
    boolean isBridgeUnknown(int id) {
        return bridgeUnknown[id];
    }

    /// How many target tokens have `rule`.
    int count(Rule rule) {
        return (int) Arrays.stream(rules).filter(r -> r == rule).count();
    }

    /// How many target tokens are reserved entries.
    int reservedCount() {
        return countTrue(reserved);
    }

    /// How many target tokens are raw-byte pieces.
    int rawByteCount() {
        return countTrue(rawBytes);
    }

    /// How many non-copied target tokens have an unknown-like bridge text.
    int bridgeUnknownCount() {
        return countTrue(bridgeUnknown);
    }

    /// Raw-byte tokens no target token contains (they got the source mean).
    int rawBytesWithoutContributors() {
        int count = 0;
        for (int id = 0; id < rules.length; id++) {
            if (rawBytes[id] && contributors[id].length == 0) {
                count++;
            }
        }
        return count;
    }

    private static int countTrue(boolean[] flags) {
        int count = 0;
        for (boolean flag : flags) {
            count += flag ? 1 : 0;
        }
        return count;
    }

    /// `copiedFrom` with every rule row set to [#RULE_ROW], so the method does not plan it.
    int[] withRuleRows(int[] copiedFrom) {
        int[] result = copiedFrom.clone();
        for (int id = 0; id < result.length; id++) {
            if (rules[id] != Rule.NONE) {
                result[id] = RULE_ROW;
            }
        }
        return result;
    }

    /// Fills the rule rows of every target matrix from the source matrix at the same index:
    /// source means over the first `sourceRows` rows, then byte means over the target rows.
    void fill(List<FloatMatrix> targets, List<FloatMatrix> sources, int sourceRows) {
        for (int m = 0; m < targets.size(); m++) {
            fill(targets.get(m), sources.get(m), sourceRows);
        }
    }

    private void fill(FloatMatrix target, FloatMatrix source, int sourceRows) {
        int columns = target.columns();
        float[] mean = columnMean(source, sourceRows);
        float[] values = target.values();
        for (int id = 0; id < rules.length; id++) {
            if (rules[id] == Rule.SOURCE_MEAN || rules[id] == Rule.BYTE_MEAN && contributors[id].length == 0) {
                System.arraycopy(mean, 0, values, id * columns, columns);
            }
        }
        double[] sum = new double[columns];
        for (int id = 0; id < rules.length; id++) {
            if (rules[id] != Rule.BYTE_MEAN || contributors[id].length == 0) {
                continue;
            }
            Arrays.fill(sum, 0.0);
            for (int contributor : contributors[id]) {
                int offset = contributor * columns;
                for (int c = 0; c < columns; c++) {
                    sum[c] += values[offset + c];
                }
            }
            for (int c = 0; c < columns; c++) {
                values[id * columns + c] = (float) (sum[c] / contributors[id].length);
            }
        }
    }

    private static float[] columnMean(FloatMatrix matrix, int rows) {
        int columns = matrix.columns();
        double[] sum = new double[columns];
        int used = Math.min(rows, matrix.rows());
        for (int r = 0; r < used; r++) {
            for (int c = 0; c < columns; c++) {
                sum[c] += matrix.values()[r * columns + c];
            }
        }
        float[] mean = new float[columns];
        for (int c = 0; c < columns; c++) {
            mean[c] = used == 0 ? 0f : (float) (sum[c] / used);
        }
        return mean;
    }

    /// Whether `vectors[id]` is within [#UNKNOWN_COSINE_TOLERANCE] cosine of `unknown`.
    static boolean[] nearUnknown(FloatMatrix vectors, float[] unknown) {
        boolean[] flags = new boolean[vectors.rows()];
        if (unknown == null) {
            return flags;
        }
        int columns = vectors.columns();
        double unknownNorm = 0;
        for (float value : unknown) {
            unknownNorm += (double) value * value;
        }
        unknownNorm = Math.sqrt(unknownNorm);
        for (int r = 0; r < vectors.rows(); r++) {
            double dot = 0;
            double norm = 0;
            for (int c = 0; c < columns; c++) {
                float value = vectors.values()[r * columns + c];
                dot += (double) value * unknown[c];
                norm += (double) value * value;
            }
            double cosine = norm == 0 || unknownNorm == 0 ? 0 : dot / (Math.sqrt(norm) * unknownNorm);
            flags[r] = cosine >= 1.0 - UNKNOWN_COSINE_TOLERANCE;
        }
        return flags;
    }
}
