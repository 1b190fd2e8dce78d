package org.sembridge.engine;

/// The checked base of every user-fixable problem the engine reports: a malformed model file, bad
/// input data, a cancelled operation.
///
/// Messages follow one rule: they name *what* went wrong, *where* (file, tensor, line), what was
/// *expected* and what was *found*, so that the CLI can print the message alone and the workbench
/// can show it in a dialog without a stack trace. Caller bugs use `IllegalArgumentException`
/// instead.
public class SemBridgeException extends Exception {

    private static final long serialVersionUID = 1L;

    public SemBridgeException(String message) {
        super(message);
    }

    public SemBridgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
