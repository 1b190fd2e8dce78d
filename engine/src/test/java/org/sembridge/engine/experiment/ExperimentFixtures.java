package org.sembridge.engine.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/// Configuration files over the shipped sample models and demo collections, for the experiment
/// tests.
final class ExperimentFixtures {

    private ExperimentFixtures() {
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("sembridge.repo.root", ".")).toAbsolutePath().normalize();
    }

    static Path sampleModels() {
        return repoRoot().resolve("sample-models");
    }

    static Path demo(String language) {
        return repoRoot().resolve("assets").resolve("demo").resolve(language);
    }

    /// A configuration over the sample models with `methods` on the demo collections of
    /// `languages` (absolute paths, CPU, BM25 analyzer set), as a JSON object to adjust.
    static JsonObject sampleConfig(List<String> methods, List<String> languages) {
        JsonObject root = new JsonObject();
        root.addProperty("source", sampleModels().resolve("splade-tiny-en").toString());
        root.addProperty("bridge", sampleModels().resolve("bridge-tiny-multi").toString());
        root.addProperty("device", "cpu");
        JsonArray names = new JsonArray();
        methods.forEach(names::add);
        root.add("methods", names);
        JsonObject byCode = new JsonObject();
        for (String code : languages) {
            JsonObject language = collection(code);
            language.addProperty("tokenizer", sampleModels().resolve("tokenizers").resolve(code).toString());
            byCode.add(code, language);
        }
        root.add("languages", byCode);
        return root;
    }

    /// The demo collection of `code` as a configuration entry (corpus, queries, qrels, bm25_language).
    static JsonObject collection(String code) {
        JsonObject language = new JsonObject();
        language.addProperty("corpus", demo(code).resolve("corpus.jsonl").toString());
        language.addProperty("queries", demo(code).resolve("queries.tsv").toString());
        language.addProperty("qrels", demo(code).resolve("qrels.txt").toString());
        language.addProperty("bm25_language", code);
        return language;
    }

    /// Writes `config` as `name` into `folder` and returns the file.
    static Path write(Path folder, String name, JsonObject config) throws IOException {
        return write(folder, name, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(config));
    }

    /// Writes `text` as `name` into `folder` and returns the file.
    static Path write(Path folder, String name, String text) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }
}
