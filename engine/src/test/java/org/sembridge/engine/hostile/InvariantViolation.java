package org.sembridge.engine.hostile;

/// Thrown by a reader's check when a mutated input was accepted but what was read is wrong (a
/// tensor range outside the file, a duplicated id, a path that left its folder).
public final class InvariantViolation extends RuntimeException {

    /// A violation described by `message`.
    public InvariantViolation(String message) {
        super(message);
    }

    /// Throws an [InvariantViolation] with `message` unless `condition` holds.
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new InvariantViolation(message);
        }
    }
}
