package org.sembridge.engine.workflow;

/// One token of a document's text in the document view, with the weight the document vector
/// gives that token.
///
/// @param token         the vocabulary token as stored (`##다`, `▁house`)
/// @param text          what to show: the piece's text without word markers
/// @param wordStart     whether a space goes before the piece: whitespace precedes it in the text
///                      (the vocabulary's word-start marker when the text does not spell the piece)
/// @param weight        the document vector's exact weight of `token`; 0 when the vector does not
///                      hold it (or it was dropped as non-positive)
/// @param indexedWeight the 9-bit value Lucene scores with (`FeatureQuantisation.indexedValue`), 0
///                      when `weight` is 0
public record WeightedPiece(String token, String text, boolean wordStart, float weight, float indexedWeight) {
}
