package org.sembridge.engine.run;

/// A source token close to a target token in the bridge space, whether or not it got weight.
///
/// @param id the source token id
/// @param token its string as stored in the source vocabulary
/// @param similarity the cosine similarity of the bridge vectors, in `[-1, 1]`
public record NearestSource(int id, String token, float similarity) {
}
