package org.sembridge.engine.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;

class Bm25SearcherTest {

    @TempDir
    Path dir;

    private Path englishIndex() throws Exception {
        Map<CorpusDocument, TermWeights> documents = new LinkedHashMap<>();
        documents.put(new CorpusDocument("d1", "", "apple banana"), TestIndexes.vector("x", 1));
        documents.put(new CorpusDocument("d2", "Apples", "apple cherry"), TestIndexes.vector("x", 1));
        documents.put(new CorpusDocument("d3", "", "durian"), TestIndexes.vector("x", 1));
        return TestIndexes.write(dir.resolve("index"), "enc", Optional.of(Bm25Language.EN), documents);
    }

    @Test
    void scoresWithLuceneBm25DefaultParameters() throws Exception {
        // Terms after EnglishAnalyzer: d1 [appl, banana] (length 2), d2 [appl, appl, cherri] (title +
        // text, length 3), d3 [durian] (1). N = 3, avgdl = 6 / 3 = 2, n(appl) = 2.
        // idf = ln(1 + (N - n + 0.5) / (n + 0.5)) = ln(1 + 1.5 / 2.5) = ln(1.6) = 0.470004.
        // Lucene BM25 term score = idf x f / (f + k1 (1 - b + b dl / avgdl)), k1 = 1.2, b = 0.75:
        // d2: f = 2, dl = 3: 2 / (2 + 1.2 x (0.25 + 0.75 x 1.5)) = 2 / 3.65 = 0.547945 -> 0.257537
        // d1: f = 1, dl = 2: 1 / (1 + 1.2 x 1) = 0.454545 -> 0.213638
        try (SparseIndex index = SparseIndex.open(englishIndex())) {
            List<SearchHit> hits = index.bm25Searcher().search("apples", 10);
            assertEquals(List.of("d2", "d1"), hits.stream().map(SearchHit::docId).toList());
            double idf = Math.log(1 + 1.5 / 2.5);
            assertEquals(idf * 2 / (2 + 1.2 * (0.25 + 0.75 * 1.5)), hits.get(0).score(), 1e-6);
            assertEquals(idf * 1 / (1 + 1.2), hits.get(1).score(), 1e-6);
        }
    }

    @Test
    void repeatedQueryTermsCountTwice() throws Exception {
        try (SparseIndex index = SparseIndex.open(englishIndex())) {
            float once = index.bm25Searcher().search("durian", 1).getFirst().score();
            float twice = index.bm25Searcher().search("durian durians", 1).getFirst().score();
            assertEquals(2 * once, twice, 1e-6);
        }
    }

    @Test
    void queryOfOnlyStopWordsHasASpecificMessage() throws Exception {
        try (SparseIndex index = SparseIndex.open(englishIndex())) {
            InputFormatException e = assertThrows(InputFormatException.class,
                    () -> index.bm25Searcher().search("the and of", 10));
            assertEquals("BM25 query 'the and of' is empty after the en analyzer (only stop words or punctuation)",
                    e.getMessage());
        }
    }

    @Test
    void koreanIndexFindsInflectedForms() throws Exception {
        Map<CorpusDocument, TermWeights> documents = new LinkedHashMap<>();
        documents.put(new CorpusDocument("k1", "", "학생들이 도서관에서 책을 읽었다"), TestIndexes.vector("x", 1));
        documents.put(new CorpusDocument("k2", "", "날씨가 맑다"), TestIndexes.vector("x", 1));
        Path folder = TestIndexes.write(dir.resolve("ko"), "enc", Optional.of(Bm25Language.KO), documents);
        try (SparseIndex index = SparseIndex.open(folder)) {
            assertEquals(List.of("k1"),
                    index.bm25Searcher().search("도서관", 10).stream().map(SearchHit::docId).toList());
        }
    }
}
