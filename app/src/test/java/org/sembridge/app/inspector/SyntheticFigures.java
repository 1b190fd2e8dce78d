package org.sembridge.app.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sembridge.engine.run.TargetTokenKind;

/// Seeded random [TokenFigures] of any size, for scale tests: tokens of 2-8 letters (some with
/// `▁`), a quarter overlap copies (support 1, weight 1), a few statistical rows without sources,
/// the rest 1-40 sources with random top weights and entropies, random lexicon outcomes.
final class SyntheticFigures {

    static final int SOURCE_TOKENS = 30_000;

    private SyntheticFigures() {
    }

    static TokenFigures of(int size, long seed) {
        Random random = new Random(seed);
        List<String> sources = new ArrayList<>(SOURCE_TOKENS);
        for (int id = 0; id < SOURCE_TOKENS; id++) {
            sources.add(word(random));
        }
        TokenFigures.Builder builder = TokenFigures.builder(size, sources);
        TargetTokenKind[] kinds = TargetTokenKind.values();
        LexiconOutcome[] outcomes = LexiconOutcome.values();
        for (int row = 0; row < size; row++) {
            String token = (random.nextBoolean() ? "▁" : "") + word(random);
            double kindDraw = random.nextDouble();
            TargetTokenKind kind = kindDraw < 0.25 ? TargetTokenKind.OVERLAP
                    : kindDraw < 0.99 ? TargetTokenKind.NEW : kinds[2];
            LexiconOutcome outcome = outcomes[1 + random.nextInt(outcomes.length - 1)];
            if (kind == TargetTokenKind.OVERLAP) {
                builder.set(row, token, kind, 1, random.nextInt(SOURCE_TOKENS), 1.0f, 0.0f, outcome);
            } else if (random.nextInt(100) == 0) {
                builder.set(row, token, kind, 0, -1, Float.NaN, 0.0f, outcome);
            } else {
                int support = 1 + random.nextInt(40);
                float top = support == 1 ? 1.0f : 1.0f / support + random.nextFloat() * (1.0f - 1.0f / support);
                builder.set(row, token, kind, support, random.nextInt(SOURCE_TOKENS), top,
                        (float) (random.nextDouble() * Math.log(support)), outcome);
            }
        }
        return builder.build();
    }

    private static String word(Random random) {
        int length = 2 + random.nextInt(7);
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
