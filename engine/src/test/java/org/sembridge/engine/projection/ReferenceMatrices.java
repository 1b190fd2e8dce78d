package org.sembridge.engine.projection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.sembridge.engine.io.AtomicFiles;

/// Writes the input files of the numpy reference scripts (`trustworthiness_reference.py`,
/// `pca_reference.py`), which the tests run through `PythonReference`.
final class ReferenceMatrices {

    private ReferenceMatrices() {
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
}
