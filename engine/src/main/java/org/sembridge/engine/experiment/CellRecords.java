package org.sembridge.engine.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.confinement.FolderConfinement;
import org.sembridge.engine.io.AtomicFiles;

/// The scores cache of an experiment: one small JSON record per computed cell,
/// `cells/<language>/<method id>.json`, holding the cell's scores and the key they were measured
/// under.
///
/// The key (made by the caller) covers everything the scores depend on: the encoder's model
/// fingerprint (or `bm25` and the analyzer), the SHA-256 of the corpus, queries and qrels files,
/// and the evaluation settings. A record is used only when its key equals the current one; a
/// missing, damaged or foreign record is a miss, never an error. Paths in a record are relative
/// to the experiment folder, so the folder can be moved; they are resolved through
/// [FolderConfinement], and a record whose run or index path leaves the experiment folder (an
/// edited record, not an accident) is refused with the record file and the entry.
final class CellRecords {

    /// The `format` of a record.
    static final String FORMAT = "sembridge-experiment-cell";
    /// The version of the record layout and of the evaluation behind it; part of every key.
    static final int FORMAT_VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(CellRecords.class);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path experimentFolder;

    /// The records of the experiment in `experimentFolder`.
    CellRecords(Path experimentFolder) {
        this.experimentFolder = experimentFolder;
    }

    /// The record file of a cell.
    Path file(String language, ExperimentMethod method) {
        return experimentFolder.resolve(ExperimentRunner.CELLS_FOLDER).resolve(language).resolve(method.id() + ".json");
    }

    /// The recorded cell of `method` on `language` when its key is `key`; empty otherwise.
    ///
    /// @throws InputFormatException naming the record and the entry when its run or index path
    ///     leaves the experiment folder ([FolderConfinement]); other damage is logged and the
    ///     cell computed again
    Optional<ExperimentCell> find(String language, ExperimentMethod method, String key) throws InputFormatException {
        Path file = file(language, method);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonObject record = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            if (!FORMAT.equals(string(record, "format")) || !key.equals(string(record, "key"))) {
                LOG.debug("Cell record {} has another key: computing the cell again", file);
                return Optional.empty();
            }
            RetrievalScores scores = new RetrievalScores(record.get("ndcg@10").getAsDouble(),
                    record.get("recall@100").getAsDouble(), record.get("mrr@10").getAsDouble(),
                    record.get("queries").getAsInt());
            FolderConfinement<InputFormatException> confinement = FolderConfinement.ofOutputFolder(experimentFolder);
            Optional<Path> run = record.has("run")
                    ? Optional.of(confinement.resolve(file, "run", record.get("run"))) : Optional.empty();
            return Optional.of(new ExperimentCell(language, method, scores, record.get("empty_queries").getAsInt(),
                    record.get("truncated_queries").getAsInt(), run,
                    confinement.resolve(file, "index", record.get("index")), false, true,
                    record.get("seconds").getAsDouble()));
        } catch (IOException | JsonParseException | IllegalStateException | NullPointerException
                | UnsupportedOperationException e) {
            LOG.warn("Ignoring the damaged cell record {} ({}): computing the cell again", file, e.toString());
            return Optional.empty();
        }
    }

    /// Writes the record of `cell` under `key`, atomically.
    void write(ExperimentCell cell, String key) throws IOException {
        JsonObject record = new JsonObject();
        record.addProperty("format", FORMAT);
        record.addProperty("format_version", FORMAT_VERSION);
        record.addProperty("key", key);
        record.addProperty("language", cell.language());
        record.addProperty("method", cell.method().name());
        if (cell.method().readsAlpha()) {
            record.addProperty("alpha", cell.method().alpha());
        }
        record.addProperty("ndcg@10", cell.scores().ndcgAt10());
        record.addProperty("recall@100", cell.scores().recallAt100());
        record.addProperty("mrr@10", cell.scores().mrrAt10());
        record.addProperty("queries", cell.scores().judgedQueries());
        record.addProperty("empty_queries", cell.emptyQueries());
        record.addProperty("truncated_queries", cell.truncatedQueries());
        cell.runFolder().ifPresent(run -> record.addProperty("run", relative(run)));
        record.addProperty("index", relative(cell.indexFolder()));
        record.addProperty("seconds", cell.seconds());
        AtomicFiles.writeString(file(cell.language(), cell.method()), GSON.toJson(record) + "\n");
    }

    private String relative(Path path) {
        return experimentFolder.relativize(path).toString().replace('\\', '/');
    }

    private static String string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value == null || !value.isJsonPrimitive() ? "" : value.getAsString();
    }
}
