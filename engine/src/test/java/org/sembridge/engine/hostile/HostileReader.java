package org.sembridge.engine.hostile;

import java.io.IOException;
import java.util.List;

/// One reader (or command) under hostile input: how to lay out a case's input from the pristine
/// fixtures, and how to run the real entry point on it and check what it accepted.
public interface HostileReader {

    /// Short stable name, the row of the harness table (`safetensors`, `corpus`, `init`).
    String name();

    /// Relative share of the cases this reader gets (cheap readers get more).
    int weight();

    /// Lays out the case's input in [HostileCase#folder()] and returns the files that may be
    /// mutated, the main target first.
    List<MutableFile> prepare(HostileCase hostileCase) throws IOException;

    /// Runs the real reader or command on the case's input.
    ///
    /// @return [Observation.Accepted] when the input was accepted and [#check the invariants]
    ///     held, or the exit code of a command-line run that failed
    /// @throws InvariantViolation when the input was accepted but what was read is wrong
    /// @throws Exception whatever the reader threw (classified by [CaseClassifier])
    Observation exercise(HostileCase hostileCase) throws Exception;
}
