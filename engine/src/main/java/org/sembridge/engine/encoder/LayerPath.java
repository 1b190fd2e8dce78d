package org.sembridge.engine.encoder;

import java.util.Locale;
import java.util.Optional;

/// Where a CPU model's embeddings and transformer layers run, chosen per model by [#forShape]:
/// OpenBLAS products with Java row passes ([HostEncoder]) from a hidden size of
/// [#MIN_HOST_HIDDEN] on, libtorch operations through DJL ([TransformerLayer]) below it.
///
/// Why by shape (measured, `docs/encoding-profile.md`, "Which layers for which width"): the host
/// path's products are several times faster than libtorch's on our AMD CPUs, which pays from
/// BERT-base down to 256-wide models; at a hidden size of 128 a product is a few microseconds and
/// the host path's fixed costs decide instead: its GELU and softmax run on the Vector API, which
/// is a hundred times slower until C2 has compiled them (about a second of CPU at the start of
/// every process, the whole first batch of a small job), and every batch allocates its buffers
/// and dispatches each row pass to the fork-join pool. The 128-wide sample model therefore
/// indexed the demo corpus faster in DJL, the 768-wide BERT-base encodes more than twice as fast
/// on the host.
///
/// The rule is a pure function of the shape, overridden by the `sembridge.encoder.layers`
/// property ([#parse]: `djl` or `host`, e.g. `SEMBRIDGE_JAVA_OPTS=-Dsembridge.encoder.layers=djl`
/// to measure one path against the other), so a model takes the same path in every process and
/// every batch:
/// the two paths agree to about `1e-6` relative, not bit for bit. The host path still needs
/// OpenBLAS and weights readable in place; without them, and on a GPU, the layers run in DJL
/// whatever this says ([EncoderModel]).
enum LayerPath {

    /// OpenBLAS `sgemm` and Java row passes on the host ([HostEncoder]).
    HOST,
    /// libtorch operations through DJL ([TransformerLayer]).
    DJL;

    /// The smallest hidden size whose layers run on the host by default.
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
