package org.sembridge.engine.transfer.baseline;

import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// One way to build the embedding rows of the target tokens that the overlap copy did not fill:
/// SemBridge itself or one of the paper's baselines (one implementation per method, Tribuo-style).
///
/// An initializer first makes an [InitializationPlan] (for weight-based methods the per-token
/// source weights; for statistical ones the fitted statistics), which is then applied to every
/// vocabulary-sized source matrix the model has (input embeddings, an untied decoder, the decoder
/// bias as an `nS x 1` matrix), so all of them get the same mapping.
public interface EmbeddingInitializer {

    /// The method this initializer implements, with its name, label and needs.
    TransferMethod method();

    /// The method name used on the command line and in `run.json`, e.g. `sembridge`, `focus`.
    default String name() {
        return method().name();
    }

    /// Whether [#plan] reads the bridge vectors ([TransferMethod#needsBridgeVectors()]);
    /// statistical baselines do not, so a run with them never embeds a single token.
    default boolean needsBridge() {
        return method().needsBridgeVectors();
    }

    /// Computes the plan for `input.newTargetIds()`.
    ///
    /// @throws SemBridgeException when the input cannot be used (e.g. a bridge dimension
    ///     mismatch), or `OperationCancelledException` when cancelled
    InitializationPlan plan(InitializationInput input, ProgressListener progress, CancellationToken cancel)
            throws SemBridgeException;
}
