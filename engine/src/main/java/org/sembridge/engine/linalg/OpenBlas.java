package org.sembridge.engine.linalg;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The OpenBLAS library bundled with the engine (`engine/target/natives/libopenblas.so`, unpacked
/// by `engine/pom.xml` from `org.bytedeco:openblas`), called through the Java FFM API: single
/// precision matrix products on off-heap memory, outside libtorch.
///
/// This is the engine's one binding to a native BLAS: the transfer's similarity blocks
/// ([org.sembridge.engine.transfer.TopKSupportSearch] on the CPU) and the benchmarks' external
/// references (`bench init`, `bench encode`) call the same [#sgemm]. Smile dlopens the same file
/// by name for PCA and UMAP; the dynamic linker then shares one copy of the library (and one
/// thread pool) with it.
///
/// Where it is looked for, in order: the system property `sembridge.openblas.library` (a file),
/// the bare name `libopenblas.so` (the dynamic linker: `LD_LIBRARY_PATH`, which the launchers and
/// the tests point at `engine/target/natives`, then the system folders), then
/// `<sembridge.natives.dir>/libopenblas.so` and `<sembridge.repo.root>/engine/target/natives/libopenblas.so`.
/// When none loads (no bundled natives: not Linux x86-64), [#available()] is empty and
/// [#unavailableReason()] says why; callers fall back to DJL.
///
/// Contract of [#sgemm]: row-major, `float32`, every matrix an off-heap (native) segment large
/// enough for its shape and leading dimension, checked before the call (native code does not
/// check bounds). The library's own threads do the work (by default one per core; see
/// [#threads()]); the calling thread blocks until the product is complete. Thread-safe.
public final class OpenBlas {

    private static final Logger LOG = LoggerFactory.getLogger(OpenBlas.class);

    /// `CblasRowMajor`.
    private static final int ROW_MAJOR = 101;
    /// `CblasNoTrans`.
    private static final int NO_TRANSPOSE = 111;
    /// `CblasTrans`.
    private static final int TRANSPOSE = 112;

    private static final String LIBRARY_PROPERTY = "sembridge.openblas.library";
    private static final String CORE_TYPE_VARIABLE = "OPENBLAS_CORETYPE";
    private static final String AVX512_CORE = "SkylakeX";

    private static final Loaded LOADED = load();

    private final Path libraryFile;
    private final MethodHandle sgemm;
    private final MethodHandle setThreads;
    private final MethodHandle getThreads;
    private final String config;
    private final String coreName;

    private OpenBlas(Path libraryFile, SymbolLookup library) throws Throwable {
        Linker linker = Linker.nativeLinker();
        this.libraryFile = libraryFile;
        this.sgemm = linker.downcallHandle(symbol(library, "cblas_sgemm"), FunctionDescriptor.ofVoid(JAVA_INT,
                JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_FLOAT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT,
                JAVA_FLOAT, ADDRESS, JAVA_INT));
        this.setThreads = linker.downcallHandle(symbol(library, "openblas_set_num_threads"),
                FunctionDescriptor.ofVoid(JAVA_INT));
        this.getThreads = linker.downcallHandle(symbol(library, "openblas_get_num_threads"),
                FunctionDescriptor.of(JAVA_INT));
        MethodHandle getConfig = linker.downcallHandle(symbol(library, "openblas_get_config"),
                FunctionDescriptor.of(ADDRESS));
        MethodHandle getCoreName = linker.downcallHandle(symbol(library, "openblas_get_corename"),
                FunctionDescriptor.of(ADDRESS));
        this.config = cString((MemorySegment) getConfig.invokeExact());
        this.coreName = cString((MemorySegment) getCoreName.invokeExact());
    }

    /// The loaded library, or empty when it cannot be loaded (the reason is logged once at INFO
    /// and returned by [#unavailableReason()]).
    public static Optional<OpenBlas> available() {
        return Optional.ofNullable(LOADED.blas());
    }

    /// Why [#available()] is empty; empty when the library is loaded.
    public static Optional<String> unavailableReason() {
        return Optional.ofNullable(LOADED.reason());
    }

    /// The file that was loaded (the bare name when the dynamic linker resolved it).
    public Path libraryFile() {
        return libraryFile;
    }

    /// `openblas_get_config()`, e.g. `OpenBLAS 0.3.26 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=...`.
    public String config() {
        return config;
    }

    /// `openblas_get_corename()`: the kernel family chosen for this CPU, e.g. `SkylakeX`, `Haswell`.
    public String coreName() {
        return coreName;
    }

    /// Threads OpenBLAS uses per call (`openblas_get_num_threads()`).
    public int threads() {
        try {
            return (int) getThreads.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("openblas_get_num_threads failed", e);
        }
    }

    /// Sets the threads OpenBLAS uses per call, process-wide (`openblas_set_num_threads`).
    ///
    /// @throws IllegalArgumentException when `count < 1`
    public void setThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, found " + count);
        }
        try {
            setThreads.invokeExact(count);
        } catch (Throwable e) {
            throw new IllegalStateException("openblas_set_num_threads failed", e);
        }
    }

    /// `C = alpha op(A) op(B) + beta C`, row-major `float32` (`cblas_sgemm`), where `op(X)` is `X`
    /// or its transpose: `op(A)` is `m x k`, `op(B)` is `k x n`, `C` is `m x n`.
    ///
    /// @param transposeA whether `A` is stored `k x m` (and used transposed)
    /// @param transposeB whether `B` is stored `n x k` (and used transposed); `A B^T` with both
    ///     stored row by row is `transposeB = true`
    /// @param lda,ldb,ldc leading dimensions (row strides in elements) of the stored matrices
    /// @throws IllegalArgumentException when a size is negative, a leading dimension is smaller
    ///     than its row, or a segment is on the heap or too small for its matrix
    public void sgemm(boolean transposeA, boolean transposeB, int m, int n, int k, float alpha, MemorySegment a,
            int lda, MemorySegment b, int ldb, float beta, MemorySegment c, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("sgemm sizes must be >= 0, found m " + m + ", n " + n + ", k " + k);
        }
        check("A", a, transposeA ? k : m, transposeA ? m : k, lda);
        check("B", b, transposeB ? n : k, transposeB ? k : n, ldb);
        check("C", c, m, n, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        try {
            sgemm.invokeExact(ROW_MAJOR, transposeA ? TRANSPOSE : NO_TRANSPOSE, transposeB ? TRANSPOSE : NO_TRANSPOSE,
                    m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        } catch (Throwable e) {
            throw new IllegalStateException("cblas_sgemm failed", e);
        }
    }

    /// `C = A B^T` for row-major `A` (`m x k`) and `B` (`n x k`) stored densely: `C` is `m x n`,
    /// `C[i][j] = <A_i, B_j>`. The layout of the similarity blocks (targets times sources).
    public void multiplyTransposed(MemorySegment a, MemorySegment b, MemorySegment c, int m, int n, int k) {
        sgemm(false, true, m, n, k, 1.0f, a, Math.max(1, k), b, Math.max(1, k), 0.0f, c, Math.max(1, n));
    }

    @Override
    public String toString() {
        return "OpenBLAS " + coreName + " (" + threads() + " threads, " + libraryFile + ")";
    }

    /// Checks that a stored `rows x columns` matrix with leading dimension `ld` fits `segment`.
    private static void check(String name, MemorySegment segment, int rows, int columns, int ld) {
        if (ld < Math.max(1, columns)) {
            throw new IllegalArgumentException("leading dimension of " + name + " is " + ld + ", expected >= "
                    + Math.max(1, columns));
        }
        if (!segment.isNative()) {
            throw new IllegalArgumentException("matrix " + name + " must be an off-heap segment, found a heap segment");
        }
        long needed = rows == 0 ? 0 : ((long) (rows - 1) * ld + columns) * Float.BYTES;
        if (segment.byteSize() < needed) {
            throw new IllegalArgumentException("matrix " + name + " (" + rows + " x " + columns + ", leading dimension "
                    + ld + ") needs " + needed + " bytes, the segment has " + segment.byteSize());
        }
    }

    private static MemorySegment symbol(SymbolLookup library, String name) {
        return library.find(name).orElseThrow(() -> new IllegalStateException("symbol " + name + " not found"));
    }

    private static String cString(MemorySegment pointer) {
        return pointer.equals(MemorySegment.NULL) ? "" : pointer.reinterpret(4096).getString(0).strip();
    }

    /// The library or the reason it is missing.
    private record Loaded(OpenBlas blas, String reason) {
    }

    private static Loaded load() {
        preferAvx512Kernels();
        List<String> failures = new ArrayList<>();
        for (String candidate : candidates()) {
            try {
                SymbolLookup library = candidate.contains("/")
                        ? SymbolLookup.libraryLookup(Path.of(candidate), Arena.global())
                        : SymbolLookup.libraryLookup(candidate, Arena.global());
                OpenBlas blas = new OpenBlas(Path.of(candidate), library);
                LOG.info("OpenBLAS loaded from {}: {}, {} threads", candidate, blas.config(), blas.threads());
                return new Loaded(blas, null);
            } catch (Throwable e) {
                failures.add(candidate + ": " + e.getMessage());
            }
        }
        String reason = "OpenBLAS could not be loaded (" + String.join("; ", failures) + "); the similarity blocks "
                + "run through DJL instead. On Linux x86-64 the build unpacks it into engine/target/natives";
        LOG.info("{}", reason);
        return new Loaded(null, reason);
    }

    /// OpenBLAS 0.3.26 does not recognise AMD CPUs with AVX-512 (Zen 4 and later) and runs its
    /// AVX2 `Haswell` kernels there; measured on our AMD EPYC, its `SkylakeX` kernels multiply
    /// about twice as fast. On such a CPU (vendor `AuthenticAMD` and the AVX-512 subsets those
    /// kernels use: F, CD, BW, DQ, VL in `/proc/cpuinfo`) this sets `OPENBLAS_CORETYPE=SkylakeX`
    /// in the process environment before the library is first loaded (the library reads it once,
    /// when it loads). A value the user set wins; nothing changes on other CPUs.
    private static void preferAvx512Kernels() {
        if (System.getenv(CORE_TYPE_VARIABLE) != null) {
            return;
        }
        String flags;
        try {
            Path cpuinfo = Path.of("/proc/cpuinfo");
            if (!Files.isReadable(cpuinfo)) {
                return;
            }
            String text = Files.readString(cpuinfo);
            if (!text.contains("AuthenticAMD")) {
                return;
            }
            int start = text.indexOf("\nflags");
            flags = start < 0 ? "" : text.substring(start, text.indexOf('\n', start + 1)) + " ";
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debug("cannot read /proc/cpuinfo: {}", e.toString());
            return;
        }
        for (String flag : List.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl")) {
            if (!flags.contains(" " + flag + " ")) {
                return;
            }
        }
        Linker linker = Linker.nativeLinker();
        try (Arena arena = Arena.ofConfined()) {
            MethodHandle setenv = linker.downcallHandle(symbol(linker.defaultLookup(), "setenv"),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
            int result = (int) setenv.invokeExact(arena.allocateFrom(CORE_TYPE_VARIABLE),
                    arena.allocateFrom(AVX512_CORE), 0);
            LOG.debug("AMD CPU with AVX-512: {}={} ({})", CORE_TYPE_VARIABLE, AVX512_CORE, result == 0 ? "set" : "failed");
        } catch (Throwable e) {
            LOG.debug("cannot set {}: {}", CORE_TYPE_VARIABLE, e.toString());
        }
    }

    private static List<String> candidates() {
        List<String> list = new ArrayList<>();
        String explicit = System.getProperty(LIBRARY_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            list.add(explicit);
        }
        list.add(System.mapLibraryName("openblas"));
        String natives = System.getProperty("sembridge.natives.dir");
        if (natives != null && !natives.isBlank()) {
            addIfFile(list, Path.of(natives, System.mapLibraryName("openblas")));
        }
        String root = System.getProperty("sembridge.repo.root");
        if (root != null && !root.isBlank()) {
            addIfFile(list, Path.of(root, "engine", "target", "natives", System.mapLibraryName("openblas")));
        }
        return list;
    }

    private static void addIfFile(List<String> list, Path file) {
        if (Files.isRegularFile(file)) {
            list.add(file.toAbsolutePath().toString());
        }
    }
}
