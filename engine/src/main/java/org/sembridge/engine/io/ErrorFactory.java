package org.sembridge.engine.io;

/// Makes the caller's exception type from a complete one-line message and its cause, e.g.
/// `ModelFormatException::new` or `InputFormatException::new`.
///
/// @param <E> the exception the caller throws
@FunctionalInterface
public interface ErrorFactory<E extends Exception> {

    /// The exception for `message` (already naming file and place), caused by `cause`.
    E create(String message, Throwable cause);
}
