package org.sembridge.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.TextLineReader;
import org.sembridge.engine.vocab.BilingualLexicon;
import org.sembridge.engine.vocab.CanonicalVocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Computes a run's [LexiconEvaluation] (word-translation precision@1 and @5, MUSE style) from a
/// MUSE dictionary (`en target` per line) or the project's concepts TSV
/// (`assets/lexicon/concepts.tsv`, target column chosen by language).
public final class LexiconEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(LexiconEvaluator.class);
    private static final Set<String> NON_LANGUAGE_COLUMNS = Set.of("concept", "topic", "en");
    private static final String WORD_START = "▁";

    private LexiconEvaluator() {
    }

    /// A lexicon with the target language it pairs English with.
    ///
    /// @param language the target column of a concepts TSV, or `muse` for a MUSE file
    /// @param lexicon the word pairs
    public record LanguageLexicon(String language, BilingualLexicon lexicon) {
    }

    /// Reads `file` as a concepts TSV (when its first line has a `concept` column) or a MUSE
    /// dictionary. For a concepts TSV without `language`, the column with the most words that are
    /// single target tokens of `run` is taken (or the language the run recorded, see [#readInferred]).
    ///
    /// @throws InputFormatException when the file is malformed, `language` is not a column, or
    ///     no column has a single-token word of the run's target vocabulary
    public static LanguageLexicon read(Path file, Optional<String> language, LoadedRun run)
            throws IOException, InputFormatException {
        return read(file, language, run, TextLineReader.DEFAULT_MAX_LINE_BYTES);
    }

    /// As [#read(Path, Optional, LoadedRun)] with lines of at most `maxLineBytes` bytes (longer
    /// lines are refused with the file and line).
    public static LanguageLexicon read(Path file, Optional<String> language, LoadedRun run, int maxLineBytes)
            throws IOException, InputFormatException {
        if (language.isPresent() && !conceptsHeader(file, maxLineBytes).isEmpty()) {
            return new LanguageLexicon(language.get(),
                    BilingualLexicon.readConcepts(file, language.get(), maxLineBytes));
        }
        Optional<LanguageLexicon> inferred = readInferred(file, run, maxLineBytes);
        if (inferred.isEmpty()) {
            throw new InputFormatException(file + ": no language column has a word that is one token of the run's "
                    + "target vocabulary; columns " + conceptsHeader(file, maxLineBytes) + "; give --lang");
        }
        return inferred.get();
    }

    /// Reads `file` like [#read] without a language: the column of the language the run recorded
    /// in `run.json` when the lexicon has it, else (older runs, or a language the lexicon lacks)
    /// the inferred column; answers empty (instead of failing) when
    /// no column of a concepts TSV has a word that is one token of the run's target vocabulary: a
    /// run in a language the lexicon lacks, which the workbench shows as "n/a".
    ///
    /// @throws InputFormatException when the file is missing or malformed
    public static Optional<LanguageLexicon> readInferred(Path file, LoadedRun run)
            throws IOException, InputFormatException {
        return readInferred(file, run, TextLineReader.DEFAULT_MAX_LINE_BYTES);
    }

    /// As [#readInferred(Path, LoadedRun)] with lines of at most `maxLineBytes` bytes.
    public static Optional<LanguageLexicon> readInferred(Path file, LoadedRun run, int maxLineBytes)
            throws IOException, InputFormatException {
        List<String> header = conceptsHeader(file, maxLineBytes);
        if (header.isEmpty()) {
            return Optional.of(new LanguageLexicon("muse", BilingualLexicon.readMuse(file, maxLineBytes)));
        }
        Optional<String> recorded = run.manifest().targetLanguage().map(TargetLanguage::code)
                .filter(header::contains).filter(code -> !NON_LANGUAGE_COLUMNS.contains(code));
        if (recorded.isPresent()) {
            LOG.info("Lexicon language '{}' as the run recorded it", recorded.get());
            return Optional.of(new LanguageLexicon(recorded.get(),
                    BilingualLexicon.readConcepts(file, recorded.get(), maxLineBytes)));
        }
        CanonicalVocabulary target = run.targetCanonical();
        LanguageLexicon best = null;
        long bestHits = 0;
        for (String column : header) {
            if (NON_LANGUAGE_COLUMNS.contains(column)) {
                continue;
            }
            BilingualLexicon lexicon = BilingualLexicon.readConcepts(file, column, maxLineBytes);
            Map<String, Integer> raw = TargetWordForm.rawIds(target);
            long hits = lexicon.targetWords().stream()
                    .filter(w -> TargetWordForm.find(target, raw, w).isPresent()).count();
            if (hits > bestHits) {
                best = new LanguageLexicon(column, lexicon);
                bestHits = hits;
            }
        }
        if (best != null) {
            LOG.info("Lexicon language inferred as '{}' ({} words are single target tokens)", best.language(), bestHits);
        }
        return Optional.ofNullable(best);
    }

    /// The lexicons of every language of `file` the run covers, for maps and views that show all
    /// of a multilingual run: the languages `run.json` records (`target.languages`) that are
    /// columns of the lexicon; else the columns its target vocabulary covers ([LexiconLanguages]);
    /// else the one inferred column ([#readInferred]); empty when none. A MUSE file gives itself.
    ///
    /// @throws InputFormatException when the file is missing or malformed
    /// @throws IOException when it cannot be read
    public static List<LanguageLexicon> readCovered(Path file, LoadedRun run) throws IOException, InputFormatException {
        List<String> header = conceptsHeader(file, TextLineReader.DEFAULT_MAX_LINE_BYTES);
        if (header.isEmpty()) {
            return List.of(new LanguageLexicon("muse", BilingualLexicon.readMuse(file)));
        }
        List<String> languages = run.manifest().targetLanguage().map(TargetLanguage::languages).orElse(List.of())
                .stream().filter(header::contains).filter(LexiconEvaluator::isLanguageColumn).toList();
        if (languages.isEmpty()) {
            languages = LexiconLanguages.covered(file, run.targetCanonical());
        }
        if (languages.isEmpty()) {
            return readInferred(file, run).map(List::of).orElse(List.of());
        }
        List<LanguageLexicon> lexicons = new java.util.ArrayList<>(languages.size());
        for (String language : languages) {
            lexicons.add(new LanguageLexicon(language, BilingualLexicon.readConcepts(file, language)));
        }
        LOG.info("Lexicon languages of {}: {}", run.directory(), languages);
        return lexicons;
    }

    /// The gold source ids per target id: for each lexicon word that is one token of the run's
    /// target vocabulary in any form ([TargetWordForm]), the word-start source ids of its English
    /// translations (the sets [#evaluate] judges against; words with no such source are left out).
    public static Map<Integer, Set<Integer>> goldSources(LoadedRun run, LanguageLexicon lexicon)
            throws InputFormatException {
        CanonicalVocabulary source = run.sourceVocabulary().canonicalize();
        CanonicalVocabulary target = run.targetCanonical();
        Map<Integer, Set<Integer>> gold = new HashMap<>();
        Map<String, Integer> raw = TargetWordForm.rawIds(target);
        for (String word : lexicon.lexicon().targetWords()) {
            int targetId = TargetWordForm.find(target, raw, word).map(TargetWordForm::targetId).orElse(-1);
            Set<Integer> sources = goldOf(source, lexicon, word);
            if (targetId >= 0 && !sources.isEmpty()) {
                gold.computeIfAbsent(targetId, id -> new HashSet<>()).addAll(sources);
            }
        }
        return gold;
    }

    /// Evaluates `run` on `lexicon` (see [LexiconEvaluation]).
    public static LexiconEvaluation evaluate(LoadedRun run, LanguageLexicon lexicon)
            throws IOException, InputFormatException {
        CanonicalVocabulary source = run.sourceVocabulary().canonicalize();
        CanonicalVocabulary target = run.targetCanonical();
        int evaluated = 0;
        int overlap = 0;
        int notSingleTarget = 0;
        int noSource = 0;
        int hits1 = 0;
        int hits5 = 0;
        Set<String> targetWords = lexicon.lexicon().targetWords();
        Map<String, Integer> raw = TargetWordForm.rawIds(target);
        List<LexiconEvaluation.WordResult> words = new java.util.ArrayList<>();
        for (String word : targetWords) {
            java.util.Optional<TargetWordForm> form = TargetWordForm.find(target, raw, word);
            if (form.isEmpty()) {
                notSingleTarget++;
                continue;
            }
            int targetId = form.get().targetId();
            Set<Integer> gold = goldOf(source, lexicon, word);
            if (gold.isEmpty()) {
                noSource++;
                continue;
            }
            AlignmentRecord record = run.token(targetId);
            evaluated++;
            if (record.isCopy()) {
                overlap++;
            }
            int[] top = record.topSourceIds(5);
            if (top.length > 0 && gold.contains(top[0])) {
                hits1++;
            }
            boolean hit1 = top.length > 0 && gold.contains(top[0]);
            boolean hit5 = Arrays.stream(top).anyMatch(gold::contains);
            if (hit5) {
                hits5++;
            }
            words.add(new LexiconEvaluation.WordResult(word, targetId, target.vocabulary().tokens().get(targetId),
                    form.get().form(), hit1, hit5));
        }
        LexiconEvaluation result = new LexiconEvaluation(lexicon.language(), lexicon.lexicon().size(),
                targetWords.size(), evaluated, overlap, notSingleTarget, noSource, hits1, hits5, words);
        LOG.info("Lexicon evaluation of {} ({}): {} of {} target words evaluated, precision@1 {}, @5 {}",
                run.directory(), lexicon.language(), evaluated, targetWords.size(),
                String.format("%.3f", result.precisionAt1()), String.format("%.3f", result.precisionAt5()));
        return result;
    }

    /// The word-start source ids of `word`'s English translations.
    private static Set<Integer> goldOf(CanonicalVocabulary source, LanguageLexicon lexicon, String word) {
        Set<Integer> gold = new HashSet<>();
        for (String sourceWord : lexicon.lexicon().sourcesOf(word)) {
            int sourceId = wordStartId(source, sourceWord);
            if (sourceId >= 0) {
                gold.add(sourceId);
            }
        }
        return gold;
    }


    private static int wordStartId(CanonicalVocabulary vocabulary, String word) {
        return vocabulary.lowestIdWithCanonicalForm(WORD_START + word);
    }

    /// Whether `column` of a concepts TSV holds a target language (not `concept`, `topic`, `en`).
    static boolean isLanguageColumn(String column) {
        return !NON_LANGUAGE_COLUMNS.contains(column);
    }

    /// The header of a concepts TSV, or empty when the first line has no `concept` column.
    static List<String> conceptsHeader(Path file, int maxLineBytes) throws IOException, InputFormatException {
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException(file + ": lexicon file not found");
        }
        try (TextLineReader lines = TextLineReader.open(file, maxLineBytes)) {
            String first = "";
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    first = line;
                    break;
                }
            }
            List<String> columns = Arrays.stream(first.split("\t")).map(String::strip).toList();
            return columns.contains("concept") ? columns : List.of();
        }
    }
}
