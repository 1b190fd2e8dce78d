package org.sembridge.engine.hostile;

import java.util.List;
import org.sembridge.engine.hf.TextTokenizer;

/// The invariant of an accepted tokenizer: the vocabulary the engine read from the file agrees
/// with what the native tokenizer does. Every id the native tokenizer produces for the probe
/// texts lies inside the vocabulary and maps to the same token string, and every special id
/// lies inside the vocabulary.
final class TokenizerProbe {

    private static final List<String> PROBES = List.of("The old house near the river has a small garden.",
            "automobile repair 1234 !? don't", "우리는 집에서 책을 읽었습니다", "[CLS] [SEP] [UNK] [PAD] [MASK]");

    private TokenizerProbe() {
    }

    static void check(TextTokenizer tokenizer) {
        int size = tokenizer.vocabSize();
        InvariantViolation.check(size > 0 && tokenizer.tokens().size() == size, "vocabulary size " + size);
        for (int id : tokenizer.specialTokenIds()) {
            InvariantViolation.check(id >= 0 && id < size, "special id " + id + " outside the vocabulary of " + size);
        }
        for (String probe : PROBES) {
            int[] ids = tokenizer.tokenIds(probe);
            List<String> strings = tokenizer.tokenStrings(probe);
            InvariantViolation.check(ids.length == strings.size(), "ids and strings differ in length");
            for (int i = 0; i < ids.length; i++) {
                InvariantViolation.check(ids[i] >= 0 && ids[i] < size, "native id " + ids[i]
                        + " outside the vocabulary of " + size);
                InvariantViolation.check(tokenizer.tokens().get(ids[i]).equals(strings.get(i)), "id " + ids[i]
                        + " is '" + strings.get(i) + "' natively but '" + tokenizer.tokens().get(ids[i])
                        + "' in the vocabulary the engine read");
            }
            long[] encoded = tokenizer.encode(probe).ids();
            InvariantViolation.check(encoded.length <= tokenizer.maxTokens(), encoded.length + " tokens with specials, "
                    + "more than the limit of " + tokenizer.maxTokens());
            for (long id : encoded) {
                InvariantViolation.check(id >= 0 && id < size, "encoded id " + id + " outside the vocabulary of " + size);
            }
        }
    }
}
