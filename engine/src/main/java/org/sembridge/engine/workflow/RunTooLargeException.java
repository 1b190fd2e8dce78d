package org.sembridge.engine.workflow;

import org.sembridge.engine.InputFormatException;

/// A run refused before it is read because its estimated heap ([org.sembridge.engine.run.RunMemoryEstimate])
/// does not fit the memory left to the workbench ([MemoryBudget]). The message names the run, the
/// estimate, the heap in use and the limit, and how to make room.
public final class RunTooLargeException extends InputFormatException {

    private static final long serialVersionUID = 1L;

    RunTooLargeException(String message) {
        super(message);
    }
}
