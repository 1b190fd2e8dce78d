package org.sembridge.engine.transfer;

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

/// Calls `engine/src/test/python/entmax_reference.py`, the independent float64 numpy reference of
/// entmax, alignment and reconstruction. Inputs travel as JSON `double`s, which carry every `float`
/// exactly.
final class EntmaxReference {

    private static final Gson GSON = new Gson();

    /// Numpy's similarities, dense weights, and per row the dense entropy (nats) and support size.
    record Alignment(double[][] similarities, double[][] weights, double[] entropies, int[] supports) {
    }

    private EntmaxReference() {
    }

    /// The dense alpha-entmax of each row.
    static double[][] entmax(double alpha, float[][] rows) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("alpha", alpha);
        input.put("rows", toDouble(rows));
        return GSON.fromJson(run("entmax", input).get("weights"), double[][].class);
    }

    /// Cosine similarities of the requested target rows to all sources, and their dense weights.
    static Alignment align(double alpha, FloatMatrix targets, FloatMatrix sources, int[] rows) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("alpha", alpha);
        input.put("targets", toDouble(targets));
        input.put("sources", toDouble(sources));
        input.put("rows", rows);
        JsonObject out = run("align", input);
        return new Alignment(GSON.fromJson(out.get("similarities"), double[][].class),
                GSON.fromJson(out.get("weights"), double[][].class), GSON.fromJson(out.get("entropies"), double[].class),
                GSON.fromJson(out.get("supports"), int[].class));
    }

    /// `sum_k weights[k] E_s[ids[k]]` for each alignment, in float64.
    static double[][] reconstruct(List<TokenAlignment> alignments, FloatMatrix embeddings) {
        List<Map<String, Object>> rows = alignments.stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ids", a.sourceIds());
            row.put("weights", toDouble(a.weights()));
            return row;
        }).toList();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("rows", rows);
        input.put("embeddings", toDouble(embeddings));
        return GSON.fromJson(run("reconstruct", input).get("embeddings"), double[][].class);
    }

    /// `softmax(cos(T_rows, S)) E_s` in float64.
    static double[][] softmaxReconstruct(FloatMatrix targets, FloatMatrix sources, int[] rows, FloatMatrix embeddings) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("targets", toDouble(targets));
        input.put("sources", toDouble(sources));
        input.put("rows", rows);
        input.put("embeddings", toDouble(embeddings));
        return GSON.fromJson(run("softmax_reconstruct", input).get("embeddings"), double[][].class);
    }

    private static JsonObject run(String command, Map<String, Object> input) {
        Path file = null;
        try {
            file = Files.createTempFile("entmax-reference-", ".json");
            Files.writeString(file, GSON.toJson(input), StandardCharsets.UTF_8);
            return GSON.fromJson(PythonReference.run("entmax_reference.py", command, file.toString()), JsonObject.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static double[][] toDouble(float[][] rows) {
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = toDouble(rows[r]);
        }
        return out;
    }

    private static double[][] toDouble(FloatMatrix matrix) {
        double[][] out = new double[matrix.rows()][];
        for (int r = 0; r < matrix.rows(); r++) {
            out[r] = toDouble(matrix.row(r));
        }
        return out;
    }
}
