package org.sembridge.engine.run;

/// One source token a target token was built from.
///
/// @param id the source token id
/// @param token its string as stored in the source vocabulary
/// @param weight its weight in `(0, 1]` (entmax or softmax; 1 for an overlap copy)
/// @param similarity the cosine similarity of the two tokens' bridge vectors, in `[-1, 1]`; NaN
///     for an overlap copy, which needs no bridge
public record SourceWeight(int id, String token, float weight, float similarity) {
}
