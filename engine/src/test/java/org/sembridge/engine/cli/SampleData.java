package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/// The shipped sample encoder and demo collections, and an English demo index built through the
/// CLI for the command tests.
final class SampleData {

    private SampleData() {
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("sembridge.repo.root", "."));
    }

    /// `sample-models/splade-tiny-en`: the English sample SPLADE encoder.
    static Path englishModel() {
        return repoRoot().resolve("sample-models").resolve("splade-tiny-en");
    }

    /// `assets/demo/<language>`: corpus.jsonl, queries.tsv, qrels.txt.
    static Path demo(String language) {
        return repoRoot().resolve("assets").resolve("demo").resolve(language);
    }

    /// Runs `sembridge index` on the English demo corpus with the English sample encoder and a
    /// BM25 field into `folder`, and checks that it succeeded.
    static CliRun indexEnglishDemo(Path folder) {
        CliRun run = CliRun.of("index", "--model", englishModel().toString(), "--corpus",
                demo("en").resolve("corpus.jsonl").toString(), "--index", folder.toString(), "--bm25-language", "en",
                "--device", "cpu", "--json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        return run;
    }

    /// Names of the entries of `folder`, sorted (to check that no temporary file is left behind).
    static List<String> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
