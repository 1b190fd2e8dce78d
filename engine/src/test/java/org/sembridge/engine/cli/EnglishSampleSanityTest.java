package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Sample-data sanity check: on the English demo collection the English sample SPLADE encoder is
/// at least as good as BM25 by nDCG@10, up to a tolerance of [#TOLERANCE] (both evaluated by
/// `sembridge eval --bm25`). The demo's queries favour other synonyms than the passages (76 of
/// the 248 relevant passages share no word with their query), which a sparse encoder with
/// expansion finds and BM25 cannot.
class EnglishSampleSanityTest {

    /// How far below BM25 the sparse encoder may fall.
    static final double TOLERANCE = 0.05;

    @TempDir
    Path temp;

    @Test
    void englishSampleEncoderIsAtLeastAsGoodAsBm25() {
        Path index = temp.resolve("en-index");
        SampleData.indexEnglishDemo(index);
        JsonObject report = RetrievalCommandsTest.json(CliRun.of("eval", "--index", index.toString(), "--queries",
                SampleData.demo("en").resolve("queries.tsv").toString(), "--qrels",
                SampleData.demo("en").resolve("qrels.txt").toString(), "--bm25", "--device", "cpu", "--json"));
        double sparse = report.get("ndcg@10").getAsDouble();
        double bm25 = report.getAsJsonObject("bm25").get("ndcg@10").getAsDouble();
        System.out.printf(Locale.ROOT, "English demo nDCG@10: splade-tiny-en %.4f, BM25 %.4f (Recall@100 %.4f vs"
                + " %.4f)%n", sparse, bm25, report.get("recall@100").getAsDouble(),
                report.getAsJsonObject("bm25").get("recall@100").getAsDouble());
        assertTrue(sparse >= bm25 - TOLERANCE, "sparse nDCG@10 " + sparse + " vs BM25 " + bm25);
    }
}
