package org.sembridge.engine.run;

import java.lang.Character.UnicodeScript;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/// The target language a run records in `run.json` (`target.language`), with where it came from.
///
/// Resolved once at `init`, in this order:
///
/// 1. [Origin#OPTION]: the user named it (`init --language`, the workbench's run form).
/// 2. [Origin#TOKENIZER_FOLDER]: the target tokenizer's folder name is an ISO 639-1 code, alone or
///    with a region (`tokenizers/ko`, `ko-KR`, `pt_BR`), as the bundled samples are named.
/// 3. [Origin#VOCABULARY_SCRIPTS]: the Unicode scripts of the tokens the run builds (the target
///    tokens that are not copies of source tokens, counted by the script of their first letter).
///    One script with at least [#DOMINANT_SHARE] of them gives a per-script label (`hangul`,
///    `cyrillic`, `devanagari`, ...); two or more scripts of at least [#MINOR_SHARE] each give
///    [#MULTI] (a multilingual vocabulary is not labelled with one guessed language); no letters
///    at all give [#UNDETERMINED].
///
/// The languages the run covers ([#languages()], `target.languages`) follow the same order: the
/// user's list (`--language ko,ru,ar` labels the run [#MULTI] and records the three), the
/// tokenizer folder's code, else the lexicon's ([Origin#LEXICON], between rules 2 and 3): every
/// language column of the bundled concepts lexicon of which at least [#LEXICON_COVERAGE] of the
/// words are single target tokens ([LexiconLanguages]). One such column names the language (a
/// Chinese vocabulary in a folder `tokenizer-x` is `zh`, not `han`); two or more label the run
/// [#MULTI] whatever its scripts' shares (Korean plus Russian is `multi`, not `hangul`), so a 262k
/// multilingual vocabulary covers `ko, ru, ar, hi, zh`, not the one column that happened to match
/// most words. The scripts are counted and recorded in both cases; without a lexicon, or when it
/// covers nothing, rule 3 labels the run.
///
/// Runs written before the manifest recorded a language have none; readers then fall back to
/// their own inference (the tokenizer folder name, a lexicon column). Runs written before it
/// recorded languages read [#languages()] as the code when the code is a language the user or the
/// folder named, else as empty (readers then ask the lexicon).
///
/// @param code the language code, a per-script label, [#MULTI] or [#UNDETERMINED]
/// @param origin where the code came from
/// @param scripts tokens per script (lower-case Unicode script names), largest first; empty unless
///     the scripts were counted
/// @param languages the language codes the run covers, in order; empty when nothing named them
public record TargetLanguage(String code, Origin origin, Map<String, Integer> scripts, List<String> languages) {

    /// The label of a vocabulary whose new tokens are spread over several scripts.
    public static final String MULTI = "multi";
    /// The label when no rule gave a language (ISO 639-2 `und`).
    public static final String UNDETERMINED = "und";
    /// Share of the counted tokens one script needs for a per-script label.
    public static final double DOMINANT_SHARE = 0.8;
    /// Share a script needs to count towards [#MULTI].
    public static final double MINOR_SHARE = 0.1;
    /// Share of a lexicon column's words that must be single target tokens for the run to cover
    /// that language.
    public static final double LEXICON_COVERAGE = 0.2;

    private static final Pattern CODE_WITH_REGION = Pattern.compile("([a-z]{2})(?:[-_][A-Za-z]{2,4})?");
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    private static final Set<UnicodeScript> NOT_COUNTED =
            Set.of(UnicodeScript.COMMON, UnicodeScript.INHERITED, UnicodeScript.UNKNOWN);

    /// Where a [TargetLanguage] came from; [#jsonName()] is its value in `run.json`.
    public enum Origin {
        /// The user named it.
        OPTION("option"),
        /// The target tokenizer's folder name.
        TOKENIZER_FOLDER("tokenizer_folder"),
        /// The scripts of the new target tokens.
        VOCABULARY_SCRIPTS("vocabulary_scripts"),
        /// The lexicon's language columns the vocabulary covers ([LexiconLanguages]).
        LEXICON("lexicon"),
        /// A manifest that names a language without its origin (hand-written).
        RECORDED("recorded");

        private final String jsonName;

        Origin(String jsonName) {
            this.jsonName = jsonName;
        }

        /// The value written in `run.json`.
        public String jsonName() {
            return jsonName;
        }

        /// The origin written as `name`; [#RECORDED] for an unknown or absent name.
        public static Origin fromJsonName(String name) {
            return Arrays.stream(values()).filter(o -> o.jsonName.equals(name)).findFirst().orElse(RECORDED);
        }
    }

    /// Checks the values and copies the map and the list.
    public TargetLanguage {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(origin, "origin");
        if (code.isBlank()) {
            throw new IllegalArgumentException("a target language code is not blank");
        }
        scripts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scripts));
        languages = List.copyOf(languages);
    }

    /// A language as runs recorded it before they recorded the languages they cover: a code the
    /// user or the folder named covers that language, a script label or [#MULTI] none known.
    public TargetLanguage(String code, Origin origin, Map<String, Integer> scripts) {
        this(code, origin, scripts, switch (origin) {
            case VOCABULARY_SCRIPTS -> List.of();
            case OPTION, TOKENIZER_FOLDER, LEXICON -> code.equals(MULTI) || code.equals(UNDETERMINED) ? List.of() : List.of(code);
            case RECORDED -> isLanguageCode(code) ? List.of(code) : List.of();
        });
    }

    /// Resolves the language of a run without a lexicon (see [#resolve(Optional, Path, List, Supplier)]).
    public static TargetLanguage resolve(Optional<String> option, Path targetTokenizer, List<String> newTokenTexts) {
        return resolve(option, targetTokenizer, newTokenTexts, List::of);
    }

    /// Resolves the language of a run (see the type's description for the order).
    ///
    /// @param option the language the user named, or several separated by commas; empty or blank
    ///     to infer
    /// @param targetTokenizer the target tokenizer folder or `tokenizer.json` as given
    /// @param newTokenTexts the surface texts of the target tokens the run builds
    /// @param lexiconLanguages the lexicon's languages the vocabulary covers, asked only when
    ///     neither the user nor the folder named the language
    public static TargetLanguage resolve(Optional<String> option, Path targetTokenizer, List<String> newTokenTexts,
            Supplier<List<String>> lexiconLanguages) {
        if (option.isPresent() && !option.get().isBlank()) {
            List<String> named = Arrays.stream(option.get().split(",")).map(String::strip)
                    .filter(code -> !code.isEmpty()).distinct().toList();
            return new TargetLanguage(named.size() == 1 ? named.getFirst() : MULTI, Origin.OPTION, Map.of(), named);
        }
        Optional<String> folder = folderCode(targetTokenizer);
        if (folder.isPresent()) {
            return new TargetLanguage(folder.get(), Origin.TOKENIZER_FOLDER, Map.of(), List.of(folder.get()));
        }
        TargetLanguage scripts = fromScripts(newTokenTexts);
        List<String> covered = lexiconLanguages.get();
        return switch (covered.size()) {
            case 0 -> scripts;
            case 1 -> new TargetLanguage(covered.getFirst(), Origin.LEXICON, scripts.scripts(), covered);
            default -> new TargetLanguage(MULTI, Origin.LEXICON, scripts.scripts(), covered);
        };
    }

    /// Whether `code` reads as a language code rather than a label: not [#MULTI] or
    /// [#UNDETERMINED], and not a Unicode script name (`hangul`, `cyrillic`).
    private static boolean isLanguageCode(String code) {
        if (code.equals(MULTI) || code.equals(UNDETERMINED)) {
            return false;
        }
        try {
            UnicodeScript.valueOf(code.toUpperCase(Locale.ROOT));
            return false;
        } catch (IllegalArgumentException notAScript) {
            return true;
        }
    }

    /// The ISO 639-1 code a tokenizer folder is named after (`tokenizers/ko` gives `ko`; for a
    /// `tokenizer.json` file, its folder's name), if its name is one.
    public static Optional<String> folderCode(Path targetTokenizer) {
        Path named = targetTokenizer.getFileName() != null
                && targetTokenizer.getFileName().toString().endsWith(".json") ? targetTokenizer.getParent()
                        : targetTokenizer;
        if (named == null || named.getFileName() == null) {
            return Optional.empty();
        }
        var matcher = CODE_WITH_REGION.matcher(named.getFileName().toString());
        return matcher.matches() && ISO_639_1.contains(matcher.group(1)) ? Optional.of(matcher.group(1))
                : Optional.empty();
    }

    /// The per-script label, [#MULTI] or [#UNDETERMINED] for tokens with these surface texts.
    public static TargetLanguage fromScripts(List<String> texts) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String text : texts) {
            firstLetterScript(text).ifPresent(script -> counts.merge(script, 1, Integer::sum));
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        long total = counts.values().stream().mapToLong(Integer::longValue).sum();
        if (total == 0) {
            return new TargetLanguage(UNDETERMINED, Origin.VOCABULARY_SCRIPTS, sorted);
        }
        Map.Entry<String, Integer> top = sorted.entrySet().iterator().next();
        long minor = sorted.values().stream().filter(n -> n >= MINOR_SHARE * total).count();
        String code = top.getValue() >= DOMINANT_SHARE * total ? top.getKey() : minor >= 2 ? MULTI : UNDETERMINED;
        return new TargetLanguage(code, Origin.VOCABULARY_SCRIPTS, sorted);
    }

    private static Optional<String> firstLetterScript(String text) {
        return text.codePoints().filter(Character::isLetter).mapToObj(UnicodeScript::of)
                .filter(script -> !NOT_COUNTED.contains(script)).findFirst()
                .map(script -> script.name().toLowerCase(Locale.ROOT));
    }

    /// Whether [#code()] is a single language or script rather than [#MULTI] or [#UNDETERMINED].
    public boolean isSingle() {
        return !code.equals(MULTI) && !code.equals(UNDETERMINED);
    }
}
