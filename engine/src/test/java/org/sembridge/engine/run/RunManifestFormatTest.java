package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;
import org.sembridge.engine.vocab.OverlapOptions;

/// `run.json` as a format: what [RunManifestBuilder] writes, [RunManifest] reads back; files of
/// earlier versions (kept under `src/test/resources/formats/`) still read; newer ones are refused.
class RunManifestFormatTest {

    @TempDir
    Path dir;

    private Path fixture(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/formats/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private Path written(RunManifestBuilder builder) throws Exception {
        Path file = dir.resolve(RunManifest.FILE_NAME);
        Files.writeString(file, builder.toJson());
        return file;
    }

    private static RunManifestBuilder builder(TransferRequest request) throws Exception {
        RunManifestBuilder builder = new RunManifestBuilder();
        builder.request(request, InitializerRegistry.create(request.method(), request.alpha()), SelectedDevice.cpu());
        return builder;
    }

    private TransferRequest.Builder request(String method) {
        return TransferRequest.builder(dir.resolve("source"), dir.resolve("tokenizers").resolve("ko"), method,
                dir.resolve("run"));
    }

    @Test
    void whatTheBuilderWritesReadsBack() throws Exception {
        TransferRequest request = request("sembridge").optAlpha(2.5).optBiasMode(BiasMode.MAPPED).optSeed(7)
                .optOverlap(new OverlapOptions(true, true, false, true)).build();
        RunManifestBuilder builder = builder(request);
        builder.language(new TargetLanguage("hangul", TargetLanguage.Origin.VOCABULARY_SCRIPTS,
                Map.of("hangul", 9)));
        builder.inputs("s-hash", "t-hash", request.targetTokenizer());
        builder.counts(Map.of("target_tokens", 12, "new", 5)).timings(Map.of("planning", 0.5), 1.25);

        RunManifest manifest = RunManifest.read(written(builder));

        assertEquals(RunManifest.FORMAT_VERSION, manifest.formatVersion());
        assertEquals("sembridge", manifest.method());
        assertEquals(2.5, manifest.alpha());
        assertEquals(BiasMode.MAPPED, manifest.biasMode());
        assertEquals(7L, manifest.seed());
        assertEquals(new OverlapOptions(true, true, false, true), manifest.overlap());
        assertEquals(false, manifest.noOp());
        assertEquals(request.source().toAbsolutePath(), manifest.sourcePath());
        assertEquals("s-hash", manifest.sourceSha256());
        assertEquals("t-hash", manifest.targetTokenizerSha256());
        assertEquals(Optional.empty(), manifest.bridgePath());
        assertEquals(12, manifest.counts().get("target_tokens"));
        assertEquals(Map.of("planning", 0.5, "total", 1.25), manifest.timingsSeconds());
        assertEquals(Optional.of(new TargetLanguage("hangul", TargetLanguage.Origin.VOCABULARY_SCRIPTS,
                Map.of("hangul", 9))), manifest.targetLanguage());
    }

    @Test
    void theUsersLanguageIsRecordedWithItsOrigin() throws Exception {
        TransferRequest request = request("mean").optLanguage("ru").build();
        RunManifestBuilder builder = builder(request);
        builder.language(TargetLanguage.resolve(Optional.of(request.language()), request.targetTokenizer(),
                List.of()));

        RunManifest manifest = RunManifest.read(written(builder));

        assertEquals(Optional.of(new TargetLanguage("ru", TargetLanguage.Origin.OPTION, Map.of())),
                manifest.targetLanguage());
        assertTrue(manifest.json().contains("\"language_origin\": \"option\""), manifest.json());
    }

    @Test
    void aRunJsonOfTheFirstFormatVersionStillReads() throws Exception {
        RunManifest manifest = RunManifest.read(fixture("run-v1.json"));

        assertEquals(1, manifest.formatVersion());
        assertEquals("sembridge", manifest.method());
        assertEquals(4.0, manifest.alpha());
        assertEquals(BiasMode.INDEX, manifest.biasMode());
        assertEquals(42L, manifest.seed());
        assertEquals(OverlapOptions.DEFAULTS.fuzzy(), manifest.overlap().fuzzy());
        assertEquals(5653, manifest.counts().get("target_tokens"));
        assertEquals(Optional.of(Path.of("/work/wt/harness/sample-models/bridge-tiny-multi")), manifest.bridgePath());
        assertEquals(Optional.of(Path.of("/work/wt/harness/sample-models/tokenizers/ko")),
                manifest.targetTokenizerPath());
        assertEquals(Optional.empty(), manifest.targetLanguage());
    }

    @Test
    void aRunJsonWithoutFormatVersionReadsAsVersionOne() throws Exception {
        RunManifest manifest = RunManifest.read(fixture("run-unversioned.json"));

        assertEquals(1, manifest.formatVersion());
        assertEquals("sembridge", manifest.method());
    }

    @Test
    void aNewerFormatVersionIsRefusedNamingTheFileAndTheVersions() throws Exception {
        Path file = fixture("run-v1.json");
        Files.writeString(file, Files.readString(file).replace("\"format_version\": 1", "\"format_version\": 9"));

        InputFormatException e = assertThrows(InputFormatException.class, () -> RunManifest.read(file));

        assertEquals(file + ": run format version 9 is newer than this SemBridge reads (version 1); it was written"
                + " by a newer SemBridge, update to read it", e.getMessage());
    }

    @Test
    void theLanguagesARunCoversReadBack() throws Exception {
        RunManifestBuilder builder = builder(request("sembridge").build());
        TargetLanguage multi = new TargetLanguage(TargetLanguage.MULTI, TargetLanguage.Origin.VOCABULARY_SCRIPTS,
                Map.of("hangul", 5, "cyrillic", 4), List.of("ko", "ru"));
        builder.language(multi);

        RunManifest manifest = RunManifest.read(written(builder));

        assertEquals(Optional.of(multi), manifest.targetLanguage());
        assertTrue(manifest.json().contains("\"languages\": [\n      \"ko\",\n      \"ru\"\n    ]"), manifest.json());
    }

    @Test
    void aTargetWrittenBeforeRunsRecordedTheirLanguagesCoversItsNamedLanguage() throws Exception {
        Path file = fixture("run-v1.json");
        Files.writeString(file, Files.readString(file).replace("\"format_version\": 1", "\"format_version\": 1, "
                + "\"target\": {\"language\": \"ko\", \"language_origin\": \"tokenizer_folder\"}"));

        TargetLanguage language = RunManifest.read(file).targetLanguage().orElseThrow();

        assertEquals("ko", language.code());
        assertEquals(List.of("ko"), language.languages());
    }

    @Test
    void languagesThatAreNoListAreRefusedNamingTheField() throws Exception {
        Path file = fixture("run-v1.json");
        Files.writeString(file, Files.readString(file).replace("\"format_version\": 1", "\"format_version\": 1, "
                + "\"target\": {\"language\": \"multi\", \"languages\": \"ko ru\"}"));

        InputFormatException e = assertThrows(InputFormatException.class, () -> RunManifest.read(file));

        assertTrue(e.getMessage().startsWith(file + ": field \"target.languages\" must be a list"), e.getMessage());
    }
}
