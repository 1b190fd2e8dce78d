package org.sembridge.engine.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.index.Bm25Searcher;
import org.sembridge.engine.index.CorpusDocument;
import org.sembridge.engine.index.HitExplanation;
import org.sembridge.engine.index.SearchHit;
import org.sembridge.engine.index.SparseIndex;
import org.sembridge.engine.index.SparseQuery;
import org.sembridge.engine.index.TermWeights;
import org.sembridge.engine.index.TokenContribution;
import org.sembridge.engine.workflow.OpenedIndex;
import org.sembridge.engine.workflow.SearchHitJson;
import org.sembridge.engine.workflow.Snippet;
import org.sembridge.engine.workflow.SparseRanking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `sembridge search --index DIR --query TEXT`: the ranked hits of one query on a sparse index,
/// optionally with per-token score explanations and the BM25 ranking for comparison.
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search a sparse index with one query.",
            "Prints rank, document id, score, title and a snippet per hit. --explain adds, per hit, each"
                    + " matching query token's contribution with the exact and the indexed (9-bit) document"
                    + " weight, both score sums, and whether quantisation put the hit above one with a"
                    + " higher exact score."})
final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index folder (from `index`).")
    Path index;

    @Option(names = "--query", required = true, paramLabel = "TEXT", description = "The query (must not be blank).")
    String query;

    @Option(names = "--k", defaultValue = "10", paramLabel = "N",
            description = "Number of hits. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--explain", description = "Explain every hit token by token.")
    boolean explain;

    @Option(names = "--bm25", description = "Also print the BM25 ranking of the same query (needs an index built"
            + " with --bm25-language).")
    boolean bm25;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Mixin
    QueryEncoderOptions encoderOptions;

    @Override
    public Integer call() throws Exception {
        if (k < 1) {
            throw new ParameterException(spec.commandLine(), "--k must be >= 1, found " + k);
        }
        if (query.isBlank()) {
            throw new InputFormatException("the query is empty; give --query a text with at least one word");
        }
        try (OpenedIndex opened = OpenedIndex.open(index, encoderOptions.opening())) {
            Bm25Searcher bm25Searcher = bm25 ? opened.index().bm25Searcher() : null;
            SparseRanking ranking = opened.searchSparse(query, k, explain, SemBridgeCli.cancellation(spec));
            List<HitExplanation> explanations = explain ? ranking.explanations() : null;
            List<SearchHit> bm25Hits = bm25 ? opened.searchBm25(query, k) : null;
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, toJson(opened.index(), ranking.query(), ranking.hits(), explanations,
                        bm25Searcher, bm25Hits));
            } else {
                printText(out, opened.index(), ranking.query(), ranking.hits(), explanations, bm25Searcher,
                        bm25Hits);
            }
        }
        return ExitCodes.OK;
    }

    private JsonObject toJson(SparseIndex opened, SparseQuery sparseQuery, List<SearchHit> hits,
            List<HitExplanation> explanations, Bm25Searcher bm25Searcher, List<SearchHit> bm25Hits) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("index", opened.folder().toString());
        o.addProperty("query", query);
        o.addProperty("k", k);
        o.addProperty("documents", opened.documentCount());
        o.addProperty("weighting", sparseQuery.weighting().name().toLowerCase(Locale.ROOT));
        JsonArray weights = new JsonArray();
        TermWeights vector = sparseQuery.weights();
        for (int i : byWeight(vector)) {
            JsonObject weight = new JsonObject();
            weight.addProperty("token", vector.terms()[i]);
            weight.addProperty("weight", vector.weights()[i]);
            weights.add(weight);
        }
        o.add("query_weights", weights);
        JsonArray hitArray = hitsToJson(opened, hits);
        if (explanations != null) {
            for (int h = 0; h < hits.size(); h++) {
                hitArray.get(h).getAsJsonObject().add("explanation", SearchHitJson.explanation(explanations.get(h)));
            }
        }
        o.add("hits", hitArray);
        if (bm25Hits != null) {
            JsonObject bm25Object = new JsonObject();
            bm25Object.addProperty("language", bm25Searcher.language().code());
            JsonArray terms = new JsonArray();
            bm25Searcher.analyze(query).forEach(terms::add);
            bm25Object.add("terms", terms);
            bm25Object.add("hits", hitsToJson(opened, bm25Hits));
            bm25Object.addProperty("overlap", overlap(hits, bm25Hits));
            o.add("bm25", bm25Object);
        }
        return o;
    }

    private JsonArray hitsToJson(SparseIndex opened, List<SearchHit> hits) throws IOException {
        JsonArray array = new JsonArray();
        for (SearchHit hit : hits) {
            CorpusDocument document = opened.document(hit.docId()).orElseThrow();
            array.add(SearchHitJson.hit(hit, document.title(), Snippet.of(document.text(), query)));
        }
        return array;
    }

    private void printText(PrintWriter out, SparseIndex opened, SparseQuery sparseQuery, List<SearchHit> hits,
            List<HitExplanation> explanations, Bm25Searcher bm25Searcher, List<SearchHit> bm25Hits)
            throws IOException {
        out.printf(Locale.ROOT, "sparse (%s weighting): %d of %,d documents for \"%s\"%n",
                sparseQuery.weighting().name().toLowerCase(Locale.ROOT), hits.size(), opened.documentCount(), query);
        out.println("query tokens: " + describeWeights(sparseQuery.weights()));
        for (int h = 0; h < hits.size(); h++) {
            printHit(out, opened, hits.get(h));
            if (explanations != null) {
                printExplanation(out, explanations.get(h));
            }
        }
        if (bm25Hits != null) {
            out.println();
            out.printf(Locale.ROOT, "BM25 (%s analyzer, terms %s): %d hits; %d of them also in the sparse top %d%n",
                    bm25Searcher.language().code(), bm25Searcher.analyze(query), bm25Hits.size(),
                    overlap(hits, bm25Hits), k);
            for (SearchHit hit : bm25Hits) {
                printHit(out, opened, hit);
            }
        }
    }

    private void printHit(PrintWriter out, SparseIndex opened, SearchHit hit) throws IOException {
        CorpusDocument document = opened.document(hit.docId()).orElseThrow();
        out.printf(Locale.ROOT, "%3d. %-12s %10.4f  %s%n", hit.rank(), hit.docId(), hit.score(),
                document.title().isEmpty() ? "(no title)" : document.title());
        out.printf(Locale.ROOT, "     %s%n", Snippet.of(document.text(), query));
    }

    private static void printExplanation(PrintWriter out, HitExplanation explanation) {
        out.printf(Locale.ROOT, "     %-16s %9s %11s %11s %13s%n", "token", "query w", "exact doc w", "indexed w",
                "contribution");
        for (TokenContribution c : explanation.contributions()) {
            out.printf(Locale.ROOT, "     %-16s %9.4f %11.6f %11.6f %13.6f%n", c.token(), c.queryWeight(),
                    c.exactDocumentWeight(), c.indexedDocumentWeight(), c.exactContribution());
        }
        out.printf(Locale.ROOT, "     sum: exact %.6f, indexed (Lucene) %.6f, difference %.4f%%%s%n",
                explanation.exactScore(), explanation.luceneScore(),
                explanation.exactScore() == 0 ? 0.0
                        : 100 * (explanation.exactScore() - explanation.luceneScore()) / explanation.exactScore(),
                explanation.outrankedByNextExactly()
                        ? "; QUANTISATION ORDER: the next hit has a higher exact score" : "");
    }

    private static String describeWeights(TermWeights vector) {
        StringBuilder text = new StringBuilder();
        for (int i : byWeight(vector)) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.3f", vector.terms()[i], vector.weights()[i]));
        }
        return text.isEmpty() ? "(none)" : text.toString();
    }

    /// Indices of `vector`'s positive weights, largest first.
    private static int[] byWeight(TermWeights vector) {
        return IntStream.range(0, vector.size())
                .filter(i -> vector.weights()[i] > 0)
                .boxed()
                .sorted((a, b) -> Float.compare(vector.weights()[b], vector.weights()[a]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static int overlap(List<SearchHit> a, List<SearchHit> b) {
        Set<String> ids = new HashSet<>();
        a.forEach(hit -> ids.add(hit.docId()));
        return (int) b.stream().filter(hit -> ids.contains(hit.docId())).count();
    }
}
