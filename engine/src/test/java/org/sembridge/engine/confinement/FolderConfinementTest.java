package org.sembridge.engine.confinement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;

/// Each way a path named inside a folder can try to leave it, and the paths that stay inside.
class FolderConfinementTest {

    @TempDir
    Path dir;

    private Path model;
    private Path outside;
    private Path naming;
    private FolderConfinement<ModelFormatException> confinement;

    @BeforeEach
    void folders() throws Exception {
        model = Files.createDirectories(dir.resolve("model"));
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        naming = Files.writeString(model.resolve("modules.json"), "[]");
        confinement = FolderConfinement.ofModelFolder(model);
    }

    private ModelFormatException refused(JsonElement value) {
        return assertThrows(ModelFormatException.class, () -> confinement.resolve(naming, "modules[1].path", value));
    }

    private static void assertNames(ModelFormatException e, Path file, String entry, String problem) {
        assertTrue(e.getMessage().startsWith(file + ": " + entry + " "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../outside", "../../../p", "a/../../outside/secret.txt", "./../outside"})
    void dotDotEscapeIsRefused(String value) {
        assertNames(refused(new JsonPrimitive(value)), naming, "modules[1].path",
                "\"" + value + "\" leaves the model folder " + model);
    }

    @Test
    void absolutePathIsRefused() {
        assertNames(refused(new JsonPrimitive(outside.toString())), naming, "modules[1].path",
                "\"" + outside + "\" is an absolute path; expected a path relative to the model folder " + model);
    }

    @Test
    void linkToAFileOutsideIsRefused() throws Exception {
        Files.createSymbolicLink(model.resolve("pooling.json"), outside.resolve("secret.txt"));
        assertNames(refused(new JsonPrimitive("pooling.json")), naming, "modules[1].path",
                "goes through the symbolic link " + model.resolve("pooling.json") + " to "
                        + outside.resolve("secret.txt").toRealPath() + ", outside the model folder");
    }

    @Test
    void linkedFolderOnTheWayOutIsRefused() throws Exception {
        Files.createSymbolicLink(model.resolve("1_Pooling"), outside);
        assertNames(refused(new JsonPrimitive("1_Pooling/secret.txt")), naming, "modules[1].path",
                "goes through the symbolic link " + model.resolve("1_Pooling"));
    }

    @Test
    void linkWhoseTargetIsMissingIsRefused() throws Exception {
        Files.createSymbolicLink(model.resolve("gone"), dir.resolve("nowhere"));
        assertNames(refused(new JsonPrimitive("gone")), naming, "modules[1].path", "whose target does not exist");
    }

    @Test
    void nullIsRefused() {
        assertNames(refused(JsonNull.INSTANCE), naming, "modules[1].path", "is null; expected a relative path");
    }

    @Test
    void objectIsRefused() {
        assertNames(refused(JsonParser.parseString("{\"a\": 1}")), naming, "modules[1].path",
                "is an object {\"a\":1}; expected a relative path inside the model folder " + model
                        + " as a JSON string");
    }

    @Test
    void numberAndListAreRefused() {
        assertNames(refused(new JsonPrimitive(3)), naming, "modules[1].path", "is a number 3");
        assertNames(refused(JsonParser.parseString("[\"a\"]")), naming, "modules[1].path", "is a list [\"a\"]");
    }

    @Test
    void nulCharacterIsRefused() {
        assertNames(refused(new JsonPrimitive("a\u0000b")), naming, "modules[1].path", "\"a\\0b\" is not a valid path");
    }

    @Test
    void relativePathsInsideAreResolvedAgainstTheFolder() throws Exception {
        assertEquals(model.resolve("1_Pooling"), confinement.resolve(naming, "e", "1_Pooling"));
        assertEquals(model.resolve("b"), confinement.resolve(naming, "e", "a/../b"));
        assertEquals(model, confinement.resolve(naming, "e", ""));
    }

    @Test
    void linkThatStaysInsideIsAccepted() throws Exception {
        Files.createDirectories(model.resolve("real"));
        Files.createSymbolicLink(model.resolve("alias"), model.resolve("real"));
        assertEquals(model.resolve("alias/config.json"), confinement.resolve(naming, "e", "alias/config.json"));
    }

    @Test
    void huggingFaceCacheLinksIntoTheRepositoryBlobsAreAccepted() throws Exception {
        Path repository = dir.resolve("hub/models--org--name");
        Path blob = Files.writeString(Files.createDirectories(repository.resolve("blobs")).resolve("4f2a"), "weights");
        Path snapshot = Files.createDirectories(repository.resolve("snapshots/abc123"));
        Files.createSymbolicLink(snapshot.resolve("model-00001-of-00002.safetensors"),
                Path.of("../../blobs/4f2a"));
        Path index = Files.writeString(snapshot.resolve("model.safetensors.index.json"), "{}");
        FolderConfinement<ModelFormatException> cache = FolderConfinement.ofModelFolder(snapshot);
        assertEquals(snapshot.resolve("model-00001-of-00002.safetensors"),
                cache.resolve(index, "weight_map[\"w\"]", "model-00001-of-00002.safetensors"));
        assertEquals("weights", Files.readString(blob));
        Files.createSymbolicLink(snapshot.resolve("stolen"), outside.resolve("secret.txt"));
        assertThrows(ModelFormatException.class, () -> cache.resolve(index, "weight_map[\"w\"]", "stolen"));
    }

    @Test
    void walkedFileBehindALinkOutIsRefused() throws Exception {
        Path pooling = Files.createDirectories(model.resolve("1_Pooling"));
        Path link = Files.createSymbolicLink(pooling.resolve("config.json"), outside.resolve("secret.txt"));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> confinement.requireInside(link, naming, "modules[1].path"));
        assertNames(e, naming, "modules[1].path", "\"1_Pooling/config.json\" goes through the symbolic link " + link);
    }

    @Test
    void outputFoldersRefuseWithInputFormatException() throws Exception {
        Path record = Files.writeString(model.resolve("cell.json"), "{}");
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> FolderConfinement.ofOutputFolder(model).resolve(record, "run", new JsonPrimitive("../outside")));
        assertTrue(e.getMessage().startsWith(record + ": run \"../outside\" leaves the folder " + model),
                e.getMessage());
    }

    @Test
    void userConfigurationResolvesAgainstTheNamingFileAndMayLeave() {
        Path config = dir.resolve("experiments/demo.json");
        assertEquals(dir.resolve("corpora/en.jsonl"), FolderConfinement.relativeToFile(config, "../corpora/en.jsonl"));
        assertEquals(outside, FolderConfinement.relativeToFile(config, outside.toString()));
    }
}
