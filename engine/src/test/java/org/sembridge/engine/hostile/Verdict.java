package org.sembridge.engine.hostile;

/// How a hostile case ended: the three columns of the harness table.
public enum Verdict {
    /// Refused with our exception type or a documented exit code, one line naming the file.
    CLEAN_ERROR,
    /// Accepted, and the reader's invariants held on what it read.
    ACCEPTED,
    /// Anything else: see [Outcome#failureClass()].
    FAILURE
}
