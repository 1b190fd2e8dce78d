package org.sembridge.engine.hostile;

/// The invariant of ids read from corpora, queries, qrels and runs: non-blank, without
/// whitespace (they end up in TREC files as one whitespace-separated field).
final class IdCheck {

    private IdCheck() {
    }

    static void requireTrecId(String id, String what) {
        InvariantViolation.check(id != null && !id.isBlank(), what + " is blank");
        InvariantViolation.check(id.chars().noneMatch(ch -> " \t\n\u000b\f\r".indexOf(ch) >= 0),
                what + " '" + id + "' holds whitespace (TREC files split fields on it)");
    }
}
