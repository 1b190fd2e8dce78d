package org.sembridge.engine.vocab;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/// The role of a special token, shared across tokenizer families, so that a target special can
/// take the row of the source special that does the same job (`--map-specials`).
///
/// Recognised spellings (exact, case-sensitive, as stored in the vocabulary):
///
/// | role | BERT | RoBERTa / XLM-R | Llama 2 / Gemma / T5 | Llama 3 | Qwen |
/// |---|---|---|---|---|---|
/// | [#CLS_BOS] | `[CLS]` | `<s>` | `<s>`, `<bos>` | `<\|begin_of_text\|>` | - |
/// | [#SEP_EOS] | `[SEP]` | `</s>` | `</s>`, `<eos>` | `<\|end_of_text\|>`, `<\|eot_id\|>` | `<\|endoftext\|>`, `<\|im_end\|>` |
/// | [#UNK] | `[UNK]` | `<unk>` | `<unk>` | - | - |
/// | [#PAD] | `[PAD]` | `<pad>` | `<pad>` | `<\|finetune_right_pad_id\|>` | - |
/// | [#MASK] | `[MASK]` | `<mask>` | `<mask>` | - | - |
///
/// plus the lower-case BERT spellings (`[cls]`...) and `<|startoftext|>`, `<|unk|>`, `<|pad|>`,
/// `<|mask|>`. A source vocabulary usually has each role once; when it has a role several times
/// the lowest id wins.
public enum SpecialRole {

    /// Start of a sequence: BERT's `[CLS]`, RoBERTa's `<s>`, Gemma's `<bos>`.
    CLS_BOS,
    /// End of a sequence or separator: `[SEP]`, `</s>`, `<eos>`, `<|endoftext|>`.
    SEP_EOS,
    /// The unknown token: `[UNK]`, `<unk>`.
    UNK,
    /// Padding: `[PAD]`, `<pad>`.
    PAD,
    /// The masked-language-model mask: `[MASK]`, `<mask>`.
    MASK;

    private static final Map<String, SpecialRole> SPELLINGS = Map.ofEntries(
            Map.entry("[CLS]", CLS_BOS), Map.entry("[cls]", CLS_BOS), Map.entry("<s>", CLS_BOS),
            Map.entry("<bos>", CLS_BOS), Map.entry("<|begin_of_text|>", CLS_BOS),
            Map.entry("<|startoftext|>", CLS_BOS),
            Map.entry("[SEP]", SEP_EOS), Map.entry("[sep]", SEP_EOS), Map.entry("</s>", SEP_EOS),
            Map.entry("<eos>", SEP_EOS), Map.entry("<|end_of_text|>", SEP_EOS), Map.entry("<|eot_id|>", SEP_EOS),
            Map.entry("<|endoftext|>", SEP_EOS), Map.entry("<|im_end|>", SEP_EOS),
            Map.entry("[UNK]", UNK), Map.entry("[unk]", UNK), Map.entry("<unk>", UNK), Map.entry("<|unk|>", UNK),
            Map.entry("[PAD]", PAD), Map.entry("[pad]", PAD), Map.entry("<pad>", PAD), Map.entry("<|pad|>", PAD),
            Map.entry("<|finetune_right_pad_id|>", PAD),
            Map.entry("[MASK]", MASK), Map.entry("[mask]", MASK), Map.entry("<mask>", MASK),
            Map.entry("<|mask|>", MASK));

    /// The role a token's spelling names, if it is one of the recognised spellings.
    ///
    /// @param token a vocabulary entry exactly as stored
    public static Optional<SpecialRole> of(String token) {
        return Optional.ofNullable(SPELLINGS.get(token));
    }

    /// The name in reports: `cls/bos`, `sep/eos`, `unk`, `pad`, `mask`.
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '/');
    }
}
