package org.sembridge.engine.progress;

import org.sembridge.engine.OperationCancelledException;

/// A flag a caller sets to ask a running engine operation to stop. Engine code checks it once per
/// block of work with [#throwIfCancelled(String)]; the operation then publishes nothing.
/// Thread-safe: usually cancelled from the GUI thread and polled on the engine thread.
public final class CancellationToken {

    private volatile boolean cancelled;

    /// A fresh, not yet cancelled token. Use one per operation.
    public static CancellationToken create() {
        return new CancellationToken();
    }

    /// Requests cancellation; idempotent.
    public void cancel() {
        cancelled = true;
    }

    /// Whether [#cancel()] was called.
    public boolean isCancelled() {
        return cancelled;
    }

    /// Throws if cancellation was requested.
    ///
    /// @param operation names the operation in the exception message, e.g. "bridge embedding"
    /// @throws OperationCancelledException when [#cancel()] was called
    public void throwIfCancelled(String operation) throws OperationCancelledException {
        if (cancelled) {
            throw new OperationCancelledException(operation);
        }
    }
}
