package org.sembridge.engine.run;

import java.util.Locale;

import org.sembridge.engine.InputFormatException;

/// How the vocabulary-sized decoder bias of the MLM head is carried over to the target vocabulary
/// (method.md step 6; `docs/adr/0004-decoder-bias-modes.md`).
///
/// | mode | `bias_t[x]` |
/// |---|---|
/// | `index` (default) | `bias_s[x]` for `x < nS`, else 0: Hugging Face `resize_token_embeddings` (crop or zero-pad by position), what the paper measured |
/// | `mapped` | `bias_s[src(x)]` for overlap tokens, `sum_i p_x,i bias_s[i]` for new tokens (the same plan as the embeddings) |
/// | `zero` | 0 |
public enum BiasMode {
    /// Keep entries by position: crop or zero-pad (the reference behaviour).
    INDEX,
    /// Map with the same weights as the embeddings; copy for overlap tokens.
    MAPPED,
    /// All zeros.
    ZERO;

    /// The name used on the command line and in `run.json`: `index`, `mapped` or `zero`.
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /// Parses `index`, `mapped` or `zero` (any case).
    ///
    /// @throws InputFormatException naming the value and the accepted ones
    public static BiasMode parse(String value) throws InputFormatException {
        for (BiasMode mode : values()) {
            if (mode.cliName().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new InputFormatException("bias mode \"" + value + "\" is not supported; use index, mapped or zero");
    }
}
