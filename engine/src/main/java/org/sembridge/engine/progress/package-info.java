/// Progress reporting and cooperative cancellation for long engine operations.
///
/// Engine calls are synchronous; each long one takes a [ProgressListener] and a
/// [CancellationToken]. Cancellation is checked once per block of work and surfaces as
/// `OperationCancelledException`; partial output is never published.
package org.sembridge.engine.progress;
