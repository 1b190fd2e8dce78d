package org.sembridge.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.ModelSummary;
import org.sembridge.engine.hf.TextTokenizer;

/// The random BERT folder loads through the real path, and benchmark texts built from its
/// vocabulary have exactly the asked token count.
class RandomMaskedLmFolderTest {

    private static final EncoderShape SHAPE = new EncoderShape(2, 64, 4, 128, 300);

    @TempDir
    static Path temp;

    static HfModelFolder folder;

    @BeforeAll
    static void writeFolder() throws Exception {
        RandomMaskedLmFolder.write(temp, SHAPE, 40, 7);
        folder = HfModelFolder.open(temp);
    }

    @Test
    void folderDescribesATiedBertMaskedLmOfTheShape() throws Exception {
        ModelSummary summary = folder.describe();
        assertEquals("bert", summary.family().modelType());
        assertEquals(SHAPE.layers(), summary.layers());
        assertEquals(SHAPE.hidden(), summary.hiddenSize());
        assertEquals(SHAPE.vocab(), summary.vocabSize());
        assertTrue(summary.hasMlmHead());
        assertTrue(summary.decoderTying().isTied());
    }

    @Test
    void parameterCountMatchesBertFormula() throws Exception {
        long h = SHAPE.hidden();
        long i = SHAPE.intermediate();
        long v = SHAPE.vocab();
        long embeddings = (v + 40 + 2) * h + 2 * h;
        long layer = 4 * (h * h + h) + 2 * h + (i * h + i) + (h * i + h) + 2 * h;
        long head = h * h + h + 2 * h + v;
        assertEquals(embeddings + SHAPE.layers() * layer + head, folder.describe().parameterCount());
    }

    @Test
    void vocabularyIsSpecialsThenDistinctLowerCaseWords() {
        List<String> vocabulary = RandomMaskedLmFolder.vocabulary(SHAPE.vocab());
        assertEquals(SHAPE.vocab(), new HashSet<>(vocabulary).size());
        assertEquals(RandomMaskedLmFolder.SPECIAL_TOKENS, vocabulary.subList(0, 5));
        assertEquals(List.of("a", "z", "aa", "az", "ba"),
                List.of(vocabulary.get(5), vocabulary.get(30), vocabulary.get(31), vocabulary.get(56),
                        vocabulary.get(57)));
    }

    @Test
    void everyBenchmarkTextEncodesToExactlyTheAskedTokens() throws Exception {
        try (TextTokenizer tokenizer = folder.openTokenizer()) {
            List<List<String>> batches = BenchmarkTexts.of(tokenizer, 17, 3, 2, 11);
            assertEquals(2, batches.size());
            for (List<String> batch : batches) {
                assertEquals(3, batch.size());
                for (String text : batch) {
                    long[] ids = tokenizer.encode(text).ids();
                    assertEquals(17, ids.length, text);
                    assertEquals(2, ids[0], "first token is [CLS]");
                    assertEquals(3, ids[16], "last token is [SEP]");
                }
            }
        }
    }
}
