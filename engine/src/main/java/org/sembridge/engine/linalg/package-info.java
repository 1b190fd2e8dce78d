/// Native linear algebra outside libtorch: the bundled OpenBLAS called through the Java FFM API
/// (`java.lang.foreign`) on off-heap memory.
///
/// [OpenBlas] is the one binding. It exists because, measured on our AMD EPYC (AVX-512) CPUs,
/// OpenBLAS's SkylakeX `sgemm` kernel runs the transfer's similarity GEMM several times faster than
/// the oneMKL inside libtorch's CPU build (see `docs/benchmarks.md`), and because the benchmarks need
/// a reference product that is not the code under test.
///
/// Invariants: matrices are row-major `float32` in native segments whose bounds are checked in Java
/// before every call; the library may be missing (not Linux x86-64), so every caller has a DJL
/// path and [OpenBlas#available()] says which applies and why. The library has one process-wide
/// thread count; a caller that runs its own products in parallel (the fused SPLADE decoder)
/// makes them single-threaded for that time through [SingleThreadedBlas], which restores the
/// count when the last such caller is done.
package org.sembridge.engine.linalg;
