package org.sembridge.engine.vocab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.TextLineReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A bilingual dictionary: source-target word pairs, for word-translation evaluation
/// (MUSE-style precision@k: a target word counts as correct if any of its gold source words,
/// [#sourcesOf(String)], is among the k source tokens it was built from).
///
/// Pairs are kept once each, in the order first read; one word may have several translations in
/// either direction. Words are kept as written (MUSE's own evaluation lower-cases; do that before
/// comparing if the tokens are cased). Two file formats:
///
/// - MUSE ([#readMuse(Path)]): one pair per line, `source target`, separated by whitespace
///   (space or tab), several lines per source word allowed (`en-ko.txt`: `house 집`,
///   `house 주택`);
/// - concepts TSV ([#readConcepts(Path, String)]): a header `concept topic en ko ru ar hi zh`
///   (tab-separated, any column order; `concept` and `en` required), one concept per row, each
///   cell a `|`-separated list of words (`house|home` and `집|주택`); a concept gives every
///   English word paired with every word of the chosen target column. An empty cell means no
///   words.
///
/// Files are UTF-8; a leading byte-order mark is ignored, blank lines are skipped. Lines are
/// read bounded (at most `TextLineReader.DEFAULT_MAX_LINE_BYTES`, 1 MiB, unless the caller gives
/// another limit); a longer line is refused with the file and line, never truncated (a cut pair
/// or concept row would be a wrong translation).
public final class BilingualLexicon {

    private static final Logger LOG = LoggerFactory.getLogger(BilingualLexicon.class);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern WORD_SEPARATOR = Pattern.compile("\\|");
    private static final String SOURCE_LANGUAGE = "en";
    private static final String CONCEPT_COLUMN = "concept";

    private final List<WordPair> pairs;
    private final Map<String, Set<String>> targetsBySource = new LinkedHashMap<>();
    private final Map<String, Set<String>> sourcesByTarget = new LinkedHashMap<>();

    private BilingualLexicon(Collection<WordPair> pairs) {
        this.pairs = List.copyOf(new LinkedHashSet<>(pairs));
        for (WordPair pair : this.pairs) {
            targetsBySource.computeIfAbsent(pair.sourceWord(), word -> new LinkedHashSet<>()).add(pair.targetWord());
            sourcesByTarget.computeIfAbsent(pair.targetWord(), word -> new LinkedHashSet<>()).add(pair.sourceWord());
        }
    }

    /// A lexicon of the given pairs (duplicates kept once).
    ///
    /// @throws IllegalArgumentException if `pairs` is empty
    public static BilingualLexicon of(Collection<WordPair> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("a bilingual lexicon needs at least one word pair");
        }
        return new BilingualLexicon(pairs);
    }

    /// Reads a MUSE dictionary: `source target` per line.
    ///
    /// @throws InputFormatException if the file is missing, empty, not UTF-8, or a line does not
    ///     hold exactly two words (the message names the file and the line number)
    /// @throws IOException if the file cannot be read
    public static BilingualLexicon readMuse(Path file) throws IOException, InputFormatException {
        return readMuse(file, TextLineReader.DEFAULT_MAX_LINE_BYTES);
    }

    /// Reads a MUSE dictionary with lines of at most `maxLineBytes`.
    ///
    /// @throws InputFormatException as [#readMuse(Path)], or for a line over the limit
    /// @throws IOException if the file cannot be read
    public static BilingualLexicon readMuse(Path file, int maxLineBytes) throws IOException, InputFormatException {
        List<WordPair> pairs = new ArrayList<>();
        readLines(file, maxLineBytes, (lineNumber, line) -> {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                return;
            }
            String[] words = WHITESPACE.split(stripped);
            if (words.length != 2) {
                throw new InputFormatException(file + ":" + lineNumber + ": expected 2 whitespace-separated words"
                        + " (source target), found " + words.length + ": '" + stripped + "'");
            }
            pairs.add(new WordPair(words[0], words[1]));
        });
        return loaded(file, pairs, "MUSE dictionary");
    }

    /// Reads the concepts TSV and pairs every English word of a concept with every word of the
    /// `targetLanguage` column.
    ///
    /// @param targetLanguage the column to pair with `en`, e.g. `ko`
    /// @throws InputFormatException if the file is missing, empty, not UTF-8, lacks the `concept`,
    ///     `en` or `targetLanguage` column, has a row with the wrong number of cells or an empty
    ///     word between `|` separators, or yields no pair (the message names file and line)
    /// @throws IOException if the file cannot be read
    public static BilingualLexicon readConcepts(Path file, String targetLanguage)
            throws IOException, InputFormatException {
        return readConcepts(file, targetLanguage, TextLineReader.DEFAULT_MAX_LINE_BYTES);
    }

    /// Reads the concepts TSV with lines of at most `maxLineBytes`.
    ///
    /// @throws InputFormatException as [#readConcepts(Path, String)], or for a line over the limit
    /// @throws IOException if the file cannot be read
    public static BilingualLexicon readConcepts(Path file, String targetLanguage, int maxLineBytes)
            throws IOException, InputFormatException {
        List<WordPair> pairs = new ArrayList<>();
        int[] columns = new int[2];
        List<String> header = new ArrayList<>();
        readLines(file, maxLineBytes, (lineNumber, line) -> {
            if (line.isBlank()) {
                return;
            }
            String[] cells = line.split("\t", -1);
            if (header.isEmpty()) {
                header.addAll(Arrays.stream(cells).map(String::strip).toList());
                columns[0] = column(file, lineNumber, header, SOURCE_LANGUAGE);
                columns[1] = column(file, lineNumber, header, targetLanguage);
                column(file, lineNumber, header, CONCEPT_COLUMN);
                return;
            }
            if (cells.length != header.size()) {
                throw new InputFormatException(file + ":" + lineNumber + ": expected " + header.size()
                        + " tab-separated cells (" + String.join(" ", header) + "), found " + cells.length);
            }
            List<String> sourceWords = words(file, lineNumber, SOURCE_LANGUAGE, cells[columns[0]]);
            List<String> targetWords = words(file, lineNumber, targetLanguage, cells[columns[1]]);
            for (String sourceWord : sourceWords) {
                for (String targetWord : targetWords) {
                    pairs.add(new WordPair(sourceWord, targetWord));
                }
            }
        });
        if (header.isEmpty()) {
            throw new InputFormatException(file + ": empty; expected a header line (concept topic en ...) and rows");
        }
        return loaded(file, pairs, "concepts TSV (en-" + targetLanguage + ")");
    }

    private static int column(Path file, int lineNumber, List<String> header, String name)
            throws InputFormatException {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new InputFormatException(file + ":" + lineNumber + ": header has no column '" + name
                    + "'; found columns " + header);
        }
        if (header.lastIndexOf(name) != index) {
            throw new InputFormatException(file + ":" + lineNumber + ": header has column '" + name + "' twice");
        }
        return index;
    }

    private static List<String> words(Path file, int lineNumber, String language, String cell)
            throws InputFormatException {
        if (cell.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : WORD_SEPARATOR.split(cell, -1)) {
            String stripped = word.strip();
            if (stripped.isEmpty()) {
                throw new InputFormatException(file + ":" + lineNumber + ": empty word in the '" + language
                        + "' cell '" + cell + "'; expected words separated by single '|'");
            }
            words.add(stripped);
        }
        return words;
    }

    private static BilingualLexicon loaded(Path file, List<WordPair> pairs, String format)
            throws InputFormatException {
        if (pairs.isEmpty()) {
            throw new InputFormatException(file + ": " + format + " holds no word pairs");
        }
        BilingualLexicon lexicon = new BilingualLexicon(pairs);
        LOG.info("Read {} word pairs ({} source words, {} target words) from {} {}", lexicon.size(),
                lexicon.sourceWords().size(), lexicon.targetWords().size(), format, file);
        return lexicon;
    }

    @FunctionalInterface
    private interface LineHandler {
        void accept(int lineNumber, String line) throws InputFormatException;
    }

    /// Feeds the lines of a UTF-8 file with 1-based numbers to `handler`, without a leading BOM,
    /// streamed and bounded per line by [TextLineReader].
    private static void readLines(Path file, int maxLineBytes, LineHandler handler)
            throws IOException, InputFormatException {
        try (TextLineReader lines = TextLineReader.open(file, maxLineBytes)) {
            String line;
            while ((line = lines.readLine()) != null) {
                handler.accept(lines.lineNumber(), line);
            }
        } catch (InputFormatException e) {
            // TextLineReader says "<file> line <n>: ..."; this class's messages say "<file>:<n>: ...".
            String prefix = file + " line ";
            String message = e.getMessage();
            if (message.startsWith(prefix)) {
                String rest = message.substring(prefix.length());
                int colon = rest.indexOf(": ");
                if (colon > 0 && rest.substring(0, colon).chars().allMatch(Character::isDigit)) {
                    message = file + ":" + rest.substring(0, colon) + ": " + rest.substring(colon + 2);
                }
            }
            throw message.equals(e.getMessage()) ? e : new InputFormatException(message, e);
        }
    }

    /// The number of distinct pairs.
    public int size() {
        return pairs.size();
    }

    /// The distinct pairs in the order first read.
    public List<WordPair> pairs() {
        return pairs;
    }

    /// The distinct source words, in the order first read.
    public Set<String> sourceWords() {
        return Collections.unmodifiableSet(targetsBySource.keySet());
    }

    /// The distinct target words, in the order first read.
    public Set<String> targetWords() {
        return Collections.unmodifiableSet(sourcesByTarget.keySet());
    }

    /// The translations of `sourceWord`; empty if it is not in the lexicon.
    public Set<String> targetsOf(String sourceWord) {
        return Collections.unmodifiableSet(targetsBySource.getOrDefault(sourceWord, Set.of()));
    }

    /// The gold source words of `targetWord`; empty if it is not in the lexicon.
    public Set<String> sourcesOf(String targetWord) {
        return Collections.unmodifiableSet(sourcesByTarget.getOrDefault(targetWord, Set.of()));
    }
}
