package org.sembridge.engine.experiment;

/// Whether an experiment may use the work of an earlier invocation in the same output folder.
public enum ReusePolicy {
    /// Use an earlier transfer run when its parameters and input hashes match, and earlier scores
    /// when the model fingerprint and the collection's file hashes match (the default).
    REUSE_MATCHING,
    /// Run every transfer and evaluation again (`--rerun`).
    RECOMPUTE
}
