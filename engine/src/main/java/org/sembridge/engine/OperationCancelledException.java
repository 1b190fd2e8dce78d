package org.sembridge.engine;

/// Thrown when a [org.sembridge.engine.progress.CancellationToken] was cancelled while an operation
/// ran. The operation has published nothing: no partial output folder or file is left behind.
public class OperationCancelledException extends SemBridgeException {

    private static final long serialVersionUID = 1L;

    public OperationCancelledException(String operation) {
        super(operation + " was cancelled; nothing was written");
    }
}
