package org.sembridge.app.search;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.index.Bm25Language;
import org.sembridge.engine.run.LoadedRun;

/// The bundled demo retrieval collection of one language (`assets/demo/<lang>/`: 204 passages,
/// 40 queries, TREC qrels), the page's defaults for building and evaluating.
///
/// @param language the language code (`ko`)
/// @param corpus   `corpus.jsonl`
/// @param queries  `queries.tsv`
/// @param qrels    `qrels.txt`
public record DemoCollection(String language, Path corpus, Path queries, Path qrels) {

    /// The demo collection of `language` under `repositoryRoot`, when the repository has one.
    public static Optional<DemoCollection> of(Path repositoryRoot, String language) {
        Path folder = repositoryRoot.resolve("assets").resolve("demo").resolve(language);
        DemoCollection demo = new DemoCollection(language, folder.resolve("corpus.jsonl"),
                folder.resolve("queries.tsv"), folder.resolve("qrels.txt"));
        return Files.isRegularFile(demo.corpus()) ? Optional.of(demo) : Optional.empty();
    }

    /// The language of `run`'s target: the name of its target-tokenizer folder when that is a
    /// language with a BM25 analyzer (`sample-models/tokenizers/ko` gives `ko`), else empty.
    public static Optional<String> languageOf(LoadedRun run) {
        try {
            JsonElement path = JsonParser.parseString(run.manifest().json()).getAsJsonObject()
                    .getAsJsonObject("inputs").getAsJsonObject("target_tokenizer").get("path");
            Path folder = Path.of(path.getAsString()).getFileName();
            return folder == null ? Optional.empty() : Optional.of(Bm25Language.forCode(folder.toString()).code());
        } catch (InputFormatException | RuntimeException notALanguage) {
            // Not a language code, or a manifest without the target tokenizer's path.
            return Optional.empty();
        }
    }
}
