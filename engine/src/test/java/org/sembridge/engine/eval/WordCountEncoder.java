package org.sembridge.engine.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.sembridge.engine.index.SparseTextEncoder;
import org.sembridge.engine.index.TermWeights;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// A test encoder: tokens are the lower-cased letter/digit runs of a text (single characters for
/// Chinese), each weighted by its count. The text "nothing" has no tokens (an empty query).
final class WordCountEncoder implements SparseTextEncoder {

    /// A Han character on its own (Chinese has no spaces), or a run of other letters, digits, marks.
    private static final Pattern TOKEN = Pattern.compile("\\p{IsHan}|[\\p{L}\\p{N}\\p{M}&&[^\\p{IsHan}]]+");

    @Override
    public String fingerprint() {
        return "word-count";
    }

    @Override
    public List<TermWeights> encode(List<String> texts, ProgressListener progress, CancellationToken cancel) {
        return texts.stream().map(text -> {
            Map<String, Float> weights = new LinkedHashMap<>();
            for (String token : tokenize(text)) {
                weights.merge(token, 1f, Float::sum);
            }
            return TermWeights.of(weights);
        }).toList();
    }

    @Override
    public List<String> tokenize(String text) {
        if (text.equals("nothing")) {
            return List.of();
        }
        return TOKEN.matcher(text.toLowerCase(Locale.ROOT)).results().map(MatchResult::group).toList();
    }
}
