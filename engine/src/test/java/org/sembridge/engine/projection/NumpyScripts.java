package org.sembridge.engine.projection;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.sembridge.engine.export.AtomicFiles;

/// Runs the numpy reference scripts of `engine/src/test/python` for the projection tests and
/// writes their input files. Python 3 with numpy is a CI requirement: a missing interpreter fails
/// the test. The interpreter is `$SEMBRIDGE_PYTHON`, else `python3`.
final class NumpyScripts {

    private NumpyScripts() {
    }

    /// Runs `script` with `args` and returns its standard output; fails the test on a non-zero exit.
    static String run(String script, String... args) {
        String python = System.getenv().getOrDefault("SEMBRIDGE_PYTHON", "python3");
        List<String> command = new ArrayList<>(List.of(python, scriptDirectory().resolve(script).toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("numpy-reference-", ".out");
            Path err = Files.createTempFile("numpy-reference-", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    fail("reference script timed out: " + command);
                }
                if (process.exitValue() != 0) {
                    fail("reference script failed with exit code " + process.exitValue() + ": " + command + "\n"
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return fail("cannot run " + command + " (python3 with numpy is required): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + command, e);
        }
    }

    /// Writes `rows` as a text matrix, one row per line, with round-tripping decimals.
    static Path writeMatrix(Path file, float[][] rows) throws IOException {
        StringBuilder text = new StringBuilder();
        for (float[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                text.append(j == 0 ? "" : " ").append(Float.toString(row[j]));
            }
            text.append('\n');
        }
        AtomicFiles.writeString(file, text.toString());
        return file;
    }

    /// Writes `rows` as a text matrix with round-tripping double decimals.
    static Path writeMatrix(Path file, double[][] rows) throws IOException {
        StringBuilder text = new StringBuilder();
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                text.append(j == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.17g", row[j]));
            }
            text.append('\n');
        }
        AtomicFiles.writeString(file, text.toString());
        return file;
    }

    private static Path scriptDirectory() {
        String root = System.getProperty("sembridge.repo.root");
        return root == null || root.isBlank() ? Path.of("src", "test", "python").toAbsolutePath()
                : Path.of(root, "engine", "src", "test", "python");
    }
}
