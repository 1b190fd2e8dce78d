package org.sembridge.engine.index;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Exports sparse vectors in the formats Anserini/Pyserini index and search with
/// (`-impact -pretokenized`), so that results can be reproduced outside the workbench.
///
/// - Documents: `JsonVectorCollection` JSON Lines,
///   `{"id": "<docid>", "contents": "", "vector": {"<token>": <int>, ...}}`, one document per line,
///   from the exact vectors stored in an index. Anserini indexes each token repeated `<int>` times
///   and scores by term frequency, so weights become integers: `round(w x scale)`, entries that
///   round to 0 dropped. `scale` = 100 is the convention of Anserini's SPLADE exports.
/// - Queries: TSV `qid TAB tokens`, each token repeated `round(w x scale)` times separated by
///   spaces (the pre-tokenized topic form; read them with `-topicreader TsvString` unless the ids
///   are integers). Pyserini's SPLADE query encoders use `round(w / 5 x 256)`, i.e. scale 51.2 on
///   a 0..5 range; pass whichever scale the comparison needs.
///
/// Tokens containing whitespace cannot survive Anserini's whitespace tokenisation and are
/// rejected. Files are written atomically.
public final class AnseriniExporter {

    /// The integer scale of Anserini's SPLADE collections: `round(w x 100)`.
    public static final double DEFAULT_SCALE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(AnseriniExporter.class);

    private AnseriniExporter() {
    }

    /// Writes every document of `index` as a `JsonVectorCollection` line.
    ///
    /// @param scale weights become `round(w x scale)`, `> 0`
    /// @return the number of documents written
    /// @throws InputFormatException when a token contains whitespace
    public static long writeDocumentVectors(SparseIndex index, Path file, double scale, ProgressListener progress,
            CancellationToken cancel) throws IOException, SemBridgeException {
        checkScale(scale);
        long[] written = {0};
        CheckedAtomicWrite.write(file, out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            index.forEachDocument((document, vector) -> {
                JsonWriter json = new JsonWriter(text);
                json.beginObject().name("id").value(document.id()).name("contents").value("");
                json.name("vector").beginObject();
                for (Map.Entry<String, Integer> entry : quantised(vector, scale, document.id()).entrySet()) {
                    json.name(entry.getKey()).value(entry.getValue());
                }
                json.endObject().endObject();
                text.write('\n');
                written[0]++;
            }, progress, cancel);
            text.flush();
        });
        LOG.info("wrote {} document vectors (scale {}) to {}", written[0], scale, file);
        return written[0];
    }

    /// Writes `queries` (query id to query, in order) as pre-tokenized topics.
    ///
    /// @param scale each token is repeated `round(w x scale)` times, `> 0`
    /// @throws InputFormatException when a query id or token contains whitespace
    public static void writeQueries(SequencedMap<String, SparseQuery> queries, Path file, double scale)
            throws IOException, SemBridgeException {
        checkScale(scale);
        CheckedAtomicWrite.write(file, out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (Map.Entry<String, SparseQuery> query : queries.entrySet()) {
                if (query.getKey().isEmpty() || query.getKey().codePoints().anyMatch(Character::isWhitespace)) {
                    throw new InputFormatException("query id '" + query.getKey() + "' is empty or contains"
                            + " whitespace; the Anserini topic format cannot represent it");
                }
                StringBuilder line = new StringBuilder(query.getKey()).append('\t');
                String separator = "";
                for (Map.Entry<String, Integer> entry
                        : quantised(query.getValue().weights(), scale, "query " + query.getKey()).entrySet()) {
                    for (int i = 0; i < entry.getValue(); i++) {
                        line.append(separator).append(entry.getKey());
                        separator = " ";
                    }
                }
                text.write(line.append('\n').toString());
            }
            text.flush();
        });
        LOG.info("wrote {} pre-tokenized queries (scale {}) to {}", queries.size(), scale, file);
    }

    /// `round(w x scale)` per token, largest first, zero results dropped.
    static SequencedMap<String, Integer> quantised(TermWeights vector, double scale, String owner)
            throws InputFormatException {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>();
        for (int i = 0; i < vector.size(); i++) {
            String token = vector.terms()[i];
            long value = Math.round(vector.weights()[i] * scale);
            if (value <= 0) {
                continue;
            }
            if (token.isEmpty() || token.codePoints().anyMatch(Character::isWhitespace)) {
                throw new InputFormatException("token '" + token + "' of " + owner + " is empty or contains whitespace;"
                        + " Anserini's pre-tokenized formats cannot represent it");
            }
            entries.add(Map.entry(token, Math.toIntExact(value)));
        }
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        SequencedMap<String, Integer> result = new LinkedHashMap<>();
        entries.forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }

    private static void checkScale(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive finite number, got " + scale);
        }
    }
}
