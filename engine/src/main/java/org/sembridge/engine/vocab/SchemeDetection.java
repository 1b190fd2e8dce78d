package org.sembridge.engine.vocab;

import java.util.List;

/// How the scheme of a vocabulary was detected: the marker counts and the decision.
///
/// Rule (the reference's order, thresholds exclusive): more than
/// [VocabularyScheme#DETECTION_THRESHOLD] tokens starting with `▁` means SentencePiece; else more
/// than that many starting with `##` means WordPiece; else more than that many starting with `Ġ`
/// means byte-level BPE. A vocabulary where two markers pass the threshold is therefore
/// SentencePiece before WordPiece before byte-level BPE. When no marker passes (a toy or sample
/// vocabulary), the result is WordPiece with `fromMarkers` false: WordPiece reads a marker-less
/// token as a whole word, which is right for the BERT-style vocabularies this project targets.
/// Callers that know the tokenizer's model type (`tokenizer.json` `model.type` and
/// `decoder.type`) should build the [Vocabulary] with that scheme instead.
///
/// @param scheme the detected scheme
/// @param fromMarkers whether a marker count passed the threshold; false for the fallback
/// @param sentencePieceMarkers tokens starting with `▁` (U+2581)
/// @param wordPieceMarkers tokens starting with `##`
/// @param byteLevelMarkers tokens starting with `Ġ` (U+0120)
public record SchemeDetection(VocabularyScheme scheme, boolean fromMarkers, int sentencePieceMarkers,
        int wordPieceMarkers, int byteLevelMarkers) {

    /// Counts the markers of `tokens` and applies the rule above.
    ///
    /// @param tokens the token strings, indexed by id; no `null` entries
    public static SchemeDetection of(List<String> tokens) {
        int sentencePiece = 0;
        int wordPiece = 0;
        int byteLevel = 0;
        for (String token : tokens) {
            if (token.startsWith(VocabularyScheme.WORD_START)) {
                sentencePiece++;
            }
            if (token.startsWith(VocabularyScheme.CONTINUATION_PREFIX)) {
                wordPiece++;
            }
            if (!token.isEmpty() && token.charAt(0) == ByteLevelAlphabet.SPACE) {
                byteLevel++;
            }
        }
        int threshold = VocabularyScheme.DETECTION_THRESHOLD;
        VocabularyScheme scheme;
        if (sentencePiece > threshold) {
            scheme = VocabularyScheme.SENTENCEPIECE;
        } else if (wordPiece > threshold) {
            scheme = VocabularyScheme.WORDPIECE;
        } else if (byteLevel > threshold) {
            scheme = VocabularyScheme.BYTE_LEVEL_BPE;
        } else {
            return new SchemeDetection(VocabularyScheme.WORDPIECE, false, sentencePiece, wordPiece, byteLevel);
        }
        return new SchemeDetection(scheme, true, sentencePiece, wordPiece, byteLevel);
    }
}
