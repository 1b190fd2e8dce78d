package org.sembridge.engine.encoder;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Optional;

import org.sembridge.engine.hf.TokenBatch;

/// The input layer of the host forward pass ([HostEncoder]): `LayerNorm(word[id] + position[pos]
/// + tokenType[0])` per token, the tables read in place, parallel over rows. Position ids as
/// [EmbeddingLayer]: `0 .. n-1`, or for RoBERTa and XLM-R `cumsum(id != pad) * (id != pad) + pad`.
final class HostEmbeddings {

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private final MemorySegment words;
    private final MemorySegment positions;
    private final float[] tokenType;
    private final HostNorm norm;
    private final boolean paddingOffsetPositions;
    private final long padTokenId;
    private final int hidden;
    private final long positionRows;

    private HostEmbeddings(MemorySegment words, MemorySegment positions, float[] tokenType, HostNorm norm,
            boolean paddingOffsetPositions, long padTokenId, int hidden, long positionRows) {
        this.words = words;
        this.positions = positions;
        this.tokenType = tokenType;
        this.norm = norm;
        this.paddingOffsetPositions = paddingOffsetPositions;
        this.padTokenId = padTokenId;
        this.hidden = hidden;
        this.positionRows = positionRows;
    }

    /// The host view of `layer`, or empty when a table cannot be read in place.
    static Optional<HostEmbeddings> of(EmbeddingLayer layer) {
        Optional<MemorySegment> words = HostTensors.view(layer.wordTable());
        Optional<MemorySegment> positions = HostTensors.view(layer.positionTable());
        if (words.isEmpty() || positions.isEmpty()) {
            return Optional.empty();
        }
        int hidden = Math.toIntExact(layer.wordTable().getShape().get(1));
        float[] tokenType = layer.tokenTypeTable() == null ? null
                : Arrays.copyOf(layer.tokenTypeTable().toFloatArray(), hidden);
        return Optional.of(new HostEmbeddings(words.get(), positions.get(), tokenType, HostNorm.of(layer.norm()),
                layer.paddingOffsetPositions(), layer.padTokenId(), hidden,
                layer.positionTable().getShape().get(0)));
    }

    /// Writes the embeddings of every position of `batch` (padding included) to `out`, row
    /// `text * length + position`, `hidden` floats each.
    void forward(TokenBatch batch, MemorySegment out) {
        int length = batch.length();
        long[][] positionIds = positionIds(batch);
        ParallelRows.forEach(batch.size() * length, hidden, (from, to) -> {
            float[] row = new float[hidden];
            float[] position = new float[hidden];
            for (int r = from; r < to; r++) {
                int text = r / length;
                int t = r % length;
                MemorySegment.copy(words, FLOAT, batch.ids()[text][t] * hidden * Float.BYTES, row, 0, hidden);
                MemorySegment.copy(positions, FLOAT, positionIds[text][t] * hidden * Float.BYTES, position, 0, hidden);
                for (int i = 0; i < hidden; i++) {
                    row[i] += position[i];
                }
                if (tokenType != null) {
                    for (int i = 0; i < hidden; i++) {
                        row[i] += tokenType[i];
                    }
                }
                norm.apply(row);
                MemorySegment.copy(row, 0, out, FLOAT, (long) r * hidden * Float.BYTES, hidden);
            }
        });
    }

    private long[][] positionIds(TokenBatch batch) {
        long[][] ids = new long[batch.size()][batch.length()];
        for (int text = 0; text < batch.size(); text++) {
            long count = 0;
            for (int t = 0; t < batch.length(); t++) {
                long id;
                if (!paddingOffsetPositions) {
                    id = t;
                } else if (batch.ids()[text][t] != padTokenId) {
                    count++;
                    id = count + padTokenId;
                } else {
                    id = padTokenId;
                }
                if (id < 0 || id >= positionRows) {
                    throw new IllegalArgumentException("position id " + id + " of text " + text + " outside the "
                            + positionRows + " rows of the position table");
                }
                ids[text][t] = id;
            }
        }
        return ids;
    }
}
