package org.sembridge.engine.run;

import java.nio.file.Path;

/// Paths of the generated sample models (`sample-models/`, see its README) for tests.
final class SampleModels {

    /// The five target languages of the sample tokenizers.
    static final String[] LANGUAGES = {"ko", "ru", "ar", "hi", "zh"};

    private SampleModels() {
    }

    static Path repoRoot() {
        String root = System.getProperty("sembridge.repo.root");
        return root == null || root.isBlank() ? Path.of("").toAbsolutePath().getParent() : Path.of(root);
    }

    /// `splade-tiny-en`: BertForMaskedLM, tied decoder, 3,356 English tokens.
    static Path splade() {
        return repoRoot().resolve("sample-models/splade-tiny-en");
    }

    /// `bridge-tiny-multi`: sentence-transformers bridge, 20,891 multilingual tokens.
    static Path bridge() {
        return repoRoot().resolve("sample-models/bridge-tiny-multi");
    }

    /// `tokenizers/<language>`.
    static Path tokenizer(String language) {
        return repoRoot().resolve("sample-models/tokenizers").resolve(language);
    }

    /// `assets/lexicon/concepts.tsv`.
    static Path concepts() {
        return repoRoot().resolve("assets/lexicon/concepts.tsv");
    }
}
