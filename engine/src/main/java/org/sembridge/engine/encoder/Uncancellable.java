package org.sembridge.engine.encoder;

import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;

/// Runs a cancellable engine call with a fresh token nobody can cancel, for the convenience
/// overloads that take no [CancellationToken].
final class Uncancellable {

    /// A call that takes a token and may throw `E` or, in theory, be cancelled.
    @FunctionalInterface
    interface Call<T, E extends Exception> {
        T run(CancellationToken cancel) throws E, OperationCancelledException;
    }

    private Uncancellable() {
    }

    static <T, E extends Exception> T run(Call<T, E> call) throws E {
        try {
            return call.run(CancellationToken.create());
        } catch (OperationCancelledException e) {
            throw unexpected(e);
        }
    }

    /// The error for a cancellation of a fresh token, which cannot happen: for a call that throws
    /// two checked exceptions besides it, so it runs with [CancellationToken#create()] itself.
    static IllegalStateException unexpected(OperationCancelledException e) {
        return new IllegalStateException("a token nobody holds was cancelled", e);
    }
}
