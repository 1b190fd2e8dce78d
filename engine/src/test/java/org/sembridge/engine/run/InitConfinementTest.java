package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.hf.RandomModelFolder;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// `init` on source and target folders whose files name paths out of them: the run is
/// refused with the file and the entry, no run folder appears, no staging folder is left, and
/// nothing is written or copied outside (the original finding: a `modules.json` module path
/// `../../../p` got that folder copied outside the run folder).
class InitConfinementTest {

    private static final String SECRET = "do not copy me";

    @TempDir
    static Path shared;

    private static Path pristineSource;
    private static Path target;

    @TempDir
    Path dir;

    private Path outside;
    private Path source;

    @BeforeAll
    static void createModels() throws Exception {
        pristineSource = TransferFixtures.source(shared, "source", "bert");
        target = TransferFixtures.targetTokenizer(shared);
    }

    /// A sentence-transformers copy of the source with `normalizePath` as the Normalize
    /// module's path, and a folder `outside` holding a secret.
    @BeforeEach
    void folders() throws Exception {
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        source = RandomModelFolder.copy(pristineSource, Files.createDirectories(dir.resolve("models")).resolve("src"));
        Files.createDirectories(source.resolve("1_Pooling"));
        Files.writeString(source.resolve("1_Pooling/config.json"), "{\"pooling_mode_cls_token\": true}");
        writeModules("\"2_Normalize\"");
        Files.createDirectories(source.resolve("2_Normalize"));
    }

    private Path writeModules(String normalizePath) throws IOException {
        return Files.writeString(source.resolve("modules.json"), """
                [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                 {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                 {"idx": 2, "name": "2", "path": %s, "type": "sentence_transformers.models.Normalize"}]
                """.formatted(normalizePath));
    }

    private void init(Path targetTokenizer, Path out) throws Exception {
        TransferFixtures.runner(dir).run(TransferRequest.builder(source, targetTokenizer, "random", out)
                .optDevice(DeviceChoice.CPU).build(), ProgressListener.NONE, CancellationToken.create());
    }

    /// Every regular file under `dir` other than the secret itself whose content is the secret.
    private List<Path> copiesOfTheSecret() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.equals(outside.resolve("secret.txt")))
                    .filter(p -> {
                        try {
                            return Files.size(p) < 1000 && Files.readString(p, StandardCharsets.ISO_8859_1)
                                    .contains(SECRET);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
    }

    /// Regular files under `dir` (links not followed) with the content of `original`.
    private List<Path> copiesOf(Path original) throws IOException {
        byte[] content = Files.readAllBytes(original);
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).filter(p -> !p.equals(original))
                    .filter(p -> {
                        try {
                            return java.util.Arrays.equals(content, Files.readAllBytes(p));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
    }

    private void assertNothingPublishedOrLeaked(Path out) throws IOException {
        assertFalse(Files.exists(out));
        assertEquals(List.of(), TransferFixtures.stagingLeftovers(out.getParent(), out.getFileName().toString()));
        assertEquals(List.of(), copiesOfTheSecret());
    }

    @Test
    void modulePathClimbingOutIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path modules = writeModules("\"../../../p\"");
        Path out = Files.createDirectories(dir.resolve("runs/deep")).resolve("run");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> init(target, out));
        assertTrue(e.getMessage().startsWith(modules + ": modules[2].path \"../../../p\" leaves the model folder"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("p")));
        assertFalse(Files.exists(out.resolve("../../p").normalize()));
        assertNothingPublishedOrLeaked(out);
    }

    @Test
    void transformerModulePathClimbingOutIsRefused() throws Exception {
        Path modules = Files.writeString(source.resolve("modules.json"), """
                [{"idx": 0, "name": "0", "path": "../../t", "type": "sentence_transformers.models.Transformer"},
                 {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}]
                """);
        Path out = dir.resolve("run");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> init(target, out));
        assertTrue(e.getMessage().startsWith(modules + ": modules[0].path \"../../t\" leaves the model folder"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("t")));
        assertNothingPublishedOrLeaked(out);
    }

    @Test
    void absoluteModulePathIsRefused() throws Exception {
        Path modules = writeModules("\"" + outside + "\"");
        Path out = dir.resolve("run");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> init(target, out));
        assertTrue(e.getMessage().startsWith(modules + ": modules[2].path \"" + outside + "\" is an absolute path"),
                e.getMessage());
        assertNothingPublishedOrLeaked(out);
    }

    @Test
    void linkInsideAModuleFolderIsNotCopiedOut() throws Exception {
        Path link = Files.createSymbolicLink(source.resolve("2_Normalize/notes.txt"), outside.resolve("secret.txt"));
        Path out = dir.resolve("run");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> init(target, out));
        assertTrue(e.getMessage().startsWith(source.resolve("modules.json") + ": modules[2].path \"2_Normalize/notes.txt\""
                + " goes through the symbolic link " + link), e.getMessage());
        assertNothingPublishedOrLeaked(out);
    }

    @Test
    void tokenizerFileLinkedFromOutsideIsNotCopied() throws Exception {
        Path hostile = Files.createDirectories(dir.resolve("hostile-tokenizer"));
        Files.copy(target.resolve("vocab.txt"), outside.resolve("vocab.txt"));
        Files.createSymbolicLink(hostile.resolve("vocab.txt"), outside.resolve("vocab.txt"));
        Files.copy(target.resolve("tokenizer_config.json"), hostile.resolve("tokenizer_config.json"));
        Path out = dir.resolve("run");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> init(hostile, out));
        assertTrue(e.getMessage().startsWith(hostile + ": tokenizer file \"vocab.txt\" goes through the symbolic link "
                + hostile.resolve("vocab.txt")), e.getMessage());
        assertNothingPublishedOrLeaked(out);
        assertEquals(List.of(), copiesOf(outside.resolve("vocab.txt")));
    }

    @Test
    void wellFormedSentenceTransformerSourceStillCopiesItsModules() throws Exception {
        Files.writeString(source.resolve("2_Normalize/readme.txt"), "normalise");
        Path out = dir.resolve("run");
        init(target, out);
        assertEquals("normalise", Files.readString(out.resolve("model/2_Normalize/readme.txt")));
        assertTrue(Files.isRegularFile(out.resolve("model/1_Pooling/config.json")));
    }
}
