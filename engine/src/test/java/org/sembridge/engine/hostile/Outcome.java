package org.sembridge.engine.hostile;

/// The classified result of one case.
///
/// @param verdict clean error, accepted, or failure
/// @param failureClass for failures, the kind (`internal-error`, `generic-exception`, `hang`,
///     `write-outside`, `deletion`, `accepted-wrong`, `unspecific-message`, `crash`, `exit-N`);
///     for clean errors the exit code or exception type; empty for accepted input
/// @param detail what happened (the message, the changed paths)
public record Outcome(Verdict verdict, String failureClass, String detail) {

    static Outcome clean(String kind, String detail) {
        return new Outcome(Verdict.CLEAN_ERROR, kind, detail);
    }

    static Outcome accepted(String detail) {
        return new Outcome(Verdict.ACCEPTED, "", detail);
    }

    static Outcome failure(String failureClass, String detail) {
        return new Outcome(Verdict.FAILURE, failureClass, detail);
    }
}
