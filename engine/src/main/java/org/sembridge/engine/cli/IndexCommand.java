package org.sembridge.engine.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sembridge.engine.index.Bm25Language;
import org.sembridge.engine.index.IndexBuildReport;
import org.sembridge.engine.index.IndexMetadata;
import org.sembridge.engine.workflow.IndexBuildJob;
import org.sembridge.engine.workflow.IndexBuilding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `sembridge index --model DIR --corpus FILE --index DIR`: encodes a corpus with a SPLADE model
/// and builds a sparse Lucene index (optionally with a BM25 field), all or nothing.
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Encode a corpus with a sparse encoder and build a search index.",
            "The corpus is JSON Lines ({\"_id\"|\"docid\"|\"id\", \"title\"?, \"text\"|\"contents\"}) or TSV"
                    + " (id TAB text [TAB title]), optionally .gz. The index is built in a staging folder and"
                    + " published only when complete; Ctrl-C leaves the previous index untouched."})
final class IndexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Sparse encoder folder (*ForMaskedLM).")
    Path model;

    @Option(names = "--corpus", required = true, paramLabel = "FILE",
            description = "Corpus file: .jsonl or .tsv, optionally + .gz.")
    Path corpus;

    @Option(names = "--index", required = true, paramLabel = "DIR",
            description = "Index folder to create; a complete SemBridge index there (every file as built, nothing"
                    + " added) is replaced, any other non-empty folder is refused.")
    Path index;

    @Option(names = "--bm25-language", paramLabel = "ko|zh|ar|hi|ru|en",
            description = "Also index title + text for a BM25 baseline with this language's analyzer."
                    + " Default: no BM25 field.")
    String bm25Language;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "N",
            description = "Documents encoded per forward pass (memory grows with it). Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Mixin
    DeviceOption device;

    @Mixin
    LineLimitOption lineLimit;

    @Override
    public Integer call() throws Exception {
        if (batch < 1) {
            throw new ParameterException(spec.commandLine(), "--batch must be >= 1, found " + batch);
        }
        Optional<Bm25Language> language = bm25Language == null ? Optional.empty()
                : Optional.of(Bm25Language.forCode(bm25Language));
        IndexBuildJob job = new IndexBuildJob(corpus, index, model, language, batch, lineLimit.bytes(),
                device.choice());
        IndexBuildReport report = IndexBuilding.build(job, new StderrProgress(spec.commandLine().getErr()),
                SemBridgeCli.cancellation(spec));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, toJson(report));
        } else {
            printText(out, report);
        }
        return ExitCodes.OK;
    }

    private static JsonObject toJson(IndexBuildReport report) {
        IndexMetadata m = report.metadata();
        JsonObject o = new JsonObject();
        o.addProperty("index", report.indexFolder().toString());
        o.addProperty("model", m.modelPath());
        o.addProperty("fingerprint", m.encoderFingerprint());
        o.addProperty("corpus", m.corpus());
        o.addProperty("documents", m.documentCount());
        o.addProperty("skipped_empty_documents", m.skippedEmptyDocuments());
        o.addProperty("documents_without_tokens", m.documentsWithoutTokens());
        o.addProperty("postings", m.postingCount());
        o.addProperty("dropped_weights", m.droppedWeightCount());
        o.addProperty("bm25_language", m.bm25Language().map(Bm25Language::code).orElse(null));
        o.addProperty("seconds", report.elapsedNanos() / 1e9);
        o.addProperty("documents_per_second", report.documentsPerSecond());
        return o;
    }

    private static void printText(PrintWriter out, IndexBuildReport report) {
        IndexMetadata m = report.metadata();
        out.printf(Locale.ROOT, "indexed %,d documents into %s in %.1f s (%.0f docs/s)%n", m.documentCount(),
                report.indexFolder(), report.elapsedNanos() / 1e9, report.documentsPerSecond());
        out.printf(Locale.ROOT, "postings    %,d (%.1f per document)%n", m.postingCount(),
                m.documentCount() == 0 ? 0.0 : (double) m.postingCount() / m.documentCount());
        out.printf(Locale.ROOT, "skipped     %,d empty documents; %,d documents without tokens; %,d weights"
                + " dropped%n", m.skippedEmptyDocuments(), m.documentsWithoutTokens(), m.droppedWeightCount());
        out.printf(Locale.ROOT, "BM25        %s%n", m.bm25Language().map(Bm25Language::code).orElse("(none)"));
        out.printf(Locale.ROOT, "model       %s%n", m.modelPath());
        out.printf(Locale.ROOT, "fingerprint %s%n", m.encoderFingerprint());
    }
}
