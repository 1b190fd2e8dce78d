package org.sembridge.engine.experiment;

import static org.sembridge.engine.experiment.ExperimentKeys.*;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.io.JsonText;

/// Writes and reads `results.json` ([ExperimentReport#JSON_FILE]): [ExperimentResults] to JSON and
/// back, with the member names of [ExperimentKeys] and the version rule of
/// [ExperimentKeys#RESULTS_VERSION] (a file without `format_version` is version 1; a newer one is
/// refused).
///
/// Reading checks every member it maps: a missing member or one of the wrong type is an
/// [InputFormatException] naming the file and the member's path (`rows[1].cells.ko.ndcg@10`),
/// what was expected and what was found. Members it does not know are ignored.
public final class ExperimentResultsCodec {

    private ExperimentResultsCodec() {
    }

    /// `results` as the file stores it (members in the order they were always written).
    public static JsonObject toJson(ExperimentResults results) {
        JsonObject root = new JsonObject();
        root.addProperty(FORMAT, ExperimentReport.FORMAT);
        root.addProperty(FORMAT_VERSION, results.formatVersion());
        root.addProperty(CONFIG, results.config());
        root.addProperty(OUT, results.out());
        root.addProperty(METRIC, results.metric());
        ExperimentResults.Settings settings = results.settings();
        JsonObject settingsJson = new JsonObject();
        settingsJson.addProperty(SOURCE, settings.source());
        settingsJson.addProperty(BRIDGE, settings.bridge());
        settingsJson.addProperty(BIAS_MODE, settings.biasMode());
        settingsJson.addProperty(DEVICE, settings.device());
        settingsJson.addProperty(SEED, settings.seed());
        settingsJson.addProperty(DEPTH, settings.depth());
        settingsJson.addProperty(QUERY_TERM_LIMIT, settings.queryTermLimit());
        root.add(SETTINGS, settingsJson);
        JsonArray languages = new JsonArray();
        results.languages().forEach(languages::add);
        root.add(LANGUAGES, languages);
        root.add(ROWS, rowsJson(results.rows()));
        results.reference().ifPresent(reference -> {
            JsonObject json = new JsonObject();
            json.addProperty(LANGUAGE, reference.language());
            json.add(ROWS, rowsJson(reference.rows()));
            root.add(REFERENCE, json);
        });
        root.add(PROVENANCE, results.provenance());
        return root;
    }

    /// Writes `results` to `file` atomically, pretty-printed with `null` members kept.
    ///
    /// @throws IOException when the file cannot be written (it is then unchanged)
    public static void write(ExperimentResults results, Path file) throws IOException {
        AtomicFiles.writeString(file,
                new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                        .toJson(toJson(results)) + "\n");
    }

    /// Reads the `results.json` at `file`.
    ///
    /// @throws IOException when the file cannot be read
    /// @throws InputFormatException when it is not JSON, not an experiment's results, newer than
    ///     this SemBridge reads, or a member is missing or of the wrong type
    public static ExperimentResults read(Path file) throws IOException, InputFormatException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return fromJson(JsonText.parseObject(text, file, InputFormatException::new), file);
    }

    /// The results `root` holds, read from `source` (named first in messages).
    ///
    /// @throws InputFormatException as [#read(Path)]
    public static ExperimentResults fromJson(JsonObject root, Object source) throws InputFormatException {
        Fields fields = new Fields(root, "", source);
        Optional<String> format = fields.optionalString(FORMAT);
        if (format.isPresent() && !format.get().equals(ExperimentReport.FORMAT)) {
            throw new InputFormatException(source + ": field \"" + FORMAT + "\" is \"" + format.get()
                    + "\"; expected \"" + ExperimentReport.FORMAT + "\" (an experiment's results.json)");
        }
        int version = RESULTS_VERSION.read(root, source, InputFormatException::new);
        Fields settings = fields.object(SETTINGS);
        ExperimentResults.Settings settingsValue = new ExperimentResults.Settings(settings.string(SOURCE),
                settings.optionalString(BRIDGE).orElse(null), settings.string(BIAS_MODE), settings.string(DEVICE),
                settings.wholeNumber(SEED), settings.integer(DEPTH), settings.integer(QUERY_TERM_LIMIT));
        List<String> languages = new ArrayList<>();
        JsonArray languageArray = fields.array(LANGUAGES);
        for (int i = 0; i < languageArray.size(); i++) {
            languages.add(fields.element(LANGUAGES, i).asString());
        }
        List<ExperimentResults.Row> rows = rows(fields, ROWS, true);
        Optional<ExperimentResults.Reference> reference = Optional.empty();
        if (fields.has(REFERENCE)) {
            Fields json = fields.object(REFERENCE);
            reference = Optional.of(new ExperimentResults.Reference(json.string(LANGUAGE), rows(json, ROWS, false)));
        }
        return new ExperimentResults(version, fields.string(CONFIG), fields.string(OUT), fields.string(METRIC),
                settingsValue, languages, rows, reference, fields.object(PROVENANCE).object);
    }

    private static JsonArray rowsJson(List<ExperimentResults.Row> rows) {
        JsonArray array = new JsonArray();
        for (ExperimentResults.Row row : rows) {
            JsonObject json = new JsonObject();
            json.addProperty(ID, row.id());
            json.addProperty(METHOD, row.method());
            if (row.alpha() != null) {
                json.addProperty(ALPHA, row.alpha());
            }
            json.addProperty(LABEL, row.label());
            JsonObject cells = new JsonObject();
            row.cells().forEach((language, cell) -> cells.add(language, cellJson(cell)));
            json.add(CELLS, cells);
            if (row.average() != null) {
                JsonObject average = new JsonObject();
                addIfPresent(average, NDCG_AT_10, row.average().ndcgAt10());
                addIfPresent(average, RECALL_AT_100, row.average().recallAt100());
                addIfPresent(average, MRR_AT_10, row.average().mrrAt10());
                json.add(AVERAGE, average);
            }
            array.add(json);
        }
        return array;
    }

    private static JsonObject cellJson(ExperimentResults.Cell cell) {
        JsonObject json = new JsonObject();
        json.addProperty(NDCG_AT_10, cell.ndcgAt10());
        json.addProperty(RECALL_AT_100, cell.recallAt100());
        json.addProperty(MRR_AT_10, cell.mrrAt10());
        json.addProperty(QUERIES, cell.queries());
        json.addProperty(EMPTY_QUERIES, cell.emptyQueries());
        json.addProperty(TRUNCATED_QUERIES, cell.truncatedQueries());
        json.addProperty(RUN, cell.run());
        json.addProperty(INDEX, cell.index());
        json.addProperty(RUN_REUSED, cell.runReused());
        json.addProperty(SCORES_REUSED, cell.scoresReused());
        json.addProperty(SECONDS, cell.seconds());
        return json;
    }

    private static void addIfPresent(JsonObject json, String key, Double value) {
        if (value != null) {
            json.addProperty(key, value);
        }
    }

    private static List<ExperimentResults.Row> rows(Fields parent, String key, boolean averaged)
            throws InputFormatException {
        JsonArray array = parent.array(key);
        List<ExperimentResults.Row> rows = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            Fields row = parent.element(key, i).asObject();
            Fields cellsJson = row.object(CELLS);
            Map<String, ExperimentResults.Cell> cells = new LinkedHashMap<>();
            for (String language : cellsJson.object.keySet()) {
                Fields cell = cellsJson.object(language);
                cells.put(language, new ExperimentResults.Cell(cell.number(NDCG_AT_10), cell.number(RECALL_AT_100),
                        cell.number(MRR_AT_10), cell.integer(QUERIES), cell.integer(EMPTY_QUERIES),
                        cell.integer(TRUNCATED_QUERIES), cell.optionalString(RUN).orElse(null), cell.string(INDEX),
                        cell.bool(RUN_REUSED), cell.bool(SCORES_REUSED), cell.number(SECONDS)));
            }
            ExperimentResults.Average average = null;
            if (averaged || row.has(AVERAGE)) {
                Fields json = row.object(AVERAGE);
                average = new ExperimentResults.Average(json.optionalNumber(NDCG_AT_10),
                        json.optionalNumber(RECALL_AT_100), json.optionalNumber(MRR_AT_10));
            }
            rows.add(new ExperimentResults.Row(row.string(ID), row.string(METHOD), row.optionalNumber(ALPHA),
                    row.string(LABEL), cells, average));
        }
        return rows;
    }

    /// Typed reads of one JSON object at `path` inside the file, throwing on the first problem.
    private record Fields(JsonObject object, String path, Object source) {

        boolean has(String key) {
            JsonElement value = object.get(key);
            return value != null && !value.isJsonNull();
        }

        String string(String key) throws InputFormatException {
            return optionalString(key).orElseThrow(() -> missing(key, "a string"));
        }

        Optional<String> optionalString(String key) throws InputFormatException {
            JsonElement value = object.get(key);
            if (value == null || value.isJsonNull()) {
                return Optional.empty();
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                throw wrong(key, "a string", value);
            }
            return Optional.of(value.getAsString());
        }

        double number(String key) throws InputFormatException {
            Double value = optionalNumber(key);
            if (value == null) {
                throw missing(key, "a number");
            }
            return value;
        }

        Double optionalNumber(String key) throws InputFormatException {
            JsonElement value = object.get(key);
            if (value == null || value.isJsonNull()) {
                return null;
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
                throw wrong(key, "a number", value);
            }
            return value.getAsDouble();
        }

        long wholeNumber(String key) throws InputFormatException {
            JsonElement value = object.get(key);
            if (value == null || value.isJsonNull()) {
                throw missing(key, "a whole number");
            }
            if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
                try {
                    return new BigDecimal(value.getAsString()).longValueExact();
                } catch (ArithmeticException | NumberFormatException e) {
                    // a fraction or out of range: reported below
                }
            }
            throw wrong(key, "a whole number", value);
        }

        int integer(String key) throws InputFormatException {
            long value = wholeNumber(key);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw wrong(key, "a whole number in the int range", object.get(key));
            }
            return (int) value;
        }

        boolean bool(String key) throws InputFormatException {
            JsonElement value = object.get(key);
            if (value == null || value.isJsonNull()) {
                throw missing(key, "true or false");
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
                throw wrong(key, "true or false", value);
            }
            return value.getAsBoolean();
        }

        Fields object(String key) throws InputFormatException {
            JsonElement value = object.get(key);
            if (value == null || value.isJsonNull()) {
                throw missing(key, "an object");
            }
            if (!value.isJsonObject()) {
                throw wrong(key, "an object", value);
            }
            return new Fields(value.getAsJsonObject(), path + key + ".", source);
        }

        JsonArray array(String key) throws InputFormatException {
            JsonElement value = object.get(key);
            if (value == null || value.isJsonNull()) {
                throw missing(key, "a list");
            }
            if (!value.isJsonArray()) {
                throw wrong(key, "a list", value);
            }
            return value.getAsJsonArray();
        }

        /// Element `i` of the list `key` (checked by [#array] before).
        Element element(String key, int i) {
            return new Element(object.getAsJsonArray(key).get(i), path + key + "[" + i + "]", source);
        }

        private InputFormatException missing(String key, String expected) {
            return new InputFormatException(source + ": field \"" + path + key + "\" is missing; expected " + expected);
        }

        private InputFormatException wrong(String key, String expected, JsonElement found) {
            return problem(source, path + key, expected, found);
        }
    }

    /// One element of a list, at `path`.
    private record Element(JsonElement value, String path, Object source) {

        String asString() throws InputFormatException {
            if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                throw problem(source, path, "a string", value);
            }
            return value.getAsString();
        }

        Fields asObject() throws InputFormatException {
            if (value == null || !value.isJsonObject()) {
                throw problem(source, path, "an object", value);
            }
            return new Fields(value.getAsJsonObject(), path + ".", source);
        }
    }

    private static InputFormatException problem(Object source, String path, String expected, JsonElement found) {
        String text = found == null ? "nothing" : found.toString();
        return new InputFormatException(source + ": field \"" + path + "\" must be " + expected + ", found "
                + (found == null ? "nothing" : JsonText.kind(found)) + " (" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + ")");
    }
}
