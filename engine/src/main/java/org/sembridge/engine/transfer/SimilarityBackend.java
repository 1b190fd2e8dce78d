package org.sembridge.engine.transfer;

import java.util.Optional;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.linalg.OpenBlas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Where the similarity blocks of a transfer are multiplied, chosen once from the device: the
/// one place that decides between the two code paths.
///
/// - **CPU with OpenBLAS** ([OpenBlas#available()]): `cblas_sgemm` on off-heap blocks, top-K
///   selection in Java over each block, parallel over rows. Measured on our AMD EPYC CPUs this
///   reaches the external reference's GEMM speed, where libtorch's oneMKL reached a quarter of it
///   (`docs/benchmarks.md`).
/// - **DJL** on a GPU (asynchronous GEMM and device `topK`, host work overlapping the next block),
///   and on a CPU without the bundled OpenBLAS (not Linux x86-64; the reason is logged).
///
/// Softmax (`alpha = 1`) always takes the DJL path: its log-partition needs an `exp` of every
/// similarity, which the device does in bulk (see [TopKSupportSearch]).
///
/// @param device the device of the DJL path (and of the caller's other tensor work)
/// @param blas the library of the BLAS path; empty for the DJL path
/// @param reason why this path was chosen, for logs and benchmark reports
public record SimilarityBackend(SelectedDevice device, Optional<OpenBlas> blas, String reason) {

    private static final Logger LOG = LoggerFactory.getLogger(SimilarityBackend.class);

    /// The backend for `device`: OpenBLAS on a CPU where it loads, else DJL on `device`.
    public static SimilarityBackend forDevice(SelectedDevice device) {
        if (device.isGpu()) {
            return new SimilarityBackend(device, Optional.empty(), "the device is a GPU");
        }
        Optional<OpenBlas> blas = OpenBlas.available();
        if (blas.isPresent()) {
            return new SimilarityBackend(device, blas, "CPU with OpenBLAS " + blas.get().coreName());
        }
        String reason = OpenBlas.unavailableReason().orElse("OpenBLAS is not available");
        LOG.debug("similarity blocks on DJL {}: {}", device.name(), reason);
        return new SimilarityBackend(device, Optional.empty(), reason);
    }

    /// The DJL path on `device` whatever the device (tests comparing the two paths, and softmax).
    public static SimilarityBackend djl(SelectedDevice device) {
        return new SimilarityBackend(device, Optional.empty(), "requested");
    }

    /// Whether the blocks are multiplied by OpenBLAS.
    public boolean usesBlas() {
        return blas.isPresent();
    }

    /// A short label, e.g. `OpenBLAS SkylakeX (2 threads)` or `DJL cpu()`.
    public String label() {
        return blas.map(b -> "OpenBLAS " + b.coreName() + " (" + b.threads() + " threads)")
                .orElse("DJL " + device.name());
    }
}
