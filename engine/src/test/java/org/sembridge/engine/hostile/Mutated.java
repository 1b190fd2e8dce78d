package org.sembridge.engine.hostile;

/// The new content of a file after an in-memory mutation, with the mutation's family and detail.
///
/// @param family the mutation family (`byte-flip`, `json-type-swap`, ...)
/// @param detail what was done, for failure reports
/// @param bytes the new content
record Mutated(String family, String detail, byte[] bytes) {
}
