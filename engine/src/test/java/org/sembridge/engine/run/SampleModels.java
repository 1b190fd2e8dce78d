package org.sembridge.engine.run;

import java.nio.file.Path;

/// Paths of the generated sample models (`sample-models/`, see its README) and the demo
/// collections for tests (public for the tests of other packages, e.g. the workflow services).
public final class SampleModels {

    /// The five target languages of the sample tokenizers.
    public static final String[] LANGUAGES = {"ko", "ru", "ar", "hi", "zh"};

    private SampleModels() {
    }

    public static Path repoRoot() {
        String root = System.getProperty("sembridge.repo.root");
        return root == null || root.isBlank() ? Path.of("").toAbsolutePath().getParent() : Path.of(root);
    }

    /// `splade-tiny-en`: BertForMaskedLM, tied decoder, 3,356 English tokens.
    public static Path splade() {
        return repoRoot().resolve("sample-models/splade-tiny-en");
    }

    /// `bridge-tiny-multi`: sentence-transformers bridge, 20,891 multilingual tokens.
    public static Path bridge() {
        return repoRoot().resolve("sample-models/bridge-tiny-multi");
    }

    /// `tokenizers/<language>`.
    public static Path tokenizer(String language) {
        return repoRoot().resolve("sample-models/tokenizers").resolve(language);
    }

    /// `assets/demo/<language>`: corpus.jsonl, queries.tsv, qrels.txt.
    public static Path demo(String language) {
        return repoRoot().resolve("assets/demo").resolve(language);
    }

    /// `assets/lexicon/concepts.tsv`.
    public static Path concepts() {
        return repoRoot().resolve("assets/lexicon/concepts.tsv");
    }
}
