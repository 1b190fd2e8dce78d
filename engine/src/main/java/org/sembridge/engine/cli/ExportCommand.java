package org.sembridge.engine.cli;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.index.SparseIndex;
import org.sembridge.engine.index.SparseQuery;
import org.sembridge.engine.index.SpladeTextEncoder;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.workflow.AnseriniExport;
import org.sembridge.engine.workflow.IndexExport;
import org.sembridge.engine.workflow.OpenSearchExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `sembridge export --index DIR --format anserini|opensearch --out DIR`: writes the exact
/// document vectors of an index for another search engine, so its rankings can be reproduced
/// there.
///
/// - `anserini`: `OUT/docs.jsonl`, a `JsonVectorCollection` with integer weights
///   `round(w x scale)` (scale 100 as in Anserini's SPLADE collections); with `--queries` also
///   `OUT/queries.tsv`, pre-tokenized topics with every token repeated `round(w x scale)` times.
///   Index with `-collection JsonVectorCollection -impact -pretokenized`.
/// - `opensearch`: `OUT/bulk.ndjson`, a `_bulk` body with the exact float weights in a
///   `rank_features` field, and `OUT/mapping.json`, the index mapping it needs.
///
/// The export is all or nothing (staging folder renamed into place, an earlier export replaced
/// as a whole, any other folder refused): the [IndexExport] workflow service does it; this
/// command parses the options, encodes `--queries` with the [QueryEncoderOptions] and prints the
/// report.
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the document vectors of an index for Anserini/Pyserini or OpenSearch.",
            "anserini: OUT/docs.jsonl (JsonVectorCollection, weights round(w x scale)) and, with --queries,"
                    + " OUT/queries.tsv (qid TAB tokens, each repeated round(w x scale) times).",
            "opensearch: OUT/bulk.ndjson (_bulk body, rank_features field \"tokens\") and OUT/mapping.json."})
final class ExportCommand implements Callable<Integer> {

    /// The Anserini document file in the output folder.
    static final String ANSERINI_DOCUMENTS = IndexExport.ANSERINI_DOCUMENTS;
    /// The Anserini query file in the output folder.
    static final String ANSERINI_QUERIES = IndexExport.ANSERINI_QUERIES;
    /// The OpenSearch bulk file in the output folder.
    static final String OPENSEARCH_BULK = IndexExport.OPENSEARCH_BULK;
    /// The OpenSearch mapping file in the output folder.
    static final String OPENSEARCH_MAPPING = IndexExport.OPENSEARCH_MAPPING;

    /// The export formats.
    enum Format {
        anserini, opensearch
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index folder (from `index`).")
    Path index;

    @Option(names = "--format", required = true, paramLabel = "anserini|opensearch",
            description = "Export format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: created, or replaced when it is empty or an earlier export;"
                    + " any other folder is refused.")
    Path out;

    @Option(names = "--queries", paramLabel = "FILE",
            description = "Also export these queries (.tsv or .jsonl), encoded like `search` does (anserini only)."
                    + " Default: documents only.")
    Path queries;

    @Option(names = "--scale", defaultValue = "100", paramLabel = "X",
            description = "anserini: integer weight = round(w x X); 100 is Anserini's SPLADE convention,"
                    + " 51.2 that of Pyserini's SPLADE query encoders (round(w / 5 x 256)). Default: ${DEFAULT-VALUE}.")
    double scale;

    @Option(names = "--index-name", paramLabel = "NAME",
            description = "opensearch: the target index in the bulk action lines. Default: the index folder's name.")
    String indexName;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Mixin
    QueryEncoderOptions encoderOptions;

    @Override
    public Integer call() throws Exception {
        if (queries != null && format != Format.anserini) {
            throw new ParameterException(spec.commandLine(), "--queries is only supported with --format anserini");
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new ParameterException(spec.commandLine(), "--scale must be a positive number, found " + scale);
        }
        CancellationToken cancel = SemBridgeCli.cancellation(spec);
        StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
        JsonObject report = switch (format) {
            case anserini -> report(IndexExport.toAnserini(index, out, scale, Optional.ofNullable(queries),
                    this::encodeQueries, progress, cancel));
            case opensearch -> report(IndexExport.toOpenSearch(index, out, Optional.ofNullable(indexName), progress,
                    cancel));
        };
        PrintWriter printer = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(printer, report);
        } else {
            report.entrySet().forEach(e -> printer.printf(Locale.ROOT, "%-14s %s%n", e.getKey(), e.getValue().getAsString()));
        }
        return ExitCodes.OK;
    }

    /// The `--queries` texts encoded like `search` does: `--model` or the index's recorded
    /// model, `--inference-free`, `--device`.
    private List<SparseQuery> encodeQueries(SparseIndex opened, List<String> texts, ProgressListener progress,
            CancellationToken cancel) throws SemBridgeException, IOException {
        try (SpladeTextEncoder encoder = encoderOptions.load(opened)) {
            return encoderOptions.queryEncoder(encoder).encode(texts, progress, cancel);
        }
    }

    private static JsonObject report(AnseriniExport export) {
        JsonObject report = new JsonObject();
        report.addProperty("format", Format.anserini.name());
        report.addProperty("documents", export.documents());
        report.addProperty("documents_file", export.documentsFile().toString());
        report.addProperty("scale", export.scale());
        export.queriesFile().ifPresent(file -> {
            report.addProperty("queries", export.queries());
            report.addProperty("queries_file", file.toString());
        });
        return report;
    }

    private static JsonObject report(OpenSearchExport export) {
        JsonObject report = new JsonObject();
        report.addProperty("format", Format.opensearch.name());
        report.addProperty("documents", export.documents());
        report.addProperty("index_name", export.indexName());
        report.addProperty("bulk_file", export.bulkFile().toString());
        report.addProperty("mapping_file", export.mappingFile().toString());
        return report;
    }
}
