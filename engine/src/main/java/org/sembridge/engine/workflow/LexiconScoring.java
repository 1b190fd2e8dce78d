package org.sembridge.engine.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.run.LexiconEvaluator;
import org.sembridge.engine.run.LoadedRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The "evaluate a lexicon" job: scores a run's alignments against a bilingual lexicon (a MUSE
/// dictionary or the concepts TSV), for `sembridge lexicon-eval` and the inspector's lexicon
/// column.
///
/// The rule is [LexiconEvaluator]'s (MUSE word-translation convention): a target word counts
/// when it is one token of the run's target vocabulary in some form and one of its gold English
/// words is one source token; it is a hit@1 when its heaviest source is gold, a hit@5 when a gold
/// word is among its 5 heaviest sources.
public final class LexiconScoring {

    private static final Logger LOG = LoggerFactory.getLogger(LexiconScoring.class);

    private LexiconScoring() {
    }

    /// Scores the run folder `runFolder` on the lexicon `lexicon`.
    ///
    /// @param language the target column of a concepts TSV; empty for the column with the most
    ///     words that are single target tokens of the run
    /// @param maxLineBytes the longest lexicon line accepted, in bytes
    /// @throws InputFormatException naming the file (and line) when the run folder or the lexicon
    ///     is malformed, `language` is not a column, or no column fits the run
    /// @throws IOException when a file cannot be read
    public static LexiconReport evaluate(Path runFolder, Path lexicon, Optional<String> language, int maxLineBytes)
            throws IOException, InputFormatException {
        LoadedRun run = LoadedRun.open(runFolder);
        LexiconEvaluator.LanguageLexicon words = LexiconEvaluator.read(lexicon, language, run, maxLineBytes);
        return new LexiconReport(runFolder, lexicon, run.manifest().method(), LexiconEvaluator.evaluate(run, words));
    }

    /// The gold sources of `run`'s target tokens in the lexicon `file`, in every language the run
    /// covers ([LexiconEvaluator#readCovered]: one for a one-language run, each column of a
    /// multilingual one); empty when the file is missing or has no column in the run's languages
    /// (the inspector then shows `n/a`).
    ///
    /// @throws InputFormatException when the file exists but is malformed, or a vocabulary file of
    ///     the run is
    /// @throws IOException when a file cannot be read
    public static Optional<LexiconGoldSources> goldSources(LoadedRun run, Path file)
            throws IOException, InputFormatException {
        if (!Files.isRegularFile(file)) {
            LOG.info("No lexicon at {}: the lexicon column shows n/a", file);
            return Optional.empty();
        }
        List<LexiconEvaluator.LanguageLexicon> lexicons = LexiconEvaluator.readCovered(file, run);
        if (lexicons.isEmpty()) {
            LOG.info("{} has no column in the language of run {}: the lexicon column shows n/a", file, run.directory());
            return Optional.empty();
        }
        // a multilingual run is judged on every language it covers: gold sources of all columns
        Map<Integer, Set<Integer>> gold = new HashMap<>();
        for (LexiconEvaluator.LanguageLexicon lexicon : lexicons) {
            LexiconEvaluator.goldSources(run, lexicon).forEach((id, sources) ->
                    gold.computeIfAbsent(id, k -> new HashSet<>()).addAll(sources));
        }
        return Optional.of(new LexiconGoldSources(String.join(",", lexicons.stream()
                .map(LexiconEvaluator.LanguageLexicon::language).toList()), gold));
    }
}
