package org.sembridge.engine.index;

import java.util.List;
import java.util.Objects;

/// The heaviest postings of one token: the documents that hold it, heaviest exact weight first.
///
/// @param token             the vocabulary token
/// @param documentFrequency the length of the whole posting list; 0 when the index lacks the token
/// @param postings          at most the asked-for number of postings, by descending exact weight
///                          (ties by document id)
public record TermPostings(String token, int documentFrequency, List<Posting> postings) {

    /// Copies the list.
    public TermPostings {
        Objects.requireNonNull(token, "token");
        postings = List.copyOf(postings);
    }

    /// Whether the index has the token at all.
    public boolean found() {
        return documentFrequency > 0;
    }
}
