/// Whole user-level jobs, one service per job, used alike by the command line, the workbench's
/// view models and the experiment runner: a command parses options, calls a service and prints;
/// a view model holds UI state and calls a service. Neither assembles a workflow from the
/// low-level packages itself.
///
/// Invariants:
///
/// - A service takes plain values (folders, texts, settings records) and returns value types of
///   the engine's result packages (`run`, `index`, `eval`, `projection`); no `ai.djl` type and no
///   picocli or JavaFX type crosses its API.
/// - Long jobs take a `ProgressListener` and a `CancellationToken`, like every engine operation.
/// - A service prints nothing and decides no exit code.
package org.sembridge.engine.workflow;
