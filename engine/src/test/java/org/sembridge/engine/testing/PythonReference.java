package org.sembridge.engine.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/// Runs the independent numpy reference scripts of `engine/src/test/python` from tests.
///
/// The interpreter is the first of `$SEMBRIDGE_PYTHON`, `python3`, `python` that can
/// `import numpy`; it is looked up once per JVM. numpy is guaranteed on CI, so a missing
/// interpreter fails the test (it is not skipped). A script that exits non-zero, or runs longer
/// than its timeout, fails the test with its exit code and standard error.
///
/// Usage: `String json = PythonReference.run("safetensors_reference.py", "write", file.toString());`
public final class PythonReference {

    /// Time a script may run before it is killed and the test fails.
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private static String interpreter;

    private PythonReference() {
    }

    /// Runs `engine/src/test/python/<script>` with `args` and returns its standard output (UTF-8).
    public static String run(String script, String... args) {
        return run(DEFAULT_TIMEOUT, script, args);
    }

    /// As [#run(String, String...)] with an explicit timeout.
    public static String run(Duration timeout, String script, String... args) {
        Path scriptPath = scriptDirectory().resolve(script);
        if (!Files.isRegularFile(scriptPath)) {
            fail("reference script not found: " + scriptPath);
        }
        List<String> command = new ArrayList<>();
        command.add(interpreter());
        command.add(scriptPath.toString());
        command.addAll(List.of(args));
        Result result = execute(command, timeout);
        if (result.exitCode() != 0) {
            fail("reference script " + script + " failed with exit code " + result.exitCode() + "\ncommand: "
                    + String.join(" ", command) + "\nstderr:\n" + result.stderr() + "\nstdout:\n" + result.stdout());
        }
        return result.stdout();
    }

    /// The interpreter in use (a command name or path); searched on the first call.
    public static synchronized String interpreter() {
        if (interpreter == null) {
            interpreter = findInterpreter();
        }
        return interpreter;
    }

    /// The folder holding the reference scripts: `<repo>/engine/src/test/python`, where `<repo>` is
    /// the system property `sembridge.repo.root` (set by surefire) or, from an IDE, the nearest
    /// ancestor of the working directory that contains `engine/src/test/python`.
    public static Path scriptDirectory() {
        String root = System.getProperty("sembridge.repo.root");
        if (root != null && !root.isBlank()) {
            return Path.of(root, "engine", "src", "test", "python");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(Path.of("engine", "src", "test", "python"));
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("cannot find engine/src/test/python: set -Dsembridge.repo.root");
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    /// Runs a command with stdout and stderr captured in temporary files (no pipe can fill up).
    private static Result execute(List<String> command, Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("python-reference-", ".out");
            err = Files.createTempFile("python-reference-", ".err");
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                return fail("reference script timed out after " + timeout + ": " + String.join(" ", command)
                        + "\nstderr:\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return fail("cannot run " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + String.join(" ", command), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file does not change any test result
            }
        }
    }

    private static String findInterpreter() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("SEMBRIDGE_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.add("python3");
        candidates.add("python");
        List<String> tried = new ArrayList<>();
        for (String candidate : candidates) {
            try {
                Result probe = execute(List.of(candidate, "-c", "import numpy"), Duration.ofMinutes(1));
                if (probe.exitCode() == 0) {
                    return candidate;
                }
                tried.add(candidate + " (exit " + probe.exitCode() + ": " + probe.stderr().strip() + ")");
            } catch (AssertionError e) {
                tried.add(candidate + " (" + e.getMessage() + ")");
            }
        }
        return fail("no Python with numpy found; tried " + String.join("; ", tried)
                + ". Install numpy or set SEMBRIDGE_PYTHON to an interpreter that has it.");
    }
}
