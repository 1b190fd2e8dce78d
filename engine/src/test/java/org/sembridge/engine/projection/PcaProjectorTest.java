package org.sembridge.engine.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.testing.PythonReference;

class PcaProjectorTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "seed {0}: {1} x {2}")
    @CsvSource({"21, 120, 8", "22, 40, 60", "23, 500, 3"})
    void scoresMatchNumpyEigh(long seed, int n, int d) throws Exception {
        System.out.println("seed " + seed);
        MapInput input = MapInput.of(stretched(TestPoints.gaussian(n, d, seed)), TestPoints.labels(n, "en"),
                List.of());

        double[][] map = new PcaProjector(new PcaParameters()).project(input, ProgressListener.NONE,
                CancellationToken.create());

        JsonArray reference = JsonParser.parseString(PythonReference.run("pca_reference.py",
                ReferenceMatrices.writeMatrix(temp.resolve("vectors.txt"), input.vectors()).toString())).getAsJsonArray();
        double scale = Math.abs(reference.get(0).getAsJsonArray().get(0).getAsDouble()) + 1;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(reference.get(i).getAsJsonArray().get(c).getAsDouble(), map[i][c], 1e-9 * scale,
                        "point " + i + ", component " + c);
            }
        }
    }

    @Test
    void oneDimensionalDataGetsAZeroSecondAxis() throws Exception {
        float[][] vectors = {{1}, {2}, {4}};
        MapInput input = MapInput.of(vectors, TestPoints.labels(3, "en"), List.of());

        double[][] map = new PcaProjector(new PcaParameters()).project(input, ProgressListener.NONE,
                CancellationToken.create());

        assertEquals(-4.0 / 3, map[0][0], 1e-12);
        assertEquals(0.0, map[0][1], 0.0);
    }

    @Test
    void fewerThanThreePointsAreRejected() throws Exception {
        MapInput input = MapInput.of(TestPoints.gaussian(2, 4, 1), TestPoints.labels(2, "en"), List.of());

        InputFormatException e = assertThrows(InputFormatException.class, () -> new PcaProjector(new PcaParameters())
                .project(input, ProgressListener.NONE, CancellationToken.create()));

        assertEquals("a PCA map needs at least 3 points; found 2", e.getMessage());
    }

    /// Scales dimension j by (j + 1) so that the eigenvalues are well separated.
    private static float[][] stretched(float[][] vectors) {
        for (float[] vector : vectors) {
            for (int j = 0; j < vector.length; j++) {
                vector[j] *= j + 1;
            }
        }
        return vectors;
    }
}
