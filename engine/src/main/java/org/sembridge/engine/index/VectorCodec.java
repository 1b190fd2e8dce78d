package org.sembridge.engine.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/// Packs the exact float vector of a document into bytes for binary doc values, and back.
///
/// Layout (Lucene `DataOutput` primitives): `vInt n`, then `n` times the term as a vInt-length
/// UTF-8 string and the weight's IEEE-754 bits as a little-endian `int`. Weights round-trip
/// bit-exactly.
final class VectorCodec {

    private VectorCodec() {
    }

    static BytesRef encode(String[] terms, float[] weights, int count) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeVInt(count);
            for (int i = 0; i < count; i++) {
                out.writeString(terms[i]);
                out.writeInt(Float.floatToRawIntBits(weights[i]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory output cannot fail", e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    static TermWeights decode(BytesRef bytes) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        int count = in.readVInt();
        String[] terms = new String[count];
        float[] weights = new float[count];
        for (int i = 0; i < count; i++) {
            terms[i] = in.readString();
            weights[i] = Float.intBitsToFloat(in.readInt());
        }
        return new TermWeights(terms, weights);
    }
}
