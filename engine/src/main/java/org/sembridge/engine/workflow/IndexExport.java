package org.sembridge.engine.workflow;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SequencedMap;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.eval.Topic;
import org.sembridge.engine.eval.TopicsReader;
import org.sembridge.engine.index.AnseriniExporter;
import org.sembridge.engine.index.OpenSearchBulkExporter;
import org.sembridge.engine.index.SparseIndex;
import org.sembridge.engine.index.SparseQuery;
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.io.OutputMarker;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// The "export an index" job: writes the exact document vectors of an index for another search
/// engine, so that its rankings can be reproduced there (`sembridge export`).
///
/// - [#toAnserini]: `OUT/docs.jsonl`, a `JsonVectorCollection` with integer weights
///   `round(w x scale)`, and with queries `OUT/queries.tsv`, pre-tokenized topics with every
///   token repeated `round(w x scale)` times ([AnseriniExporter]).
/// - [#toOpenSearch]: `OUT/bulk.ndjson`, a `_bulk` body with the exact float weights in a
///   `rank_features` field, and `OUT/mapping.json`, the index mapping it needs
///   ([OpenSearchBulkExporter]).
///
/// An export is all or nothing: its files are written into a staging folder next to `out`, which
/// is renamed into place when complete, with an [OutputMarker] of kind [#OUTPUT_KIND]. An
/// existing `out` is replaced only when it is empty or a complete earlier export; any other
/// folder is refused and left as it is. Queries are encoded before any file is written, so a
/// missing or foreign query model leaves nothing behind. (The adapted model needs no export: a
/// run folder's `model/` already has the source's Hugging Face layout.)
public final class IndexExport {

    /// The Anserini document file in the output folder.
    public static final String ANSERINI_DOCUMENTS = "docs.jsonl";
    /// The Anserini query file in the output folder.
    public static final String ANSERINI_QUERIES = "queries.tsv";
    /// The OpenSearch bulk file in the output folder.
    public static final String OPENSEARCH_BULK = "bulk.ndjson";
    /// The OpenSearch mapping file in the output folder.
    public static final String OPENSEARCH_MAPPING = "mapping.json";
    /// The [OutputMarker] kind of an export folder.
    public static final String OUTPUT_KIND = "export";

    /// Encodes query texts for an opened index: the front-end's choice of query model, weighting
    /// and device (the index refuses vectors of a model with another fingerprint).
    @FunctionalInterface
    public interface QueryEncoding {

        /// The vectors of `texts`, in order.
        List<SparseQuery> encode(SparseIndex index, List<String> texts, ProgressListener progress,
                CancellationToken cancel) throws SemBridgeException, IOException;
    }

    private IndexExport() {
    }

    /// Exports `index` for Anserini/Pyserini into `out`.
    ///
    /// @param scale integer weight = `round(w x scale)`, `> 0` (100 is Anserini's SPLADE
    ///     convention, [AnseriniExporter#DEFAULT_SCALE])
    /// @param queries a topics file (`.tsv` or `.jsonl`) to export as well, encoded by `encoding`;
    ///     empty for documents only
    /// @throws org.sembridge.engine.InputFormatException when the queries file is malformed, a
    ///     token or query id contains whitespace, the scale is not positive, or `out` is an
    ///     unrelated non-empty folder
    /// @throws org.sembridge.engine.ModelFormatException when the query model cannot be loaded
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` was set; nothing
    ///     is published
    public static AnseriniExport toAnserini(Path index, Path out, double scale, Optional<Path> queries,
            QueryEncoding encoding, ProgressListener progress, CancellationToken cancel)
            throws SemBridgeException, IOException {
        List<Topic> topics = queries.isEmpty() ? List.of() : TopicsReader.read(queries.get());
        return publish(index, out, cancel, opened -> {
            SequencedMap<String, SparseQuery> encoded = encode(opened, topics, encoding, progress, cancel);
            return staging -> {
                long written = AnseriniExporter.writeDocumentVectors(opened, staging.resolve(ANSERINI_DOCUMENTS), scale,
                        progress, cancel);
                if (queries.isPresent()) {
                    AnseriniExporter.writeQueries(encoded, staging.resolve(ANSERINI_QUERIES), scale);
                }
                return new AnseriniExport(written, out.resolve(ANSERINI_DOCUMENTS), scale, topics.size(),
                        queries.map(file -> out.resolve(ANSERINI_QUERIES)));
            };
        });
    }

    /// Exports `index` for OpenSearch into `out`.
    ///
    /// @param indexName the target index named in the bulk action lines; empty for the index
    ///     folder's name, lower-cased, with characters OpenSearch refuses replaced by `-`
    /// @throws org.sembridge.engine.InputFormatException when `out` is an unrelated non-empty
    ///     folder
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` was set; nothing
    ///     is published
    public static OpenSearchExport toOpenSearch(Path index, Path out, Optional<String> indexName,
            ProgressListener progress, CancellationToken cancel) throws SemBridgeException, IOException {
        return publish(index, out, cancel, opened -> staging -> {
            String name = indexName.orElseGet(() -> defaultIndexName(opened));
            long written = OpenSearchBulkExporter.write(opened, staging.resolve(OPENSEARCH_BULK), name, progress,
                    cancel);
            AtomicFiles.writeString(staging.resolve(OPENSEARCH_MAPPING), mapping());
            return new OpenSearchExport(written, name, out.resolve(OPENSEARCH_BULK), out.resolve(OPENSEARCH_MAPPING));
        });
    }

    /// What an export does with the opened index before any file is written (encoding queries),
    /// giving the step that writes its files.
    private interface Preparation<R> {
        StagedWrite<R> prepare(SparseIndex opened) throws SemBridgeException, IOException;
    }

    /// Writes an export's files into the staging folder and describes them where they will be
    /// once published.
    private interface StagedWrite<R> {
        R into(Path staging) throws SemBridgeException, IOException;
    }

    private static <R> R publish(Path index, Path out, CancellationToken cancel, Preparation<R> preparation)
            throws SemBridgeException, IOException {
        try (SparseIndex opened = SparseIndex.open(index)) {
            OutputMarker.requireReplaceable(out, OUTPUT_KIND, "SemBridge export", "is not a SemBridge export");
            AtomicFiles.removeOrphans(out);
            StagedWrite<R> write = preparation.prepare(opened);
            Path staging = AtomicFiles.createStagingDirectory(out);
            boolean published = false;
            try {
                R result = write.into(staging);
                OutputMarker.write(staging, OUTPUT_KIND);
                cancel.throwIfCancelled("the export");
                AtomicFiles.publishDirectory(staging, out);
                published = true;
                return result;
            } finally {
                if (!published) {
                    AtomicFiles.deleteRecursively(staging);
                }
            }
        }
    }

    /// The topics encoded by id in file order (empty without topics).
    private static SequencedMap<String, SparseQuery> encode(SparseIndex opened, List<Topic> topics,
            QueryEncoding encoding, ProgressListener progress, CancellationToken cancel)
            throws SemBridgeException, IOException {
        SequencedMap<String, SparseQuery> encoded = new LinkedHashMap<>();
        if (topics.isEmpty()) {
            return encoded;
        }
        List<SparseQuery> vectors = encoding.encode(opened, topics.stream().map(Topic::text).toList(), progress,
                cancel);
        for (int i = 0; i < topics.size(); i++) {
            encoded.put(topics.get(i).id(), vectors.get(i));
        }
        return encoded;
    }

    private static String defaultIndexName(SparseIndex opened) {
        Path name = opened.folder().toAbsolutePath().normalize().getFileName();
        String text = name == null ? "sembridge"
                : name.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
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
        return new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n";
    }

    private static JsonObject type(String name) {
        JsonObject o = new JsonObject();
        o.addProperty("type", name);
        return o;
    }
}
