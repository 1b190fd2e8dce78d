package org.sembridge.engine.workflow;

import java.util.List;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.index.SparseTextEncoder;
import org.sembridge.engine.index.TermWeights;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// A [SparseTextEncoder] that lets one thread at a time into the encoder it wraps: encoders are
/// single-threaded, and a front-end may search on one thread while an evaluation runs on another.
/// Package-private: [OpenedIndex] wraps its query encoder in one.
final class SerializedEncoder implements SparseTextEncoder {

    private final SparseTextEncoder encoder;

    SerializedEncoder(SparseTextEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public String fingerprint() {
        return encoder.fingerprint();
    }

    @Override
    public synchronized List<TermWeights> encode(List<String> texts, ProgressListener progress,
            CancellationToken cancel) throws SemBridgeException {
        return encoder.encode(texts, progress, cancel);
    }

    @Override
    public synchronized List<String> tokenize(String text) throws SemBridgeException {
        return encoder.tokenize(text);
    }
}
