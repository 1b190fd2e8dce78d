package org.sembridge.engine.workflow;

import java.nio.file.Path;

/// The bundled sample models (`sample-models/` of the repository; surefire sets
/// `sembridge.repo.root`) and demo collections (`assets/demo/`), the real inputs of the workflow
/// tests.
final class SampleModels {

    private SampleModels() {
    }

    static Path repository() {
        return Path.of(System.getProperty("sembridge.repo.root", "..")).toAbsolutePath().normalize();
    }

    static Path root() {
        return repository().resolve("sample-models");
    }

    /// `assets/demo/<language>`: corpus.jsonl, queries.tsv, qrels.txt.
    static Path demo(String language) {
        return repository().resolve("assets").resolve("demo").resolve(language);
    }

    /// The English SPLADE sample encoder.
    static Path source() {
        return root().resolve("splade-tiny-en");
    }

    /// The sample sentence encoder used as the bridge.
    static Path bridge() {
        return root().resolve("bridge-tiny-multi");
    }

    /// The sample target tokenizer of `language` (`ko`, `ru`, `ar`, `hi`, `zh`).
    static Path tokenizer(String language) {
        return root().resolve("tokenizers").resolve(language);
    }
}
