package org.sembridge.engine.index;

import java.util.List;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// What the index needs from a learned sparse encoder (SPLADE-style): texts in, one sparse vector
/// over vocabulary tokens per text out, plus the tokenizer alone for inference-free queries.
///
/// The adapter from the transformer encoder of `org.sembridge.engine.encoder` implements this;
/// tests use a deterministic encoder over a tiny vocabulary. Implementations are used from one
/// thread at a time.
public interface SparseTextEncoder {

    /// A stable identifier of the model *and* tokenizer that produce the vectors (e.g. a SHA-256
    /// over weights and vocabulary). An index records it, and searching that index with vectors
    /// from an encoder with another fingerprint is refused.
    String fingerprint();

    /// Encodes `texts`, in order: the result has one [TermWeights] per text, holding each
    /// vocabulary token with a non-zero weight once (SPLADE: max over positions of
    /// log(1 + ReLU(logit))).
    ///
    /// @param progress receives one report per block of texts
    /// @param cancel   checked once per block
    /// @throws SemBridgeException on bad input, a broken model, or cancellation
    List<TermWeights> encode(List<String> texts, ProgressListener progress, CancellationToken cancel)
            throws SemBridgeException;

    /// The vocabulary tokens of `text` in order, duplicates kept, without special tokens
    /// (`[CLS]`, `<s>`, padding): the basis of inference-free queries.
    ///
    /// @throws SemBridgeException when the text cannot be tokenized
    List<String> tokenize(String text) throws SemBridgeException;
}
