package org.sembridge.engine.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Content hashes: known SHA-256 values, stability, sensitivity to relevant content only, and
/// the size + mtime memo.
class ContentHashTest {

    /// SHA-256 of "abc" (FIPS 180-2, appendix B.1).
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    /// SHA-256 of the empty input.
    private static final String SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @TempDir
    Path dir;

    private Path file(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private Path model() throws IOException {
        file("model/config.json", "{\"model_type\": \"bert\"}");
        file("model/model.safetensors", "weights");
        file("model/tokenizer.json", "{}");
        file("model/1_Pooling/config.json", "{\"pooling_mode_cls_token\": true}");
        file("model/modules.json", "[]");
        return dir.resolve("model");
    }

    @Test
    void fileHashIsTheSha256OfItsBytes() throws Exception {
        assertEquals(SHA256_ABC, ContentHash.withoutMemo().ofFile(file("abc.txt", "abc")));
        assertEquals(SHA256_EMPTY, ContentHash.withoutMemo().ofFile(file("empty.txt", "")));
    }

    @Test
    void fileHashOfAFileLargerThanTheBufferMatchesTheDigestOfItsBytes() throws Exception {
        byte[] bytes = new byte[(1 << 20) * 2 + 12345];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + (i >> 11));
        }
        Path big = dir.resolve("big.bin");
        Files.write(big, bytes);

        String expected = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(expected, ContentHash.withoutMemo().ofFile(big));
    }

    @Test
    void textAndPartsHashesAreSha256() {
        assertEquals(SHA256_ABC, ContentHash.ofText("abc"));
        assertNotEquals(ContentHash.ofParts("ab", "c"), ContentHash.ofParts("a", "bc"));
    }

    @Test
    void folderHashIsStable() throws Exception {
        Path model = model();

        assertEquals(ContentHash.withoutMemo().ofModelFolder(model), ContentHash.withoutMemo().ofModelFolder(model));
    }

    @Test
    void folderHashIsTheDocumentedDigestOfSortedPathsAndFileHashes() throws Exception {
        Path model = model();
        ContentHash hashes = ContentHash.withoutMemo();
        String lines = Stream.of("1_Pooling/config.json", "config.json", "model.safetensors", "modules.json",
                "tokenizer.json").map(name -> {
                    try {
                        return name + "\n" + hashes.ofFile(model.resolve(name)) + "\n";
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).reduce("", String::concat);

        assertEquals(ContentHash.ofText(lines), hashes.ofModelFolder(model));
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", ".git/HEAD", "pytorch_model.bin", "0_Transformer/notes.txt",
        "deep/er/model.safetensors"})
    void folderHashIgnoresIrrelevantFiles(String irrelevant) throws Exception {
        Path model = model();
        String before = ContentHash.withoutMemo().ofModelFolder(model);

        file("model/" + irrelevant, "anything");

        assertEquals(before, ContentHash.withoutMemo().ofModelFolder(model));
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.safetensors", "config.json", "1_Pooling/config.json", "tokenizer.json"})
    void folderHashChangesWhenARelevantFileChanges(String relevant) throws Exception {
        Path model = model();
        String before = ContentHash.withoutMemo().ofModelFolder(model);

        file("model/" + relevant, "changed");

        assertNotEquals(before, ContentHash.withoutMemo().ofModelFolder(model));
    }

    @Test
    void folderHashDoesNotDependOnTheFoldersName() throws Exception {
        Path model = model();
        Path renamed = Files.move(model, dir.resolve("renamed"));

        assertEquals(ContentHash.withoutMemo().ofModelFolder(renamed),
                ContentHash.withoutMemo().ofModelFolder(model().toAbsolutePath()));
    }

    @Test
    void tokenizerHashIgnoresTheWeights() throws Exception {
        Path model = model();
        String before = ContentHash.withoutMemo().ofTokenizerFolder(model);

        file("model/model.safetensors", "other weights");
        file("model/config.json", "{}");

        assertEquals(before, ContentHash.withoutMemo().ofTokenizerFolder(model));
    }

    @Test
    void folderWithoutRelevantFilesIsRefused() throws Exception {
        file("empty/README.md", "nothing here");

        IOException e = assertThrows(IOException.class,
                () -> ContentHash.withoutMemo().ofModelFolder(dir.resolve("empty")));

        assertTrue(e.getMessage().contains("no relevant files"), e.getMessage());
    }

    @Test
    void memoAnswersWhileSizeAndModificationTimeAreUnchanged() throws Exception {
        Path weights = file("w.safetensors", "abc");
        FileTime time = Files.getLastModifiedTime(weights);
        ContentHash memoised = ContentHash.withMemo(dir.resolve("memo"));
        assertEquals(SHA256_ABC, memoised.ofFile(weights));

        Files.writeString(weights, "xyz");
        Files.setLastModifiedTime(weights, time);

        assertEquals(SHA256_ABC, memoised.ofFile(weights));
        assertNotEquals(SHA256_ABC, ContentHash.withoutMemo().ofFile(weights));
    }

    @Test
    void memoIsBypassedWhenTheModificationTimeChanges() throws Exception {
        Path weights = file("w.safetensors", "abc");
        FileTime time = Files.getLastModifiedTime(weights);
        ContentHash memoised = ContentHash.withMemo(dir.resolve("memo"));
        memoised.ofFile(weights);

        Files.writeString(weights, "xyz");
        Files.setLastModifiedTime(weights, FileTime.fromMillis(time.toMillis() + 2000));

        assertEquals(ContentHash.withoutMemo().ofFile(weights), memoised.ofFile(weights));
    }

    @Test
    void damagedMemoEntryIsIgnored() throws Exception {
        Path weights = file("w.safetensors", "abc");
        Path memo = dir.resolve("memo");
        ContentHash memoised = ContentHash.withMemo(memo);
        memoised.ofFile(weights);
        List<Path> entries;
        try (Stream<Path> files = Files.list(memo)) {
            entries = files.toList();
        }
        assertEquals(1, entries.size());
        Files.writeString(entries.getFirst(), "not a hash");

        assertEquals(SHA256_ABC, memoised.ofFile(weights));
        assertEquals(SHA256_ABC + "\n", Files.readString(entries.getFirst()));
    }
}
