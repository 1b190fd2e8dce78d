package org.sembridge.engine.eval;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.TextLineReader;

/// The rule for query and document ids in TREC files: non-empty, no whitespace (fields are
/// whitespace-separated).
final class TrecIds {

    private TrecIds() {
    }

    static void check(String id, String what, TextLineReader where) throws InputFormatException {
        if (id.isEmpty()) {
            throw where.error("empty " + what);
        }
        if (id.codePoints().anyMatch(Character::isWhitespace)) {
            throw where.error(what + " '" + id + "' contains whitespace; TREC runs and qrels cannot represent it");
        }
    }
}
