package org.sembridge.engine.hostile;

/// What a reader did with a case's input, when it returned rather than threw.
public sealed interface Observation {

    /// The input was accepted and the reader's invariants held on what it read.
    ///
    /// @param note what was read, for the record (`204 documents`)
    record Accepted(String note) implements Observation {
    }

    /// A command-line run ended with a non-zero exit code.
    ///
    /// @param exitCode the exit code
    /// @param stderr what it printed on standard error
    record Exited(int exitCode, String stderr) implements Observation {
    }
}
