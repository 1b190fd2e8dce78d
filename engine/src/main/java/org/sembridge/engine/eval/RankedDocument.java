package org.sembridge.engine.eval;

import java.util.Objects;

/// One retrieved document of a run.
///
/// @param docId the document id
/// @param score the retrieval score; higher is better
public record RankedDocument(String docId, double score) {

    public RankedDocument {
        Objects.requireNonNull(docId, "docId");
    }
}
