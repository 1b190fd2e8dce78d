package org.sembridge.app.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.app.SampleRuns;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.RunManifest;
import org.sembridge.engine.run.TransferRequest;

/// The demo collection's language comes from the language `run.json` records, and from the
/// target-tokenizer folder name for runs written before the manifest recorded one.
class DemoCollectionTest {

    @TempDir
    static Path dir;

    private static Path run;

    @BeforeAll
    static void makeAMeanRunOfTheKoreanTokenizerNamedRussian() throws Exception {
        Path models = SampleRuns.sampleModels();
        run = dir.resolve("ko-mean");
        TransferRequest request = TransferRequest.builder(models.resolve("splade-tiny-en"),
                models.resolve("tokenizers").resolve("ko"), "mean", run).optLanguage("ru").build();
        SampleRuns.runner().run(request, ProgressListener.NONE, CancellationToken.create());
    }

    private static Optional<String> languageAfter(Consumer<JsonObject> edit) throws Exception {
        Path copy = Files.createTempDirectory(dir, "edited");
        try (var files = Files.walk(run)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(run.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Path manifest = copy.resolve(RunManifest.FILE_NAME);
        JsonObject json = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
        edit.accept(json);
        Files.writeString(manifest, json.toString());
        return DemoCollection.languageOf(LoadedRun.open(copy, SampleRuns.store()));
    }

    @Test
    void theRecordedLanguageWinsOverTheFolderName() throws Exception {
        assertEquals(Optional.of("ru"), DemoCollection.languageOf(LoadedRun.open(run, SampleRuns.store())));
    }

    @Test
    void aRunWithoutARecordedLanguageFallsBackToTheTokenizerFolderName() throws Exception {
        assertEquals(Optional.of("ko"), languageAfter(json -> json.remove("target")));
    }

    @Test
    void aMultilingualRunHasNoDemoLanguage() throws Exception {
        assertEquals(Optional.empty(),
                languageAfter(json -> json.getAsJsonObject("target").addProperty("language", "multi")));
    }
}
