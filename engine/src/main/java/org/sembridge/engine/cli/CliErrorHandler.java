package org.sembridge.engine.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.SemBridgeException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/// Turns an exception thrown by a command into one line on stderr and a documented exit code
/// ([ExitCodes]); the stack trace only with `--debug`.
final class CliErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        var err = commandLine.getErr();
        OutOfMemoryError outOfMemory = OutOfMemoryMessage.find(cause);
        err.println("error: " + oneLine(outOfMemory != null ? OutOfMemoryMessage.of(outOfMemory) : describe(cause)));
        if (SemBridgeCli.debugEnabled(commandLine)) {
            cause.printStackTrace(err);
        }
        err.flush();
        return exitCodeOf(cause);
    }

    static int exitCodeOf(Throwable t) {
        if (OutOfMemoryMessage.find(t) != null) {
            return ExitCodes.INTERNAL_ERROR;
        }
        return switch (t) {
            case ModelFormatException e -> ExitCodes.MODEL_FORMAT;
            case InputFormatException e -> ExitCodes.INPUT_FORMAT;
            case OperationCancelledException e -> ExitCodes.CANCELLED;
            case SemBridgeException e -> ExitCodes.ENVIRONMENT;
            case IOException e -> ExitCodes.IO_ERROR;
            case CommandLine.ParameterException e -> ExitCodes.USAGE;
            default -> ExitCodes.INTERNAL_ERROR;
        };
    }

    /// `text` with its line breaks (and the spaces around them) folded into `; `, so that every
    /// error is exactly one line on stderr whatever a library put into its message.
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        if (t instanceof CharacterCodingException) {
            return "a file is not valid UTF-8 text (rerun with --debug to see which); expected UTF-8";
        }
        if (t instanceof IOException && message != null) {
            return "I/O problem: " + message + " (" + t.getClass().getSimpleName() + ")";
        }
        if (exitCodeOf(t) == ExitCodes.INTERNAL_ERROR) {
            return "internal error " + t.getClass().getName() + (message == null ? "" : ": " + message)
                    + " (rerun with --debug and report it)";
        }
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
