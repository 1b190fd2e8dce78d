package org.sembridge.engine.index;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Exports the documents of an index as an OpenSearch (or Elasticsearch) `_bulk` request body in
/// NDJSON: per document an action line `{"index":{"_index":"<name>","_id":"<docid>"}}` and a source
/// line `{"title":"...","text":"...","tokens":{"<token>":<weight>,...}}`.
///
/// `tokens` is meant for a `rank_features` field; the weights are the exact float weights from the
/// index (positive by construction, as `rank_features` requires). The index needs a mapping such as
/// `{"mappings":{"properties":{"title":{"type":"text"},"text":{"type":"text"},
/// "tokens":{"type":"rank_features"}}}}`; searching it with a `neural_sparse` or
/// `rank_feature` query then reproduces the sparse ranking (`rank_features` also keeps 9
/// significant bits). Token strings are written as they are. The file is written atomically.
public final class OpenSearchBulkExporter {

    /// The source field holding the sparse vector.
    public static final String VECTOR_FIELD = "tokens";

    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchBulkExporter.class);

    private OpenSearchBulkExporter() {
    }

    /// Writes every document of `index` as two bulk lines targeting the OpenSearch index
    /// `indexName`.
    ///
    /// @return the number of documents written
    public static long write(SparseIndex index, Path file, String indexName, ProgressListener progress,
            CancellationToken cancel) throws IOException, SemBridgeException {
        if (indexName.isBlank()) {
            throw new IllegalArgumentException("indexName must not be blank");
        }
        long[] written = {0};
        CheckedAtomicWrite.write(file, out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            index.forEachDocument((document, vector) -> {
                JsonWriter action = new JsonWriter(text);
                action.beginObject().name("index").beginObject()
                        .name("_index").value(indexName).name("_id").value(document.id())
                        .endObject().endObject();
                text.write('\n');
                JsonWriter source = new JsonWriter(text);
                source.beginObject().name("title").value(document.title()).name("text").value(document.text());
                source.name(VECTOR_FIELD).beginObject();
                for (int i = 0; i < vector.size(); i++) {
                    source.name(vector.terms()[i]).value(Float.valueOf(vector.weights()[i]));
                }
                source.endObject().endObject();
                text.write('\n');
                written[0]++;
            }, progress, cancel);
            text.flush();
        });
        LOG.info("wrote {} documents as OpenSearch bulk NDJSON for index '{}' to {}", written[0], indexName, file);
        return written[0];
    }
}
