package org.sembridge.engine.workflow;

import java.util.List;
import java.util.Locale;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.index.SparseTextEncoder;
import org.sembridge.engine.index.TermWeights;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// A [SparseTextEncoder] that counts the documents it encodes, so an index build can report
/// documents and documents per second (the engine's build progress counts corpus bytes).
/// Used from the one build thread.
final class DocumentRateEncoder implements SparseTextEncoder {

    private final SparseTextEncoder encoder;
    private final long startNanos = System.nanoTime();
    private volatile long documents;

    DocumentRateEncoder(SparseTextEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public String fingerprint() {
        return encoder.fingerprint();
    }

    @Override
    public List<TermWeights> encode(List<String> texts, ProgressListener progress, CancellationToken cancel)
            throws SemBridgeException {
        List<TermWeights> vectors = encoder.encode(texts, progress, cancel);
        documents += texts.size();
        return vectors;
    }

    @Override
    public List<String> tokenize(String text) throws SemBridgeException {
        return encoder.tokenize(text);
    }

    /// Documents encoded so far.
    long documents() {
        return documents;
    }

    /// Documents per second of wall-clock time since this encoder was made.
    double documentsPerSecond() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds > 0 ? documents / seconds : 0;
    }

    /// `1,024 documents, 85 documents/s`.
    String describe() {
        return String.format(Locale.ROOT, "%,d documents, %.0f documents/s", documents, documentsPerSecond());
    }
}
