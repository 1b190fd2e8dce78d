package org.sembridge.engine.workflow;

import java.util.Map;
import java.util.Set;

/// A lexicon resolved against one run's vocabularies ([LexiconScoring#goldSources]): for each
/// target token that is a lexicon word in some form, the word-start source ids of its gold
/// English words.
///
/// @param language the lexicon column used (the run's language), the columns of a multilingual run
///     joined by commas (`ko,ru`), or `muse`
/// @param goldSources gold source ids per target id
public record LexiconGoldSources(String language, Map<Integer, Set<Integer>> goldSources) {

    public LexiconGoldSources {
        goldSources = Map.copyOf(goldSources);
    }
}
