package org.sembridge.engine.eval;

import java.util.Objects;

/// One query of an evaluation set ("topic" in TREC terms).
///
/// @param id   the query id as used in qrels and runs; non-empty, no whitespace
/// @param text the query text; not blank
public record Topic(String id, String text) {

    public Topic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
