package org.sembridge.engine.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.SequencedMap;
import java.util.concurrent.Callable;
import org.sembridge.engine.eval.Topic;
import org.sembridge.engine.eval.TopicsReader;
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.io.OutputMarker;
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
/// The export is all or nothing: its files are written into a staging folder next to `--out`
/// and the folder is renamed into place when complete (with an [OutputMarker] of kind
/// [#OUTPUT_KIND]). An existing `--out` is replaced only when it is empty or a complete earlier
/// export; any other folder is refused and left as it is.
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

    /// The [OutputMarker] kind of an export folder.
    static final String OUTPUT_KIND = "export";

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
        List<Topic> topics = queries == null ? List.of() : TopicsReader.read(queries);
        CancellationToken cancel = SemBridgeCli.cancellation(spec);
        StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
        JsonObject report = new JsonObject();
        report.addProperty("format", format.name());
        try (SparseIndex opened = SparseIndex.open(index)) {
            OutputMarker.requireReplaceable(out, OUTPUT_KIND, "SemBridge export", "is not a SemBridge export");
            AtomicFiles.removeOrphans(out);
            SequencedMap<String, SparseQuery> encoded = encode(opened, topics, progress, cancel);
            Path staging = AtomicFiles.createStagingDirectory(out);
            boolean published = false;
            try {
                write(opened, encoded, topics.size(), staging, report, progress, cancel);
                OutputMarker.write(staging, OUTPUT_KIND);
                cancel.throwIfCancelled("the export");
                AtomicFiles.publishDirectory(staging, out);
                published = true;
            } finally {
                if (!published) {
                    AtomicFiles.deleteRecursively(staging);
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

    /// Writes the files of the export into `staging`; the report names them where they will be
    /// once published (in `out`).
    private void write(SparseIndex opened, SequencedMap<String, SparseQuery> encoded, int topicCount, Path staging,
            JsonObject report, StderrProgress progress, CancellationToken cancel) throws Exception {
        switch (format) {
            case anserini -> {
                long written = AnseriniExporter.writeDocumentVectors(opened, staging.resolve(ANSERINI_DOCUMENTS), scale,
                        progress, cancel);
                report.addProperty("documents", written);
                report.addProperty("documents_file", out.resolve(ANSERINI_DOCUMENTS).toString());
                report.addProperty("scale", scale);
                if (queries != null) {
                    AnseriniExporter.writeQueries(encoded, staging.resolve(ANSERINI_QUERIES), scale);
                    report.addProperty("queries", topicCount);
                    report.addProperty("queries_file", out.resolve(ANSERINI_QUERIES).toString());
                }
            }
            case opensearch -> {
                String name = indexName != null ? indexName : defaultIndexName(opened);
                long written = OpenSearchBulkExporter.write(opened, staging.resolve(OPENSEARCH_BULK), name, progress,
                        cancel);
                AtomicFiles.writeString(staging.resolve(OPENSEARCH_MAPPING), mapping());
                report.addProperty("documents", written);
                report.addProperty("index_name", name);
                report.addProperty("bulk_file", out.resolve(OPENSEARCH_BULK).toString());
                report.addProperty("mapping_file", out.resolve(OPENSEARCH_MAPPING).toString());
            }
        }
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
