package org.sembridge.engine.workflow;

import java.util.List;

/// A document as the document view shows it: title and text cut into tokens, each with its
/// weight, and the document vector's heaviest tokens.
///
/// @param docId       the corpus id
/// @param title       the title's pieces (empty when the document has no title)
/// @param text        the text's pieces
/// @param topTokens   the heaviest tokens of the document vector, heaviest first, at most
///                    [#TOP_TOKENS]
/// @param maxWeight   the largest weight of the vector (the highlight's full intensity), > 0
///                    unless the vector is empty
/// @param vectorSize  tokens with a positive weight in the document vector
public record DocumentWeights(String docId, List<WeightedPiece> title, List<WeightedPiece> text,
        List<TokenWeight> topTokens, float maxWeight, int vectorSize) {

    /// How many top tokens the view lists.
    public static final int TOP_TOKENS = 24;

    public DocumentWeights {
        title = List.copyOf(title);
        text = List.copyOf(text);
        topTokens = List.copyOf(topTokens);
    }

    /// The highlight intensity of `weight`: `weight / maxWeight` in [0, 1].
    public double intensity(float weight) {
        return maxWeight > 0 ? Math.clamp(weight / maxWeight, 0.0, 1.0) : 0;
    }
}
