package org.sembridge.engine.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.TextLineReader;
import org.sembridge.engine.vocab.BilingualLexicon;
import org.sembridge.engine.vocab.CanonicalVocabulary;

/// The languages of a concepts lexicon that a target vocabulary covers: every language column
/// of which at least [TargetLanguage#LEXICON_COVERAGE] of the distinct words are single tokens of
/// the vocabulary in some form ([TargetWordForm]), in the lexicon's column order.
///
/// Measured on the bundled `assets/lexicon/concepts.tsv` (about 550-670 words per column): each
/// sample tokenizer covers its own column only (ko: 100% of the ko words, zh: 29% of the zh words;
/// 0% of every other column), and this method finds `[ko, ru, ar, hi, zh]` for the 262,145-token
/// Gemma 3 `tokenizer.json` (about 27% to 70% of each column's words are `▁word` or `word`
/// there), where the single best column used to label the whole vocabulary with one language.
public final class LexiconLanguages {

    private LexiconLanguages() {
    }

    /// The columns of the concepts lexicon `file` that `target` covers; empty for a MUSE file
    /// (it has no language columns).
    ///
    /// @throws InputFormatException when the file is missing or malformed (file and line)
    /// @throws IOException when it cannot be read
    public static List<String> covered(Path file, CanonicalVocabulary target) throws IOException, InputFormatException {
        List<String> header = LexiconEvaluator.conceptsHeader(file, TextLineReader.DEFAULT_MAX_LINE_BYTES);
        List<String> covered = new ArrayList<>();
        Map<String, Integer> rawIds = null;
        for (String column : header) {
            if (!LexiconEvaluator.isLanguageColumn(column)) {
                continue;
            }
            if (rawIds == null) {
                rawIds = TargetWordForm.rawIds(target);
            }
            BilingualLexicon lexicon = BilingualLexicon.readConcepts(file, column);
            Map<String, Integer> raw = rawIds;
            long single = lexicon.targetWords().stream().filter(w -> TargetWordForm.find(target, raw, w).isPresent())
                    .count();
            if (single > 0 && single >= TargetLanguage.LEXICON_COVERAGE * lexicon.targetWords().size()) {
                covered.add(column);
            }
        }
        return covered;
    }
}
