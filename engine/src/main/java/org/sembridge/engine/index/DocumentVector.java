package org.sembridge.engine.index;

import java.util.List;
import java.util.Objects;

/// A document's whole sparse vector as the index holds it: every token with its exact and its
/// indexed weight, heaviest first (ties by token).
///
/// @param docId   the corpus id
/// @param title   the stored title (empty when the document has none)
/// @param entries one [Posting]-like entry per token of the vector: `token`, exact and indexed
///                weight
public record DocumentVector(String docId, String title, List<Entry> entries) {

    /// Copies the list.
    public DocumentVector {
        Objects.requireNonNull(docId, "docId");
        Objects.requireNonNull(title, "title");
        entries = List.copyOf(entries);
    }

    /// One token of the vector.
    ///
    /// @param token         the vocabulary token
    /// @param exactWeight   its exact weight
    /// @param indexedWeight the 9-bit weight Lucene scores with ([FeatureQuantisation#indexedValue])
    public record Entry(String token, float exactWeight, float indexedWeight) {
    }

    /// The sum of the exact weights (the vector's L1 norm, every weight being positive).
    public double exactSum() {
        return entries.stream().mapToDouble(Entry::exactWeight).sum();
    }
}
