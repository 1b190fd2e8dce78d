/// The hostile-input harness (test scope): seeded mutation of every reader's input, each case
/// run through the real reader or CLI entry point in-process and classified.
///
/// - [InputMutator] is the one mutation core (byte flips, truncation, huge values, deep nesting,
///   JSON type swaps, duplicates, path escapes, symlinks, empty files, wrong encodings, gzip
///   bombs); the app's session harness reuses it through the engine's test jar.
/// - [HostileReader] is one reader under test: how to lay out a case from the pristine
///   [Fixtures] and which invariants an accepted input must satisfy (the `...Target` classes).
/// - [HostileInputHarness] runs the cases with a per-case timeout, watches the scratch tree
///   with a [SentinelTree] for writes outside the output folder and deletions, and sorts every
///   case with [CaseClassifier] into clean error / accepted / failure ([HarnessReport]).
/// - [HostileInputHarnessTest] is the entry point (CI subset and full run).
package org.sembridge.engine.hostile;
