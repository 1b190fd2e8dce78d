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
            throw new IllegalStateException("a token nobody holds was cancelled", e);
        }
    }
}
