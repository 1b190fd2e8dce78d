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
/// edited record, not an accident) is refused with the record file and the entry. A record of a
/// newer `format_version` (a newer SemBridge shared the folder) is a miss, logged with the file and
/// the versions. The member names are [ExperimentKeys].
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
            ExperimentKeys.CELL_VERSION.read(record, file, (message, cause) -> new NewerRecordException(message));
            if (!FORMAT.equals(string(record, ExperimentKeys.FORMAT)) || !key.equals(string(record, ExperimentKeys.KEY))) {
                LOG.debug("Cell record {} has another key: computing the cell again", file);
                return Optional.empty();
            }
            RetrievalScores scores = new RetrievalScores(record.get(ExperimentKeys.NDCG_AT_10).getAsDouble(),
                    record.get(ExperimentKeys.RECALL_AT_100).getAsDouble(), record.get(ExperimentKeys.MRR_AT_10).getAsDouble(),
                    record.get(ExperimentKeys.QUERIES).getAsInt());
            FolderConfinement<InputFormatException> confinement = FolderConfinement.ofOutputFolder(experimentFolder);
            Optional<Path> run = record.has(ExperimentKeys.RUN)
                    ? Optional.of(confinement.resolve(file, ExperimentKeys.RUN, record.get(ExperimentKeys.RUN))) : Optional.empty();
            return Optional.of(new ExperimentCell(language, method, scores, record.get(ExperimentKeys.EMPTY_QUERIES).getAsInt(),
                    record.get(ExperimentKeys.TRUNCATED_QUERIES).getAsInt(), run,
                    confinement.resolve(file, ExperimentKeys.INDEX, record.get(ExperimentKeys.INDEX)), false, true,
                    record.get(ExperimentKeys.SECONDS).getAsDouble()));
        } catch (NewerRecordException e) {
            LOG.warn("Ignoring the cell record: {}; computing the cell again", e.getMessage());
            return Optional.empty();
        } catch (IOException | JsonParseException | IllegalStateException | NullPointerException
                | UnsupportedOperationException e) {
            LOG.warn("Ignoring the damaged cell record {} ({}): computing the cell again", file, e.toString());
            return Optional.empty();
        }
    }

    /// Writes the record of `cell` under `key`, atomically.
    void write(ExperimentCell cell, String key) throws IOException {
        JsonObject record = new JsonObject();
        record.addProperty(ExperimentKeys.FORMAT, FORMAT);
        ExperimentKeys.CELL_VERSION.stamp(record);
        record.addProperty(ExperimentKeys.KEY, key);
        record.addProperty(ExperimentKeys.LANGUAGE, cell.language());
        record.addProperty(ExperimentKeys.METHOD, cell.method().name());
        if (cell.method().readsAlpha()) {
            record.addProperty(ExperimentKeys.ALPHA, cell.method().alpha());
        }
        record.addProperty(ExperimentKeys.NDCG_AT_10, cell.scores().ndcgAt10());
        record.addProperty(ExperimentKeys.RECALL_AT_100, cell.scores().recallAt100());
        record.addProperty(ExperimentKeys.MRR_AT_10, cell.scores().mrrAt10());
        record.addProperty(ExperimentKeys.QUERIES, cell.scores().judgedQueries());
        record.addProperty(ExperimentKeys.EMPTY_QUERIES, cell.emptyQueries());
        record.addProperty(ExperimentKeys.TRUNCATED_QUERIES, cell.truncatedQueries());
        cell.runFolder().ifPresent(run -> record.addProperty(ExperimentKeys.RUN, relative(run)));
        record.addProperty(ExperimentKeys.INDEX, relative(cell.indexFolder()));
        record.addProperty(ExperimentKeys.SECONDS, cell.seconds());
        AtomicFiles.writeString(file(cell.language(), cell.method()), GSON.toJson(record) + "\n");
    }

    /// A record this engine cannot read: a newer `format_version` or one that is not a number.
    private static final class NewerRecordException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NewerRecordException(String message) {
            super(message, null, false, false);
        }
    }

    private String relative(Path path) {
        return experimentFolder.relativize(path).toString().replace('\\', '/');
    }

    private static String string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value == null || !value.isJsonPrimitive() ? "" : value.getAsString();
    }
}
