/// Progress reporting and cooperative cancellation for long engine operations.
///
/// Engine calls are synchronous; each long one takes a [ProgressListener] and a
/// [CancellationToken]. Cancellation is checked once per block of work and surfaces as
/// `OperationCancelledException`; partial output is never published.
///
/// [StageEstimate] turns one stage's reports into its rolling time estimate (the time spent plus
/// the rest at the rate of the second half of the work done so far); the CLI's progress lines,
/// the workbench's run progress and `run.json`'s `estimates_seconds` all use it.
package org.sembridge.engine.progress;
