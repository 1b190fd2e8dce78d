package org.sembridge.engine.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.index.DocumentVector;
import org.sembridge.engine.index.IndexMetadata;
import org.sembridge.engine.index.Posting;
import org.sembridge.engine.index.TermPostings;
import org.sembridge.engine.index.TermStatistics;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.workflow.IndexBrowser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `sembridge index-info --index DIR`: browse a sparse index without a model, as Luke does: its
/// tokens by document frequency with weight statistics, a token's postings, a document's vector.
@Command(name = "index-info", mixinStandardHelpOptions = true,
        description = {"Browse a sparse index: its tokens, a token's postings, a document's vector.",
            "Without --token or --doc: the index's metadata and its --top tokens by document frequency, each"
                    + " with the min, mean and max of its exact weights. --token: the documents holding the"
                    + " token, heaviest first, with the exact and the indexed (9-bit) weight. --doc: the"
                    + " document's whole vector. No model is loaded."})
final class IndexInfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index folder (from `index`).")
    Path index;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N",
            description = "Tokens (or postings with --token) to list. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "List this token's postings (the token as the index stores it, e.g. ▁집 or ##ing)."
                    + " Default: the token list.")
    String token;

    @Option(names = "--doc", paramLabel = "ID",
            description = "Print this document's whole vector. Default: the token list.")
    String doc;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be >= 1, found " + top);
        }
        if (token != null && doc != null) {
            throw new ParameterException(spec.commandLine(), "give --token or --doc, not both");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (IndexBrowser browser = IndexBrowser.open(index)) {
            if (token != null) {
                TermPostings postings = browser.postings(token, top)
                        .orElseThrow(() -> new InputFormatException(browser.notInIndex(token)));
                print(out, postings);
            } else if (doc != null) {
                print(out, browser.document(doc));
            } else {
                List<TermStatistics> terms = browser.terms(ProgressListener.NONE, SemBridgeCli.cancellation(spec));
                print(out, browser.index().metadata(), browser.index().documentCount(), terms);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, IndexMetadata metadata, int documents, List<TermStatistics> terms) {
        List<TermStatistics> shown = terms.subList(0, Math.min(top, terms.size()));
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("index", index.toString());
            o.addProperty("documents", documents);
            o.addProperty("distinct_tokens", terms.size());
            o.addProperty("postings", metadata.postingCount());
            o.addProperty("model", metadata.modelPath());
            o.addProperty("corpus", metadata.corpus());
            o.addProperty("bm25_language", metadata.bm25Language().map(l -> l.code()).orElse(""));
            JsonArray array = new JsonArray();
            for (TermStatistics term : shown) {
                JsonObject t = new JsonObject();
                t.addProperty("token", term.token());
                t.addProperty("document_frequency", term.documentFrequency());
                t.addProperty("min_weight", term.minWeight());
                t.addProperty("mean_weight", term.meanWeight());
                t.addProperty("max_weight", term.maxWeight());
                array.add(t);
            }
            o.add("tokens", array);
            JsonOutput.print(out, o);
            return;
        }
        out.printf(Locale.ROOT, "index %s: %,d documents, %,d distinct tokens, %,d postings%n", index, documents,
                terms.size(), metadata.postingCount());
        out.printf(Locale.ROOT, "model %s, corpus %s, BM25 %s%n", metadata.modelPath(), metadata.corpus(),
                metadata.bm25Language().map(l -> l.code()).orElse("none"));
        out.printf(Locale.ROOT, "top %d tokens by document frequency:%n", shown.size());
        out.printf(Locale.ROOT, "%6s  %-24s %8s %10s %10s %10s%n", "rank", "token", "docs", "min", "mean", "max");
        for (int i = 0; i < shown.size(); i++) {
            TermStatistics term = shown.get(i);
            out.printf(Locale.ROOT, "%6d  %-24s %8d %10.4f %10.4f %10.4f%n", i + 1, term.token(),
                    term.documentFrequency(), term.minWeight(), term.meanWeight(), term.maxWeight());
        }
    }

    private void print(PrintWriter out, TermPostings postings) {
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("index", index.toString());
            o.addProperty("token", postings.token());
            o.addProperty("document_frequency", postings.documentFrequency());
            JsonArray array = new JsonArray();
            for (Posting posting : postings.postings()) {
                JsonObject p = new JsonObject();
                p.addProperty("doc_id", posting.docId());
                p.addProperty("exact_weight", posting.exactWeight());
                p.addProperty("indexed_weight", posting.indexedWeight());
                array.add(p);
            }
            o.add("postings", array);
            JsonOutput.print(out, o);
            return;
        }
        out.printf(Locale.ROOT, "token %s: in %,d documents; the %d heaviest:%n", postings.token(),
                postings.documentFrequency(), postings.postings().size());
        out.printf(Locale.ROOT, "%6s  %-24s %12s %12s%n", "rank", "doc", "exact", "indexed");
        for (int i = 0; i < postings.postings().size(); i++) {
            Posting posting = postings.postings().get(i);
            out.printf(Locale.ROOT, "%6d  %-24s %12.6f %12.6f%n", i + 1, posting.docId(), posting.exactWeight(),
                    posting.indexedWeight());
        }
    }

    private void print(PrintWriter out, DocumentVector vector) {
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("index", index.toString());
            o.addProperty("doc_id", vector.docId());
            o.addProperty("title", vector.title());
            JsonArray array = new JsonArray();
            for (DocumentVector.Entry entry : vector.entries()) {
                JsonObject e = new JsonObject();
                e.addProperty("token", entry.token());
                e.addProperty("exact_weight", entry.exactWeight());
                e.addProperty("indexed_weight", entry.indexedWeight());
                array.add(e);
            }
            o.add("vector", array);
            JsonOutput.print(out, o);
            return;
        }
        out.printf(Locale.ROOT, "document %s%s: %d tokens, exact weight sum %.4f%n", vector.docId(),
                vector.title().isBlank() ? "" : " (" + vector.title() + ")", vector.entries().size(),
                vector.exactSum());
        out.printf(Locale.ROOT, "%6s  %-24s %12s %12s%n", "rank", "token", "exact", "indexed");
        for (int i = 0; i < vector.entries().size(); i++) {
            DocumentVector.Entry entry = vector.entries().get(i);
            out.printf(Locale.ROOT, "%6d  %-24s %12.6f %12.6f%n", i + 1, entry.token(), entry.exactWeight(),
                    entry.indexedWeight());
        }
    }
}
