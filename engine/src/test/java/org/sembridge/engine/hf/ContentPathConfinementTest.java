package org.sembridge.engine.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.sembridge.engine.ModelFormatException;

/// Every escape kind against every reader of a model folder that follows a path named in a
/// file: `modules.json` module paths (Transformer, Pooling, Normalize) and the shard names of
/// `model.safetensors.index.json`. Each refusal names the file and the entry, and nothing
/// outside the folder is read or written.
class ContentPathConfinementTest {

    /// How a hostile entry tries to leave its folder.
    enum Escape {
        DOT_DOT, ABSOLUTE, LINK_OUT, NULL, OBJECT;

        /// The JSON value of the entry, for a folder `outside` next to the model.
        String json(Path outsideFile, String linkName) {
            return switch (this) {
                case DOT_DOT -> "\"../../outside/" + outsideFile.getFileName() + "\"";
                case ABSOLUTE -> "\"" + outsideFile + "\"";
                case LINK_OUT -> "\"" + linkName + "\"";
                case NULL -> "null";
                case OBJECT -> "{\"path\": \"x\"}";
            };
        }

        /// What the message says about the value.
        String problem() {
            return switch (this) {
                case DOT_DOT -> "leaves the model folder";
                case ABSOLUTE -> "is an absolute path";
                case LINK_OUT -> "goes through the symbolic link";
                case NULL -> "is null";
                case OBJECT -> "is an object";
            };
        }
    }

    private static final String MODULES = """
            [{"idx": 0, "name": "0", "path": %s, "type": "sentence_transformers.models.Transformer"},
             {"idx": 1, "name": "1", "path": %s, "type": "sentence_transformers.models.Pooling"},
             {"idx": 2, "name": "2", "path": %s, "type": "sentence_transformers.models.Normalize"}]
            """;

    @TempDir
    static Path models;

    @TempDir
    Path dir;

    private static Path sharded;

    private Path outside;
    private Map<Path, Long> outsideBefore;

    @BeforeAll
    static void createShardedModel() {
        sharded = RandomModelFolder.create(models, "sharded", "bert", "--shards", "2");
    }

    @BeforeEach
    void outsideFolder() throws Exception {
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.createDirectories(outside.resolve("1_Pooling"));
        Files.writeString(outside.resolve("1_Pooling/config.json"), "{\"pooling_mode_cls_token\": true}");
        Files.copy(sharded.resolve("model-00001-of-00002.safetensors"), outside.resolve("stolen.safetensors"));
        outsideBefore = snapshot(outside);
    }

    private static Map<Path, Long> snapshot(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.collect(java.util.stream.Collectors.toMap(p -> p, p -> p.toFile().length()));
        }
    }

    @ParameterizedTest(name = "{1} in modules[{0}].path")
    @CsvSource({"0, DOT_DOT", "0, ABSOLUTE", "0, LINK_OUT", "0, NULL", "0, OBJECT",
        "1, DOT_DOT", "1, ABSOLUTE", "1, LINK_OUT", "1, NULL", "1, OBJECT",
        "2, DOT_DOT", "2, ABSOLUTE", "2, LINK_OUT", "2, NULL", "2, OBJECT"})
    void modulePathThatLeavesTheFolderIsRefused(int module, Escape escape) throws Exception {
        Path model = Files.createDirectories(dir.resolve("a/model"));
        Files.createDirectories(model.resolve("1_Pooling"));
        Files.writeString(model.resolve("1_Pooling/config.json"), "{\"pooling_mode_mean_tokens\": true}");
        Files.createSymbolicLink(model.resolve("linked"), outside.resolve("1_Pooling"));
        String[] paths = {"\"\"", "\"1_Pooling\"", "\"2_Normalize\""};
        paths[module] = escape.json(outside.resolve("1_Pooling"), "linked");
        Path modules = Files.writeString(model.resolve("modules.json"), MODULES.formatted((Object[]) paths));

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SentenceTransformerConfig.read(model));

        assertTrue(e.getMessage().startsWith(modules + ": modules[" + module + "].path "), e.getMessage());
        assertTrue(e.getMessage().contains(escape.problem()), e.getMessage());
        assertEquals(outsideBefore, snapshot(outside));
    }

    @ParameterizedTest
    @EnumSource(Escape.class)
    void shardNameThatLeavesTheFolderIsRefused(Escape escape) throws Exception {
        Path model = RandomModelFolder.copy(sharded, Files.createDirectories(dir.resolve("a")).resolve("model"));
        Files.createSymbolicLink(model.resolve("linked.safetensors"), outside.resolve("stolen.safetensors"));
        Path index = model.resolve(SafetensorsCheckpoint.INDEX_FILE);
        JsonObject json = JsonParser.parseString(Files.readString(index)).getAsJsonObject();
        JsonObject weightMap = json.getAsJsonObject("weight_map");
        String tensor = weightMap.keySet().stream().sorted().findFirst().orElseThrow();
        weightMap.add(tensor, JsonParser.parseString(escape.json(outside.resolve("stolen.safetensors"),
                "linked.safetensors")));
        Files.writeString(index, json.toString());

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SafetensorsCheckpoint.open(index));

        assertTrue(e.getMessage().startsWith(index + ": weight_map[\"" + tensor + "\"] "), e.getMessage());
        assertTrue(e.getMessage().contains(escape.problem()), e.getMessage());
        assertEquals(outsideBefore, snapshot(outside));
    }

    @ParameterizedTest
    @EnumSource(Escape.class)
    void infoOnAFolderWithAHostileShardNameFailsWithTheSameMessage(Escape escape) throws Exception {
        Path model = RandomModelFolder.copy(sharded, Files.createDirectories(dir.resolve("b")).resolve("model"));
        Files.createSymbolicLink(model.resolve("linked.safetensors"), outside.resolve("stolen.safetensors"));
        Path index = model.resolve(SafetensorsCheckpoint.INDEX_FILE);
        JsonObject json = JsonParser.parseString(Files.readString(index)).getAsJsonObject();
        String tensor = List.copyOf(json.getAsJsonObject("weight_map").keySet()).getLast();
        json.getAsJsonObject("weight_map").add(tensor, JsonParser.parseString(
                escape.json(outside.resolve("stolen.safetensors"), "linked.safetensors")));
        Files.writeString(index, json.toString());

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> HfModelFolder.open(model).describe());

        assertTrue(e.getMessage().startsWith(index + ": weight_map[\"" + tensor + "\"] "), e.getMessage());
    }
}
