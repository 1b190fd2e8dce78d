package org.sembridge.app.inspector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.workflow.LexiconScoring;

/// A bilingual lexicon resolved against one run's vocabularies: for each target token that is the
/// word-start token of a lexicon word, the source ids of its gold English words, as the engine's
/// [LexiconScoring] workflow service resolves them. Judges a token by the engine's rule: hit@1
/// when the heaviest source is gold, hit@5 when a gold word is among the 5 heaviest.
///
/// @param language the lexicon column used (inferred from the run's target vocabulary)
/// @param goldSources gold source ids per target id
public record RunLexicon(String language, Map<Integer, Set<Integer>> goldSources) {

    /// How many of a token's heaviest sources a hit may be among.
    public static final int TOP_K = 5;

    public RunLexicon {
        goldSources = Map.copyOf(goldSources);
    }

    /// The lexicon of `file` for `run`'s language, or empty when the file is missing or has no
    /// column in the run's target language (then the table says `n/a`).
    ///
    /// @throws InputFormatException when the file exists but is malformed, or a vocabulary file of
    ///     the run is
    /// @throws IOException when a file cannot be read
    public static Optional<RunLexicon> of(LoadedRun run, Path file) throws IOException, InputFormatException {
        return LexiconScoring.goldSources(run, file).map(gold -> new RunLexicon(gold.language(), gold.goldSources()));
    }

    /// The outcome of target token `targetId` whose heaviest sources are `topSourceIds` (largest
    /// weight first, up to [#TOP_K] read).
    public LexiconOutcome outcome(int targetId, int[] topSourceIds) {
        Set<Integer> gold = goldSources.get(targetId);
        if (gold == null) {
            return LexiconOutcome.NOT_IN_LEXICON;
        }
        if (topSourceIds.length > 0 && gold.contains(topSourceIds[0])) {
            return LexiconOutcome.HIT_AT_1;
        }
        boolean inTop = Arrays.stream(topSourceIds).limit(TOP_K).anyMatch(gold::contains);
        return inTop ? LexiconOutcome.HIT_AT_5 : LexiconOutcome.MISS;
    }
}
