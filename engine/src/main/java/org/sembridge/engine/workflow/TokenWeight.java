package org.sembridge.engine.workflow;

/// One entry of a document's top tokens.
///
/// @param token  the vocabulary token as stored
/// @param weight the document vector's exact weight, > 0
/// @param inText whether the token occurs in the document's text; `false` marks an expansion
///               token the encoder added
public record TokenWeight(String token, float weight, boolean inText) {
}
