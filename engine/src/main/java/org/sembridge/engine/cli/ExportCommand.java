package org.sembridge.engine.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.SequencedMap;
import java.util.concurrent.Callable;
import org.sembridge.engine.eval.Topic;
import org.sembridge.engine.eval.TopicsReader;
import org.sembridge.engine.export.AtomicFiles;
import org.sembridge.engine.index.AnseriniExporter;
import org.sembridge.engine.index.OpenSearchBulkExporter;
import org.sembridge.engine.index.SparseIndex;
import org.sembridge.engine.index.SparseQuery;
import org.sembridge.engine.index.SpladeTextEncoder;
import org.sembridge.engine.progress.CancellationToken;
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
/// Every file is written atomically.
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the document vectors of an index for Anserini/Pyserini or OpenSearch.",
            "anserini: OUT/docs.jsonl (JsonVectorCollection, weights round(w x scale)) and, with --queries,"
                    + " OUT/queries.tsv (qid TAB tokens, each repeated round(w x scale) times).",
            "opensearch: OUT/bulk.ndjson (_bulk body, rank_features field \"tokens\") and OUT/mapping.json."})
final class ExportCommand implements Callable<Integer> {

    /// The Anserini document file in the output folder.
    static final String ANSERINI_DOCUMENTS = "docs.jsonl";
    /// The Anserini query file in the output folder.
    static final String ANSERINI_QUERIES = "queries.tsv";
    /// The OpenSearch bulk file in the output folder.
    static final String OPENSEARCH_BULK = "bulk.ndjson";
    /// The OpenSearch mapping file in the output folder.
    static final String OPENSEARCH_MAPPING = "mapping.json";

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

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
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
        List<Topic> topics = queries == null ? List.of() : TopicsReader.read(queries);
        CancellationToken cancel = SemBridgeCli.cancellation(spec);
        StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
        JsonObject report = new JsonObject();
        report.addProperty("format", format.name());
        try (SparseIndex opened = SparseIndex.open(index)) {
            SequencedMap<String, SparseQuery> encoded = encode(opened, topics, progress, cancel);
            Files.createDirectories(out);
            switch (format) {
                case anserini -> {
                    Path documents = out.resolve(ANSERINI_DOCUMENTS);
                    long written = AnseriniExporter.writeDocumentVectors(opened, documents, scale, progress, cancel);
                    report.addProperty("documents", written);
                    report.addProperty("documents_file", documents.toString());
                    report.addProperty("scale", scale);
                    if (queries != null) {
                        Path queryFile = out.resolve(ANSERINI_QUERIES);
                        AnseriniExporter.writeQueries(encoded, queryFile, scale);
                        report.addProperty("queries", topics.size());
                        report.addProperty("queries_file", queryFile.toString());
                    }
                }
                case opensearch -> {
                    String name = indexName != null ? indexName : defaultIndexName(opened);
                    Path bulk = out.resolve(OPENSEARCH_BULK);
                    long written = OpenSearchBulkExporter.write(opened, bulk, name, progress, cancel);
                    Path mapping = out.resolve(OPENSEARCH_MAPPING);
                    AtomicFiles.writeString(mapping, mapping());
                    report.addProperty("documents", written);
                    report.addProperty("index_name", name);
                    report.addProperty("bulk_file", bulk.toString());
                    report.addProperty("mapping_file", mapping.toString());
                }
            }
        }
        PrintWriter printer = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(printer, report);
        } else {
            report.entrySet().forEach(e -> printer.printf(Locale.ROOT, "%-14s %s%n", e.getKey(), e.getValue().getAsString()));
        }
        return ExitCodes.OK;
    }

    /// The `--queries` topics encoded like `search` does, by id in file order (empty without
    /// `--queries`); run before any file is written, so that a missing or foreign model leaves no
    /// half export behind.
    private SequencedMap<String, SparseQuery> encode(SparseIndex opened, List<Topic> topics, StderrProgress progress,
            CancellationToken cancel) throws Exception {
        SequencedMap<String, SparseQuery> encoded = new LinkedHashMap<>();
        if (topics.isEmpty()) {
            return encoded;
        }
        try (SpladeTextEncoder encoder = encoderOptions.load(opened)) {
            List<SparseQuery> vectors = encoderOptions.queryEncoder(encoder)
                    .encode(topics.stream().map(Topic::text).toList(), progress, cancel);
            for (int i = 0; i < topics.size(); i++) {
                encoded.put(topics.get(i).id(), vectors.get(i));
            }
        }
        return encoded;
    }

    private static String defaultIndexName(SparseIndex opened) {
        Path name = opened.folder().toAbsolutePath().normalize().getFileName();
        String text = name == null ? "sembridge" : name.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        return text.isEmpty() || text.startsWith("-") || text.startsWith("_") ? "sembridge-" + text : text;
    }

    private static String mapping() {
        JsonObject properties = new JsonObject();
        properties.add("title", type("text"));
        properties.add("text", type("text"));
        properties.add(OpenSearchBulkExporter.VECTOR_FIELD, type("rank_features"));
        JsonObject mappings = new JsonObject();
        mappings.add("properties", properties);
        JsonObject root = new JsonObject();
        root.add("mappings", mappings);
        return new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n";
    }

    private static JsonObject type(String name) {
        JsonObject o = new JsonObject();
        o.addProperty("type", name);
        return o;
    }
}
