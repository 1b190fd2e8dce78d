package org.sembridge.engine;

/// User data that cannot be used as it is: an empty text, a malformed corpus, queries or qrels
/// line, a parameter outside its valid range.
public class InputFormatException extends SemBridgeException {

    private static final long serialVersionUID = 1L;

    public InputFormatException(String message) {
        super(message);
    }

    public InputFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
