package org.sembridge.app.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.index.Bm25Language;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.TargetLanguage;

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

    /// The language of `run`'s target when it has a BM25 analyzer: the language `run.json` records
    /// (`target.language`), or for runs written before it recorded one, the name of the
    /// target-tokenizer folder (`sample-models/tokenizers/ko` gives `ko`); else empty.
    public static Optional<String> languageOf(LoadedRun run) {
        Optional<TargetLanguage> recorded = run.manifest().targetLanguage();
        if (recorded.isPresent()) {
            return bm25Code(recorded.get().code());
        }
        return run.manifest().targetTokenizerPath().map(Path::getFileName).map(Path::toString)
                .flatMap(DemoCollection::bm25Code);
    }

    private static Optional<String> bm25Code(String language) {
        try {
            return Optional.of(Bm25Language.forCode(language).code());
        } catch (InputFormatException notALanguage) {
            return Optional.empty();
        }
    }
}
