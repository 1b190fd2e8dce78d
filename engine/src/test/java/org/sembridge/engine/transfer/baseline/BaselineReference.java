package org.sembridge.engine.transfer.baseline;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sembridge.engine.testing.PythonReference;
import org.sembridge.engine.transfer.FloatMatrix;

/// Calls `engine/src/test/python/baseline_reference.py`, the independent float64 numpy reference
/// of the FOCUS and OFA weights and of matrix moments. Inputs travel as JSON `double`s, which carry
/// every `float` exactly.
final class BaselineReference {

    private static final Gson GSON = new Gson();

    /// numpy's OFA choice: per target row the `k` nearest source ids and their weights.
    record Ofa(int[][] ids, double[][] weights) {
    }

    /// numpy's moments of one matrix: column means, column std (ddof 1), std of all entries
    /// (ddof 1), covariance (ddof 1).
    record Moments(double[] mean, double[] std, double entryStd, double[][] cov) {
    }

    private BaselineReference() {
    }

    /// Dense FOCUS weights over all source ids for each requested target row.
    static double[][] focus(InitializationInput input) {
        Map<String, Object> data = bridges(input);
        data.put("overlap", input.overlapSourceIds());
        return GSON.fromJson(run("focus", data).get("weights"), double[][].class);
    }

    /// The `k` nearest source ids and `softmax(s / temperature)` over them.
    static Ofa ofa(InitializationInput input, int k, double temperature) {
        Map<String, Object> data = bridges(input);
        data.put("k", k);
        data.put("temperature", temperature);
        JsonObject out = run("ofa", data);
        return new Ofa(GSON.fromJson(out.get("ids"), int[][].class), GSON.fromJson(out.get("weights"), double[][].class));
    }

    /// The moments of each matrix.
    static List<Moments> moments(FloatMatrix... matrices) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("matrices", List.of(matrices).stream().map(BaselineFixture::rowsOf).toList());
        return List.of(GSON.fromJson(run("moments", data).get("moments"), Moments[].class));
    }

    private static Map<String, Object> bridges(InitializationInput input) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("targets", BaselineFixture.rowsOf(input.targetBridge()));
        data.put("sources", BaselineFixture.rowsOf(input.sourceBridge()));
        data.put("rows", input.newTargetIds());
        return data;
    }

    private static JsonObject run(String command, Map<String, Object> data) {
        Path file = null;
        try {
            file = Files.createTempFile("baseline-reference-", ".json");
            Files.writeString(file, GSON.toJson(data), StandardCharsets.UTF_8);
            return GSON.fromJson(PythonReference.run("baseline_reference.py", command, file.toString()),
                    JsonObject.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }
}
