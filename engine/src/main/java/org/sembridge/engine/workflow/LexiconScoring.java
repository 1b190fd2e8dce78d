package org.sembridge.engine.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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

    /// The gold sources of `run`'s target tokens in the lexicon `file`, in the language inferred
    /// from the run's target vocabulary; empty when the file is missing or has no column in the
    /// run's language (the inspector then shows `n/a`).
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
        Optional<LexiconEvaluator.LanguageLexicon> lexicon = LexiconEvaluator.readInferred(file, run);
        if (lexicon.isEmpty()) {
            LOG.info("{} has no column in the language of run {}: the lexicon column shows n/a", file, run.directory());
            return Optional.empty();
        }
        return Optional.of(new LexiconGoldSources(lexicon.get().language(),
                LexiconEvaluator.goldSources(run, lexicon.get())));
    }
}
