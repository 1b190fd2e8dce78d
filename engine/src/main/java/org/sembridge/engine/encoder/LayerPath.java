package org.sembridge.engine.encoder;

import java.util.Locale;
import java.util.Optional;

/// Where a CPU model's embeddings and transformer layers run, chosen per model by [#forShape]:
/// OpenBLAS products with Java row passes ([HostEncoder]) from a hidden size of
/// [#MIN_HOST_HIDDEN] on, libtorch operations through DJL ([TransformerLayer]) below it.
///
/// From measurements (`docs/encoding-profile.md`, "Which layers for which width": `bench encode`
/// per width with both paths, and indexing the demo corpus): per batch the host layers were
/// 1.9x (BERT-base) to 2.6x (256 and 384 wide) faster, and at 128 wide (the sample model and the
/// 262k demo model) 2.5x or more, once their Vector API kernels are compiled early (the launchers'
/// `CompileThresholdScaling` for [VectorKernels]; without it GELU ran uncompiled through most of
/// a small job's first batch, which is why the sample model had indexed faster in DJL). At 32
/// wide DJL was faster (per-batch fixed costs of the host path: buffers, a fork-join dispatch
/// per row pass); 64 wide was measured once, noisily, in favour of the host. The threshold sits at
/// the narrowest width measured faster on the host repeatedly.
///
/// The rule is a pure function of the shape, overridden by the `sembridge.encoder.layers`
/// property ([#parse]: `djl` or `host`, e.g. `SEMBRIDGE_JAVA_OPTS=-Dsembridge.encoder.layers=djl`
/// to measure one path against the other), so a model takes the same path in every process and
/// every batch: the two paths agree to about `1e-6` relative, not bit for bit. The host path still
/// needs OpenBLAS and weights readable in place; without them, and on a GPU, the layers run in DJL
/// whatever this says ([EncoderModel]).
enum LayerPath {

    /// OpenBLAS `sgemm` and Java row passes on the host ([HostEncoder]).
    HOST,
    /// libtorch operations through DJL ([TransformerLayer]).
    DJL;

    /// The smallest hidden size whose layers run on the host by default (measured; see above).
    static final int MIN_HOST_HIDDEN = 128;

    /// The path for a model of `hiddenSize` when no override is given.
    ///
    /// @throws IllegalArgumentException when `hiddenSize < 1`
    static LayerPath forShape(int hiddenSize) {
        if (hiddenSize < 1) {
            throw new IllegalArgumentException("hiddenSize must be >= 1, got " + hiddenSize);
        }
        return hiddenSize >= MIN_HOST_HIDDEN ? HOST : DJL;
    }

    /// The override's path (`djl` or `host`, any case, surrounding blanks ignored): empty when
    /// `value` is null or blank.
    ///
    /// @throws IllegalArgumentException naming the value when it is neither `djl` nor `host`
    static Optional<LayerPath> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "djl" -> Optional.of(DJL);
            case "host" -> Optional.of(HOST);
            default -> throw new IllegalArgumentException("-D" + EncoderModel.LAYERS_PROPERTY + ": expected djl or host,"
                    + " found \"" + value.strip() + "\"");
        };
    }
}
