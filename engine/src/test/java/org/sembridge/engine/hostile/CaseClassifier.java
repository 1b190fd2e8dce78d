package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.cli.ExitCodes;

/// Sorts what a reader did with a hostile input into [Verdict]s.
///
/// A **clean error** is a [SemBridgeException] (not a cancellation) or an [IOException] from the
/// engine API, or exit code 10, 11 or 13 from the command line with exactly one `error:` line on
/// standard error (progress lines may precede it), whose message is one line,
/// names the file (the case folder's path or a mutated file's name appears in it) and shows no
/// library internals (Gson's strictness advice, Java class names). Everything else that is not
/// an [Observation.Accepted] is a failure: exit 1 (`internal-error`), another exit code
/// (`exit-N`), any other exception (`generic-exception`), an [Error] (`crash`), an
/// [InvariantViolation] (`accepted-wrong`), or a refusal whose message does not meet the rules
/// above (`unspecific-message`).
final class CaseClassifier {

    private static final Set<Integer> CLEAN_EXIT_CODES = Set.of(ExitCodes.MODEL_FORMAT, ExitCodes.INPUT_FORMAT,
            ExitCodes.IO_ERROR);
    private static final List<String> INTERNALS = List.of("Strictness", "github.com/google/gson", "java.lang.",
            "com.google.", "java.util.", "Exception:");

    private CaseClassifier() {
    }

    static Outcome of(Observation observation, HostileCase hostileCase, List<Mutation> mutations) {
        return switch (observation) {
            case Observation.Accepted accepted -> Outcome.accepted(accepted.note());
            case Observation.Exited exited -> {
                if (exited.exitCode() == ExitCodes.INTERNAL_ERROR) {
                    yield Outcome.failure("internal-error", firstLines(exited.stderr()));
                }
                if (!CLEAN_EXIT_CODES.contains(exited.exitCode())) {
                    yield Outcome.failure("exit-" + exited.exitCode(), firstLines(exited.stderr()));
                }
                List<String> errors = exited.stderr().lines().filter(line -> line.startsWith("error:")).toList();
                if (errors.size() != 1 || exited.stderr().contains("\tat ")) {
                    yield Outcome.failure("unspecific-message", errors.size() + " error lines: "
                            + firstLines(exited.stderr()));
                }
                yield cleanOrUnspecific("exit-" + exited.exitCode(), errors.getFirst(), hostileCase, mutations);
            }
        };
    }

    static Outcome of(Throwable thrown, HostileCase hostileCase, List<Mutation> mutations) {
        return switch (thrown) {
            case InvariantViolation v -> Outcome.failure("accepted-wrong", v.getMessage());
            case OperationCancelledException e -> Outcome.failure("generic-exception", describe(e));
            case SemBridgeException e -> cleanOrUnspecific(e.getClass().getSimpleName(), String.valueOf(e.getMessage()),
                    hostileCase, mutations);
            case IOException e -> cleanOrUnspecific(e.getClass().getSimpleName(), String.valueOf(e.getMessage()),
                    hostileCase, mutations);
            case Error e -> Outcome.failure("crash", describe(e));
            default -> Outcome.failure("generic-exception", describe(thrown));
        };
    }

    private static Outcome cleanOrUnspecific(String kind, String message, HostileCase hostileCase,
            List<Mutation> mutations) {
        if (message.contains("\n")) {
            return Outcome.failure("unspecific-message", "more than one line: " + firstLines(message));
        }
        for (String internal : INTERNALS) {
            if (message.contains(internal)) {
                return Outcome.failure("unspecific-message", "shows library internals (" + internal + "): "
                        + abbreviate(message));
            }
        }
        if (!namesAFile(message, hostileCase, mutations)) {
            return Outcome.failure("unspecific-message", "names no file: " + abbreviate(message));
        }
        return Outcome.clean(kind, abbreviate(message));
    }

    private static boolean namesAFile(String message, HostileCase hostileCase, List<Mutation> mutations) {
        if (message.contains(hostileCase.folder().toString())) {
            return true;
        }
        for (Mutation mutation : mutations) {
            Path name = Path.of(mutation.file()).getFileName();
            if (name != null && message.contains(name.toString())) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        String where = trace.length == 0 ? "" : " at " + trace[0];
        for (StackTraceElement element : trace) {
            if (element.getClassName().startsWith("org.sembridge")) {
                where = " at " + element;
                break;
            }
        }
        return t.getClass().getName() + ": " + abbreviate(String.valueOf(t.getMessage())) + where;
    }

    static String firstLines(String text) {
        String[] lines = text.strip().split("\n");
        return abbreviate(lines.length > 1 ? lines[0] + " | " + lines[1] : lines[0]);
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 297) + "..." : text;
    }
}
