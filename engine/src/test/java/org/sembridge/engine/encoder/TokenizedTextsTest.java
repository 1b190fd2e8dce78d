package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.RandomModelFolder;
import org.sembridge.engine.hf.TextTokenizer;

class TokenizedTextsTest {

    @TempDir
    static Path models;

    /// 600 texts of 1 to 6 words, in blocks of one length (as a vocabulary sorted by length is).
    private static List<String> textsOfGrowingLength() {
        List<String> texts = new ArrayList<>();
        for (int words = 1; words <= 6; words++) {
            for (int i = 0; i < 100; i++) {
                texts.add("house ".repeat(words).strip());
            }
        }
        return texts;
    }

    @Test
    void batchesHoldOneLengthEachCoverEveryTextOnceAndComeInARepeatableMixedOrder() throws Exception {
        HfModelFolder folder = HfModelFolder.open(RandomModelFolder.create(models, "order", "bert", "--bridge"));
        List<String> texts = textsOfGrowingLength();
        try (TextTokenizer tokenizer = folder.openTokenizer()) {
            TokenizedTexts tokenized = TokenizedTexts.of(texts, tokenizer, "test");
            List<int[]> batches = tokenized.equalLengthBatches(length -> 10);
            List<int[]> again = TokenizedTexts.of(texts, tokenizer, "test").equalLengthBatches(length -> 10);

            int[] seen = new int[texts.size()];
            List<Integer> words = new ArrayList<>();
            for (int[] batch : batches) {
                assertTrue(batch.length <= 10, "batch of " + batch.length);
                int length = texts.get(batch[0]).split(" ").length;
                for (int position : batch) {
                    assertEquals(length, texts.get(position).split(" ").length, "one length per batch");
                    seen[position]++;
                }
                words.add(length);
            }
            for (int position = 0; position < seen.length; position++) {
                assertEquals(1, seen[position], "text " + position);
            }
            assertEquals(batches.size(), again.size());
            for (int b = 0; b < batches.size(); b++) {
                assertArrayEquals(batches.get(b), again.get(b), "batch " + b + " differs between two calls");
            }
            // The first tenth of the batches mixes lengths instead of taking the longest (or
            // shortest) ones first, so the rate of a prefix is the stage's rate.
            List<Integer> firstTenth = words.subList(0, batches.size() / 10);
            assertTrue(firstTenth.stream().distinct().count() >= 3, "first batches' lengths " + firstTenth);
        }
    }

    @Test
    void theSameTextsInAnotherOrderMakeTheSameBatches() throws Exception {
        HfModelFolder folder = HfModelFolder.open(RandomModelFolder.create(models, "permuted", "bert", "--bridge"));
        List<String> texts = List.of("house", "dog", "the house", "a dog", "blue", "the blue house", "red", "cat");
        List<String> permuted = new ArrayList<>(texts);
        java.util.Collections.swap(permuted, 0, permuted.size() - 1);
        java.util.Collections.swap(permuted, 2, 3);
        try (TextTokenizer tokenizer = folder.openTokenizer()) {
            List<int[]> batches = TokenizedTexts.of(texts, tokenizer, "test").equalLengthBatches(length -> 2);
            List<int[]> again = TokenizedTexts.of(permuted, tokenizer, "test").equalLengthBatches(length -> 2);

            assertEquals(batches.size(), again.size());
            for (int b = 0; b < batches.size(); b++) {
                List<String> first = new ArrayList<>();
                for (int position : batches.get(b)) {
                    first.add(texts.get(position));
                }
                List<String> second = new ArrayList<>();
                for (int position : again.get(b)) {
                    second.add(permuted.get(position));
                }
                assertEquals(first, second, "batch " + b);
            }
        }
    }
}
