/// Reading and writing the safetensors tensor format, without DJL and without loading whole files.
///
/// Key classes:
///
/// - [SafetensorsFile] maps a file read-only (`FileChannel.map` into a shared `Arena`, `long`
///   offsets, so files over 2 GiB work) and validates the whole header on open;
/// - [SafetensorsWriter] collects tensors and writes a file atomically through
///   `org.sembridge.engine.io.AtomicFiles`;
/// - [TensorInfo] is one header entry, [DType] an element type.
///
/// Format: an unsigned little-endian 64-bit header length `n`; `n` bytes of UTF-8 JSON mapping each
/// tensor name to `{"dtype", "shape", "data_offsets": [begin, end]}` plus an optional
/// `"__metadata__"` object of strings; then the data area, where a tensor occupies bytes
/// `[begin, end)` in little-endian row-major order.
///
/// Invariants the reader guarantees after `open`: the header is at most 100,000,000 bytes of
/// strict JSON; every dtype is known; every span lies inside the data area, matches
/// `product(shape) * dtype.byteSize()` and overlaps no other non-empty span. Every problem is a
/// `ModelFormatException` naming the file, the tensor and what was expected versus found; the
/// reader throws nothing else for any input bytes (a fuzz test checks this).
///
/// Precision: `F16` and `BF16` widen to `float` exactly; `BF16` is decoded in Java because a BF16
/// NDArray aborts the JVM; `F64` is rounded to the nearest `float`. The writer aligns the data area
/// to 8 bytes by padding the header with spaces. See `docs/adr/0002-read-safetensors-ourselves.md`.
package org.sembridge.engine.safetensors;
