package org.sembridge.engine.vocab;

import java.util.regex.Pattern;

/// Reserved or unused vocabulary entries: placeholders a tokenizer keeps for later use, which no
/// text produces and whose spelling means nothing to a bridge encoder.
///
/// Recognised spellings: `[unusedN]` (BERT), `<unusedN>` (Gemma), `<|reserved_special_token_N|>`
/// (Llama 3), `<reserved_N>` / `<|reserved_N|>`, `<extra_id_N>` (T5 sentinels) and
/// `<|extra_N|>`, `N` any decimal number. Such entries are not built with the bridge: the run
/// gives them a cheap documented row instead (see `org.sembridge.engine.run.TargetRowRules`).
public final class ReservedTokens {

    private static final Pattern RESERVED = Pattern.compile(
            "\\[unused\\d+]|<unused\\d+>|<\\|reserved_special_token_\\d+\\|>|<\\|?reserved_\\d+\\|?>"
                    + "|<extra_id_\\d+>|<\\|extra_\\d+\\|>");

    private ReservedTokens() {
    }

    /// Whether `token` is spelled like a reserved or unused entry.
    ///
    /// @param token a vocabulary entry exactly as stored
    public static boolean isReserved(String token) {
        return token.length() >= 8 && RESERVED.matcher(token).matches();
    }
}
