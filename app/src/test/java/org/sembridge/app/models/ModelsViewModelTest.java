package org.sembridge.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.RecordingDialogService;

/// The models page's state on the bundled sample models, without the JavaFX toolkit.
class ModelsViewModelTest {

    static final Path REPO = Path.of(System.getProperty("sembridge.repo.root", "..")).toAbsolutePath();

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final ModelsViewModel viewModel = new ModelsViewModel(new DirectTaskRunner(), dialogs);

    @Test
    void sampleModelsLoadIntoThreeCards() {
        viewModel.loadSampleModels(REPO, "ko");
        ModelCard source = viewModel.cardProperty(ModelRole.SOURCE).get();
        ModelCard target = viewModel.cardProperty(ModelRole.TARGET).get();
        ModelCard bridge = viewModel.cardProperty(ModelRole.BRIDGE).get();
        assertTrue(source.isLoaded(), String.valueOf(source.error()));
        assertTrue(source.headline().startsWith("bert"), source.headline());
        assertTrue(source.fields().stream().anyMatch(f -> f.name().equals("decoder") && f.value().startsWith("tied")));
        assertTrue(target.headline().startsWith("wordpiece"), target.headline());
        assertTrue(bridge.fields().stream().anyMatch(f -> f.name().equals("pooling") && f.value().startsWith("mean")));
        assertTrue(viewModel.allLoaded());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void sampleTokenizerCardShowsHowKoreanIsSplit() {
        viewModel.load(ModelRole.TARGET, REPO.resolve("sample-models/tokenizers/ko"));
        ModelCard target = viewModel.cardProperty(ModelRole.TARGET).get();
        assertTrue(target.fields().stream().anyMatch(f -> f.name().equals("sample split") && f.value().startsWith("집")),
                target.fields().toString());
    }

    @Test
    void missingFolderShowsTheSpecificErrorOnTheCardAndInADialog(@TempDir Path temp) {
        Path missing = temp.resolve("no-such-model");
        viewModel.load(ModelRole.SOURCE, missing);
        ModelCard card = viewModel.cardProperty(ModelRole.SOURCE).get();
        assertFalse(card.isLoaded());
        assertTrue(card.error().contains("no-such-model"), card.error());
        assertEquals(1, dialogs.errors.size());
        assertFalse(viewModel.allLoaded());
    }

    @Test
    void loadedFoldersAreRememberedNewestFirstWithoutDuplicates() {
        Path source = REPO.resolve("sample-models/splade-tiny-en");
        Path bridge = REPO.resolve("sample-models/bridge-tiny-multi");
        viewModel.load(ModelRole.SOURCE, source);
        viewModel.load(ModelRole.SOURCE, bridge);
        viewModel.load(ModelRole.SOURCE, source);
        assertEquals(2, viewModel.recentFolders(ModelRole.SOURCE).size());
        assertEquals(source.normalize(), viewModel.recentFolders(ModelRole.SOURCE).getFirst());
    }

    @Test
    void eachCardRemembersOnlyTheFoldersLoadedIntoIt() {
        Path source = REPO.resolve("sample-models/splade-tiny-en").normalize();
        Path tokenizer = REPO.resolve("sample-models/tokenizers/ko").normalize();
        Path bridge = REPO.resolve("sample-models/bridge-tiny-multi").normalize();
        viewModel.load(ModelRole.SOURCE, source);
        viewModel.load(ModelRole.TARGET, tokenizer);
        viewModel.load(ModelRole.BRIDGE, bridge);

        assertEquals(List.of(source), viewModel.recentFolders(ModelRole.SOURCE));
        assertEquals(List.of(tokenizer), viewModel.recentFolders(ModelRole.TARGET));
        assertEquals(List.of(bridge), viewModel.recentFolders(ModelRole.BRIDGE));
    }

    @Test
    void aFailedLoadKeepsThePreviousModelAndSaysSo(@TempDir Path temp) {
        Path source = REPO.resolve("sample-models/splade-tiny-en").normalize();
        viewModel.load(ModelRole.SOURCE, source);
        ModelCard loaded = viewModel.cardProperty(ModelRole.SOURCE).get();

        viewModel.load(ModelRole.SOURCE, temp.resolve("no-such-model"));

        assertEquals(loaded, viewModel.cardProperty(ModelRole.SOURCE).get());
        assertTrue(viewModel.cardProperty(ModelRole.SOURCE).get().isLoaded());
        String failure = viewModel.loadFailureProperty(ModelRole.SOURCE).get();
        assertTrue(failure.contains("no-such-model") && failure.contains("Still using " + source), failure);
        assertEquals(1, dialogs.errors.size());
        assertEquals(List.of(source), viewModel.recentFolders(ModelRole.SOURCE), "a failed folder is not remembered");
    }

    @Test
    void aSuccessfulLoadClearsTheFailureOfTheOneBefore(@TempDir Path temp) {
        Path source = REPO.resolve("sample-models/splade-tiny-en");
        viewModel.load(ModelRole.SOURCE, source);
        viewModel.load(ModelRole.SOURCE, temp.resolve("no-such-model"));
        viewModel.load(ModelRole.SOURCE, source);
        assertEquals("", viewModel.loadFailureProperty(ModelRole.SOURCE).get());
    }

    @Test
    void aTokenizerFileCardShowsTheSha256OfItsBytes() throws Exception {
        Path file = REPO.resolve("sample-models/tokenizers/ko/tokenizer.json");
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        viewModel.load(ModelRole.TARGET, file);
        assertEquals("sha256 " + expected.substring(0, 16) + "…", field(ModelRole.TARGET, "fingerprint"));
    }

    @Test
    void differentModelsHaveDifferentFingerprints() {
        viewModel.loadSampleModels(REPO, "ko");
        String source = field(ModelRole.SOURCE, "fingerprint");
        assertTrue(source.startsWith("sha256 "), source);
        assertFalse(source.equals(field(ModelRole.BRIDGE, "fingerprint")));
    }

    private String field(ModelRole role, String name) {
        return viewModel.cardProperty(role).get().fields().stream()
                .filter(f -> f.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void emptyCardHasNoPathAndNoError() {
        ModelCard empty = viewModel.cardProperty(ModelRole.BRIDGE).get();
        assertNull(empty.path());
        assertNull(empty.error());
    }
}
