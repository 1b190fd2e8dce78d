package org.sembridge.engine.vocab;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A tokenizer vocabulary: the token strings by id, the ids of the special tokens and the
/// subword scheme that gives the strings their meaning.
///
/// Ids are dense: `tokens().get(id)` is the string of token `id`, `0 <= id < size()`. Build with
/// [#of(List, Set)] to detect the scheme, or with the canonical constructor to set it (when the
/// caller knows the tokenizer type, or to override a wrong detection).
///
/// @param tokens the token strings by id, no `null` entries; copied
/// @param specialIds ids of special tokens (`[CLS]`, `<s>`, `<pad>`, ...), each in `[0, size)`; copied
/// @param scheme the subword scheme
public record Vocabulary(List<String> tokens, Set<Integer> specialIds, VocabularyScheme scheme) {

    private static final Logger LOG = LoggerFactory.getLogger(Vocabulary.class);

    /// Validates and copies the components.
    ///
    /// @throws IllegalArgumentException if a token is `null` or a special id is out of range
    public Vocabulary {
        if (tokens == null || specialIds == null || scheme == null) {
            throw new IllegalArgumentException("tokens, specialIds and scheme must not be null");
        }
        for (int id = 0; id < tokens.size(); id++) {
            if (tokens.get(id) == null) {
                throw new IllegalArgumentException("token " + id + " is null; expected a string for every id");
            }
        }
        for (Integer id : specialIds) {
            if (id == null || id < 0 || id >= tokens.size()) {
                throw new IllegalArgumentException(
                        "special token id " + id + " is outside the vocabulary; expected 0.." + (tokens.size() - 1));
            }
        }
        tokens = List.copyOf(tokens);
        specialIds = Set.copyOf(specialIds);
    }

    /// A vocabulary whose scheme is detected from its markers by [SchemeDetection#of(List)].
    ///
    /// @param tokens the token strings by id
    /// @param specialIds ids of the special tokens
    /// @throws IllegalArgumentException if a token is `null` or a special id is out of range
    public static Vocabulary of(List<String> tokens, Set<Integer> specialIds) {
        SchemeDetection detection = SchemeDetection.of(tokens);
        LOG.debug("Vocabulary of {} tokens: {} ({} '▁', {} '##', {} 'Ġ' markers{})", tokens.size(),
                detection.scheme(), detection.sentencePieceMarkers(), detection.wordPieceMarkers(),
                detection.byteLevelMarkers(), detection.fromMarkers() ? "" : "; none above the threshold, fallback");
        return new Vocabulary(tokens, specialIds, detection.scheme());
    }

    /// The number of tokens.
    public int size() {
        return tokens.size();
    }

    /// Whether `id` is a special token id.
    public boolean isSpecial(int id) {
        return specialIds.contains(id);
    }

    /// Computes the canonical and fuzzy form and the kind of every token, and indexes the forms.
    /// Linear in the vocabulary size; compute it once and reuse it.
    public CanonicalVocabulary canonicalize() {
        return new CanonicalVocabulary(this);
    }
}
