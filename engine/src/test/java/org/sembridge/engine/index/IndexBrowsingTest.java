package org.sembridge.engine.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.workflow.IndexBrowser;

/// The index browser's three views on a hand-made index whose figures are worked out by hand:
/// tokens by document frequency with weight statistics, a token's postings with exact and
/// indexed weights, a document's whole vector.
class IndexBrowsingTest {

    @TempDir
    static Path temp;

    private static Path folder;

    @BeforeAll
    static void index() throws Exception {
        Map<CorpusDocument, TermWeights> documents = new LinkedHashMap<>();
        documents.put(TestIndexes.document("d1"), TestIndexes.vector("house", 1.5f, "cat", 0.25f));
        documents.put(TestIndexes.document("d2"), TestIndexes.vector("house", 0.7f, "dog", 2.0f));
        documents.put(TestIndexes.document("d3"), TestIndexes.vector("house", 1.1f, "cat", 0.75f, "tree", 0.3f));
        folder = TestIndexes.write(temp.resolve("index"), "fp", Optional.empty(), documents);
    }

    @Test
    void tokensComeByDocumentFrequencyWithTheirExactWeightStatistics() throws Exception {
        try (IndexBrowser browser = IndexBrowser.open(folder)) {
            List<TermStatistics> terms = browser.terms(ProgressListener.NONE, CancellationToken.create());
            assertEquals(List.of("house", "cat", "dog", "tree"), terms.stream().map(TermStatistics::token).toList());
            TermStatistics house = terms.getFirst();
            assertEquals(3, house.documentFrequency());
            assertEquals(0.7f, house.minWeight());
            assertEquals((1.5 + 0.7 + 1.1) / 3, house.meanWeight(), 1e-6);
            assertEquals(1.5f, house.maxWeight());
            TermStatistics cat = terms.get(1);
            assertEquals(2, cat.documentFrequency());
            assertEquals(0.5, cat.meanWeight(), 1e-6);
        }
    }

    @Test
    void postingsListTheHeaviestDocumentsWithExactAndIndexedWeights() throws Exception {
        try (IndexBrowser browser = IndexBrowser.open(folder)) {
            TermPostings house = browser.postings("house", 2).orElseThrow();
            assertEquals(3, house.documentFrequency());
            assertEquals(List.of("d1", "d3"), house.postings().stream().map(Posting::docId).toList());
            Posting d3 = house.postings().get(1);
            assertEquals(1.1f, d3.exactWeight());
            // 9 significant bits, rounded down: Lucene's own FeatureField precision
            assertEquals(Float.intBitsToFloat(Float.floatToIntBits(1.1f) >>> 15 << 15), d3.indexedWeight());
            assertTrue(d3.indexedWeight() < d3.exactWeight());
        }
    }

    @Test
    void aTokenInNoDocumentHasNoPostings() throws Exception {
        try (IndexBrowser browser = IndexBrowser.open(folder)) {
            assertFalse(browser.postings("moon", 10).isPresent());
            assertTrue(browser.notInIndex("moon").contains("'moon'"), browser.notInIndex("moon"));
        }
    }

    @Test
    void aDocumentShowsItsWholeVectorHeaviestFirst() throws Exception {
        try (IndexBrowser browser = IndexBrowser.open(folder)) {
            DocumentVector d3 = browser.document("d3");
            assertEquals(List.of("house", "cat", "tree"), d3.entries().stream().map(DocumentVector.Entry::token)
                    .toList());
            assertEquals(0.3f, d3.entries().get(2).exactWeight());
            assertEquals(FeatureQuantisation.indexedValue(0.3f), d3.entries().get(2).indexedWeight());
            assertEquals(1.1 + 0.75 + 0.3, d3.exactSum(), 1e-6);
        }
    }

    @Test
    void anUnknownDocumentIsNamedWithTheIndex() throws Exception {
        try (IndexBrowser browser = IndexBrowser.open(folder)) {
            InputFormatException e = assertThrows(InputFormatException.class, () -> browser.document("d9"));
            assertTrue(e.getMessage().contains("'d9'") && e.getMessage().contains(folder.toString()), e.getMessage());
        }
    }
}
