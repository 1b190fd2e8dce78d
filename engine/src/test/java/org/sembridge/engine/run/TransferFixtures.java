package org.sembridge.engine.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.hf.RandomModelFolder;
import org.sembridge.engine.provenance.ContentHash;

/// Small inputs for pipeline tests: random models from `make_random_model.py` (a 121-token
/// WordPiece vocabulary: specials, letters, `##` letters, digits, punctuation, 42 words, 6
/// suffixes), a random bridge over the same vocabulary, and a target `vocab.txt` with letters,
/// some source words and new words (which the bridge embeds letter by letter).
public final class TransferFixtures {

    /// Words of the target vocabulary that the source vocabulary also has.
    public static final List<String> SHARED_WORDS = List.of("house", "cat", "water", "book", "the");
    /// Words of the target vocabulary that the source vocabulary lacks.
    public static final List<String> NEW_WORDS = List.of("katze", "hund", "baum", "wasser", "buch", "strasse", "garten",
            "##en", "##chen");

    private TransferFixtures() {
    }

    /// A random `*ForMaskedLM` source model (`family` and the script's options).
    public static Path source(Path parent, String name, String family, String... options) {
        return RandomModelFolder.create(parent, name, family, options);
    }

    /// A random bridge: a bare BERT encoder with sentence-transformers mean pooling + normalise.
    public static Path bridge(Path parent) {
        return RandomModelFolder.create(parent, "bridge", "bert", "--bridge", "--seed", "99");
    }

    /// A target tokenizer folder with only `vocab.txt` (+ `tokenizer_config.json`): BERT specials,
    /// letters and `##` letters, [#SHARED_WORDS] and [#NEW_WORDS].
    public static Path targetTokenizer(Path parent) throws IOException {
        List<String> tokens = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        for (char c = 'a'; c <= 'z'; c++) {
            tokens.add(String.valueOf(c));
            tokens.add("##" + c);
        }
        tokens.addAll(SHARED_WORDS);
        tokens.addAll(NEW_WORDS);
        return vocabularyFolder(parent.resolve("target-tokenizer"), tokens);
    }

    /// A folder with `vocab.txt` holding `tokens` and a lower-casing `tokenizer_config.json`.
    public static Path vocabularyFolder(Path folder, List<String> tokens) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("vocab.txt"), String.join("\n", tokens) + "\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("tokenizer_config.json"), "{\"do_lower_case\": true}\n",
                StandardCharsets.UTF_8);
        return folder;
    }

    /// A runner whose bridge-vector cache and hash memo live under `dir`.
    public static TransferRunner runner(Path dir) {
        return new TransferRunner(store(dir), ContentHash.withoutMemo());
    }

    /// The bridge-vector store under `dir`.
    public static BridgeVectorStore store(Path dir) {
        return new BridgeVectorStore(dir.resolve("bridge-cache"), ContentHash.withoutMemo());
    }

    /// The entries of `parent` whose names start with `.` + `name` (staging folders of a run
    /// folder called `name`).
    public static List<Path> stagingLeftovers(Path parent, String name) throws IOException {
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("." + name)).toList();
        }
    }
}
