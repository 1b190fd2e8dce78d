package org.sembridge.engine.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.sembridge.engine.InputFormatException;

/// Which target tokens of a run a map shows, as written on the command line (`--points SPEC`).
///
/// | spec | points |
/// |---|---|
/// | `lexicon` | the lexicon's target words that are single target tokens, with their chosen sources |
/// | `top:N` | the first `N` new (non-overlap, non-special) target tokens by id |
/// | `tokens:a,b,c` | the named target tokens (as stored, as words, or `#id`) |
/// | `pattern:REGEX` | the non-special target tokens in which the regular expression finds a match |
/// | `token:X` | one target token, its chosen sources and its 10 most similar source tokens |
///
/// Parse with [#parse(String)]; [org.sembridge.engine.projection.points.PointSetSelector] turns a
/// spec into a [org.sembridge.engine.projection.points.PointSet].
public sealed interface PointSetSpec {

    /// The spec as the user writes it, e.g. `top:200`.
    String text();

    /// Whether the spec always brings the chosen source tokens of its targets (a joint map):
    /// true for `lexicon` and `token:X`; the others add them on request.
    boolean bringsSources();

    /// `lexicon`: the words of the bilingual lexicon that are single target tokens.
    record Lexicon() implements PointSetSpec {

        @Override
        public String text() {
            return "lexicon";
        }

        @Override
        public boolean bringsSources() {
            return true;
        }
    }

    /// `top:N`: the first `count` new target tokens by id.
    ///
    /// By id because a run knows no token frequencies: for byte-level BPE vocabularies the id
    /// follows the merge order, which roughly follows frequency; WordPiece and SentencePiece ids
    /// follow the vocabulary file, often alphabetical within a script.
    ///
    /// @param count at least 1
    record Top(int count) implements PointSetSpec {

        /// Checks the count.
        public Top {
            if (count < 1) {
                throw new IllegalArgumentException("top:N needs N >= 1; found " + count);
            }
        }

        @Override
        public String text() {
            return "top:" + count;
        }

        @Override
        public boolean bringsSources() {
            return false;
        }
    }

    /// `tokens:a,b,c`: target tokens by string: as stored (`##ing`, `▁집`), as a word (`집`,
    /// looked up like `inspect --token`) or as `#id`.
    ///
    /// @param tokens at least one, none blank
    record Tokens(List<String> tokens) implements PointSetSpec {

        /// Copies the list and checks it.
        public Tokens {
            tokens = List.copyOf(tokens);
            if (tokens.isEmpty() || tokens.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("tokens: needs at least one token and no blank ones; found "
                        + tokens);
            }
        }

        @Override
        public String text() {
            return "tokens:" + String.join(",", tokens);
        }

        @Override
        public boolean bringsSources() {
            return false;
        }
    }

    /// `pattern:REGEX`: the non-special target tokens, as stored, in which `regex` finds a match
    /// (Java syntax; anchor with `^` and `$` to match whole tokens).
    ///
    /// @param regex the compiled expression
    record TokenPattern(Pattern regex) implements PointSetSpec {

        @Override
        public String text() {
            return "pattern:" + regex.pattern();
        }

        @Override
        public boolean bringsSources() {
            return false;
        }
    }

    /// `token:X`: one target token with the source tokens it was built from (linked) and its 10
    /// most similar source tokens by bridge similarity (context; most of the chosen ones are
    /// among them), so that even a single token gives a map of about a dozen points.
    ///
    /// @param token as in [Tokens]
    record SingleToken(String token) implements PointSetSpec {

        /// Checks the token.
        public SingleToken {
            if (token.isBlank()) {
                throw new IllegalArgumentException("token: needs a token");
            }
        }

        @Override
        public String text() {
            return "token:" + token;
        }

        @Override
        public boolean bringsSources() {
            return true;
        }
    }

    /// Parses a spec.
    ///
    /// @throws InputFormatException naming the spec when it has an unknown kind, `top:` without a
    ///     positive whole number, `tokens:` with an empty entry, `token:` without a token, or an
    ///     invalid regular expression (with the position and the reason)
    static PointSetSpec parse(String spec) throws InputFormatException {
        String trimmed = spec.strip();
        int colon = trimmed.indexOf(':');
        String kind = (colon < 0 ? trimmed : trimmed.substring(0, colon)).toLowerCase(Locale.ROOT);
        String argument = colon < 0 ? null : trimmed.substring(colon + 1);
        return switch (kind) {
            case "lexicon" -> {
                if (argument != null) {
                    throw new InputFormatException("points '" + spec + "': lexicon takes no argument (the lexicon "
                            + "file is chosen with --lexicon)");
                }
                yield new Lexicon();
            }
            case "top" -> new Top(parseCount(spec, argument));
            case "tokens" -> new Tokens(parseTokens(spec, argument));
            case "pattern" -> new TokenPattern(compile(spec, argument));
            case "token" -> {
                if (argument == null || argument.isBlank()) {
                    throw new InputFormatException("points '" + spec + "': token: needs a target token, e.g. token:집");
                }
                yield new SingleToken(argument.strip());
            }
            default -> throw new InputFormatException("points '" + spec + "': unknown point set; expected lexicon, "
                    + "top:N, tokens:a,b,c, pattern:REGEX or token:X");
        };
    }

    private static int parseCount(String spec, String argument) throws InputFormatException {
        String digits = argument == null ? "" : argument.strip();
        try {
            int count = Integer.parseInt(digits);
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputFormatException("points '" + spec + "': top:N needs a whole number N >= 1; found '" + digits
                + "'");
    }

    private static List<String> parseTokens(String spec, String argument) throws InputFormatException {
        if (argument == null || argument.isBlank()) {
            throw new InputFormatException("points '" + spec + "': tokens: needs a comma-separated list, e.g. "
                    + "tokens:집,문,창문");
        }
        List<String> tokens = new ArrayList<>();
        String[] parts = argument.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String token = parts[i].strip();
            if (token.isEmpty()) {
                throw new InputFormatException("points '" + spec + "': entry " + (i + 1) + " of the token list is "
                        + "empty (two commas in a row or a trailing comma?)");
            }
            tokens.add(token);
        }
        return tokens;
    }

    private static Pattern compile(String spec, String argument) throws InputFormatException {
        if (argument == null || argument.isEmpty()) {
            throw new InputFormatException("points '" + spec + "': pattern: needs a regular expression, e.g. "
                    + "pattern:^##");
        }
        try {
            return Pattern.compile(argument);
        } catch (PatternSyntaxException e) {
            throw new InputFormatException("points '" + spec + "': invalid regular expression '" + argument + "': "
                    + e.getDescription() + (e.getIndex() >= 0 ? " at position " + e.getIndex() : ""), e);
        }
    }
}
