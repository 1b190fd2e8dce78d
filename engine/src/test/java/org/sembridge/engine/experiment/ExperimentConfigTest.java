package org.sembridge.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.cli.SemBridgeCli;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.index.Bm25Language;
import org.sembridge.engine.run.BiasMode;

class ExperimentConfigTest {

    @TempDir
    Path temp;

    @Test
    void demoConfigHasEveryMethodOnTheFiveTargetLanguages() throws Exception {
        ExperimentConfig config = ExperimentConfig.read(ExperimentFixtures.repoRoot()
                .resolve("assets/experiments/demo.json"));
        assertEquals(List.of("ko", "ru", "ar", "hi", "zh"),
                config.languages().stream().map(ExperimentLanguage::code).toList());
        assertEquals(List.of("base", "sembridge-a4", "sembridge-a2", "focus", "ofa", "mean", "random", "gauss",
                "mvgauss", "bm25"), config.methods().stream().map(ExperimentMethod::id).toList());
        assertEquals(ExperimentFixtures.sampleModels().resolve("splade-tiny-en"), config.source());
        assertEquals(ExperimentFixtures.demo("ko").resolve("corpus.jsonl"),
                config.languages().getFirst().collection().corpus());
        assertEquals(BiasMode.INDEX, config.biasMode());
        assertEquals("en", config.reference().orElseThrow().code());
    }

    @Test
    void relativePathsResolveAgainstTheConfigFolder() throws Exception {
        Path data = temp.resolve("data");
        Files.createDirectories(temp.resolve("models/source"));
        Files.createDirectories(temp.resolve("models/tok"));
        for (String name : List.of("corpus.jsonl", "queries.tsv", "qrels.txt")) {
            ExperimentFixtures.write(data, name, "");
        }
        Path file = ExperimentFixtures.write(temp.resolve("configs"), "x.json", """
                {"source": "../models/source", "methods": ["base", "random"],
                 "languages": {"ko": {"tokenizer": "../models/tok", "corpus": "../data/corpus.jsonl",
                                      "queries": "../data/queries.tsv", "qrels": "../data/qrels.txt"}}}
                """);
        ExperimentConfig config = ExperimentConfig.read(file);
        assertEquals(temp.resolve("models/source").toAbsolutePath(), config.source());
        assertEquals(Optional.of(temp.resolve("models/tok").toAbsolutePath()),
                config.languages().getFirst().tokenizer());
        assertEquals(data.resolve("qrels.txt").toAbsolutePath(), config.languages().getFirst().collection().qrels());
    }

    @Test
    void aPathWithANulCharacterIsRefusedNamingItsKey() throws Exception {
        Path file = ExperimentFixtures.write(temp.resolve("configs"), "nul.json", """
                {"source": "models\\u0000source", "methods": ["base"],
                 "languages": {"ko": {"tokenizer": "tok", "corpus": "c.jsonl", "queries": "q.tsv", "qrels": "r.txt"}}}
                """);

        InputFormatException e = assertThrows(InputFormatException.class, () -> ExperimentConfig.read(file));

        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("source")
                && e.getMessage().contains("not a path"), e.getMessage());
    }

    @Test
    void omittedSettingsTakeTheirDefaults() throws Exception {
        JsonObject json = ExperimentFixtures.sampleConfig(List.of("base"), List.of("ko"));
        json.remove("methods");
        json.remove("device");
        ExperimentConfig config = ExperimentConfig.read(ExperimentFixtures.write(temp, "c.json", json));
        assertEquals(List.of("base", "sembridge-a4", "focus", "ofa", "mean", "random", "gauss", "mvgauss"),
                config.methods().stream().map(ExperimentMethod::id).toList());
        assertEquals(BiasMode.INDEX, config.biasMode());
        assertEquals(DeviceChoice.AUTO, config.device());
        assertEquals(42L, config.seed());
        assertEquals(Optional.empty(), config.reference());
        assertEquals(Optional.of(Bm25Language.KO), config.languages().getFirst().collection().bm25Language());
    }

    @Test
    void sembridgeGetsOneRowPerAlphaInTheGivenOrder() throws Exception {
        JsonObject json = ExperimentFixtures.sampleConfig(List.of("random", "sembridge"), List.of("ko"));
        json.add("alphas", JsonParser.parseString("[1.5, 4, 2]"));
        ExperimentConfig config = ExperimentConfig.read(ExperimentFixtures.write(temp, "c.json", json));
        assertEquals(List.of("random", "sembridge-a1.5", "sembridge-a4", "sembridge-a2"),
                config.methods().stream().map(ExperimentMethod::id).toList());
        assertEquals("SemBridge (α=1.5)", config.methods().get(1).label());
    }

    @Test
    void miraclExampleIsAValidConfigurationOnceItsFilesExist() throws Exception {
        Path example = ExperimentFixtures.repoRoot().resolve("docs/experiments/miracl-example.json");
        Path copy = temp.resolve("repo/docs/experiments/miracl-example.json");
        Files.createDirectories(copy.getParent());
        Files.copy(example, copy);
        createNamedPaths(copy, JsonParser.parseString(Files.readString(example)).getAsJsonObject());
        ExperimentConfig config = ExperimentConfig.read(copy);
        assertEquals(List.of("ar", "hi", "ko", "ru", "zh"),
                config.languages().stream().map(ExperimentLanguage::code).sorted().toList());
        assertTrue(config.methods().stream().anyMatch(m -> m.id().equals("sembridge-a4")), config.methods().toString());
    }

    /// Creates every file and folder the example names, relative to its copy (all inside `temp`).
    private void createNamedPaths(Path config, JsonObject json) throws IOException {
        Path folder = config.getParent();
        for (String key : List.of("source", "bridge")) {
            Files.createDirectories(inTemp(folder, json.get(key).getAsString()));
        }
        List<JsonObject> collections = new ArrayList<>();
        for (var entry : json.getAsJsonObject("languages").entrySet()) {
            JsonObject language = entry.getValue().getAsJsonObject();
            Files.createDirectories(inTemp(folder, language.get("tokenizer").getAsString()));
            collections.add(language);
        }
        collections.add(json.getAsJsonObject("reference"));
        for (JsonObject collection : collections) {
            for (String key : List.of("corpus", "queries", "qrels")) {
                Path file = inTemp(folder, collection.get(key).getAsString());
                Files.createDirectories(file.getParent());
                Files.writeString(file, "");
            }
        }
    }

    private Path inTemp(Path folder, String relative) {
        Path path = folder.resolve(relative).normalize();
        assertTrue(path.startsWith(temp), "the example names " + relative + ", outside the copy's tree");
        return path;
    }

    static Stream<Arguments> badConfigurations() {
        return Stream.of(
                bad("an unknown top-level key", j -> j.addProperty("alpha", 4), "alpha", "unknown key"),
                bad("no source", j -> j.remove("source"), "source", "missing"),
                bad("a source that does not exist", j -> j.addProperty("source", "/no/such/model"), "source",
                        "not found: /no/such/model"),
                bad("a source that is a file", j -> j.addProperty("source",
                        ExperimentFixtures.demo("ko").resolve("qrels.txt").toString()), "source", "found a file"),
                bad("a number as a path", j -> j.addProperty("bridge", 3), "bridge", "expected a string"),
                bad("an alpha above 8", j -> j.add("alphas", JsonParser.parseString("[4, 9]")), "alphas[1]",
                        "outside the valid range [1, 8]"),
                bad("alphas not an array", j -> j.addProperty("alphas", 4), "alphas", "expected an array"),
                bad("no alphas", j -> j.add("alphas", new JsonArray()), "alphas", "empty"),
                bad("a repeated alpha", j -> j.add("alphas", JsonParser.parseString("[4, 4.0]")), "alphas[1]",
                        "listed twice"),
                bad("an unknown method", j -> j.add("methods", JsonParser.parseString("[\"base\", \"wechsel\"]")),
                        "methods[1]", "unknown method \"wechsel\""),
                bad("a repeated method", j -> j.add("methods", JsonParser.parseString("[\"random\", \"random\"]")),
                        "methods[1]", "listed twice"),
                bad("a bridge method without a bridge", j -> j.remove("bridge"), "bridge",
                        "the method sembridge needs a bridge"),
                bad("a fractional seed", j -> j.addProperty("seed", 1.5), "seed", "whole number"),
                bad("an unknown device", j -> j.addProperty("device", "tpu"), "device", "\"tpu\" is not supported"),
                bad("an unknown bias mode", j -> j.addProperty("bias_mode", "learned"), "bias_mode",
                        "\"learned\" is not supported"),
                bad("no languages", j -> j.remove("languages"), "languages", "missing"),
                bad("empty languages", j -> j.add("languages", new JsonObject()), "languages", "empty"),
                bad("a language code with a space", j -> j.add("languages", language("k o")), "languages.k o",
                        "language code"),
                bad("a language without a corpus", j -> ko(j).remove("corpus"), "languages.ko.corpus", "missing"),
                bad("a corpus that is a folder", j -> ko(j).addProperty("corpus",
                        ExperimentFixtures.demo("ko").toString()), "languages.ko.corpus", "expected a file"),
                bad("an unknown key in a language", j -> ko(j).addProperty("qrel", "x"), "languages.ko.qrel",
                        "unknown key"),
                bad("an unknown BM25 language", j -> ko(j).addProperty("bm25_language", "xx"),
                        "languages.ko.bm25_language", "no BM25 analyzer"),
                bad("bm25 without an analyzer", j -> ko(j).remove("bm25_language"), "languages.ko.bm25_language",
                        "the method bm25 needs"),
                bad("a reference without a language", j -> j.add("reference", ExperimentFixtures.collection("en")),
                        "reference.language", "missing"),
                bad("a reference with a tokenizer", j -> {
                    JsonObject reference = ExperimentFixtures.collection("en");
                    reference.addProperty("language", "en");
                    reference.addProperty("tokenizer", "x");
                    j.add("reference", reference);
                }, "reference.tokenizer", "unknown key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigurations")
    void badConfigurationIsRefusedNamingTheFileAndTheKey(String what, Consumer<JsonObject> change, String key,
            String expected) throws Exception {
        JsonObject json = ExperimentFixtures.sampleConfig(List.of("base", "sembridge", "bm25"), List.of("ko"));
        change.accept(json);
        Path file = ExperimentFixtures.write(temp, "bad.json", json);
        InputFormatException e = assertThrows(InputFormatException.class, () -> ExperimentConfig.read(file));
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + ": \"" + key + "\": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableFiles")
    void unreadableFileIsRefusedNamingTheFile(String what, String text, String expected) throws Exception {
        Path file = ExperimentFixtures.write(temp, "broken.json", text);
        InputFormatException e = assertThrows(InputFormatException.class, () -> ExperimentConfig.read(file));
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    static Stream<Arguments> unreadableFiles() {
        return Stream.of(
                Arguments.of("truncated JSON", "{\"source\": \"x\"", "not valid JSON"),
                Arguments.of("an array at the top", "[1, 2]", "expected a JSON object"));
    }

    @Test
    void commandLineReportsABadConfigurationInOneLineWithExitCode11() throws Exception {
        JsonObject json = ExperimentFixtures.sampleConfig(List.of("base"), List.of("ko"));
        json.addProperty("seed", "forty-two");
        Path file = ExperimentFixtures.write(temp, "bad.json", json);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = SemBridgeCli.run(new String[] {"experiment", "--config", file.toString(), "--out",
            temp.resolve("out").toString()}, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertEquals(11, code);
        assertEquals("error: " + file.toAbsolutePath() + ": \"seed\": expected a whole number, found the string "
                + "\"forty-two\"", stderr.toString().strip());
        assertEquals("", stdout.toString());
        assertFalse(Files.exists(temp.resolve("out")));
    }

    @Test
    void missingFileIsRefusedNamingIt() {
        Path file = temp.resolve("absent.json");
        InputFormatException e = assertThrows(InputFormatException.class, () -> ExperimentConfig.read(file));
        assertTrue(e.getMessage().startsWith(file.toAbsolutePath().toString()), e.getMessage());
    }

    private static Arguments bad(String what, Consumer<JsonObject> change, String key, String expected) {
        return Arguments.of(what, change, key, expected);
    }

    private static JsonObject ko(JsonObject config) {
        return config.getAsJsonObject("languages").getAsJsonObject("ko");
    }

    private static JsonObject language(String code) {
        JsonObject languages = new JsonObject();
        JsonObject entry = ExperimentFixtures.collection("ko");
        entry.addProperty("tokenizer", ExperimentFixtures.sampleModels().resolve("tokenizers/ko").toString());
        languages.add(code, entry);
        return languages;
    }
}
