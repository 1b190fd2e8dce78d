package org.sembridge.engine.projection;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Checks, before any Smile matrix code runs, that the native OpenBLAS library Smile calls can be
/// loaded, and reports which file was loaded.
///
/// Smile 6.3.0 binds BLAS and LAPACK when its class `smile.linalg.blas.cblas_h` initialises, with
/// `SymbolLookup.libraryLookup(System.mapLibraryName(name), arena)` where `name` is the system
/// property `smile.lib.blas` (default `openblas`). That is a plain `dlopen("libopenblas.so")`: the
/// dynamic linker searches `LD_LIBRARY_PATH`, `/etc/ld.so.cache` and the system folders, never
/// `java.library.path`, and the property can change only the name, not the folder. A failure
/// there leaves Smile's class unusable for the life of the JVM, so this check loads the same name
/// first and turns a failure into a [NativeLibraryException] that explains the fix.
public final class NativeLinearAlgebra {

    private static final Logger LOG = LoggerFactory.getLogger(NativeLinearAlgebra.class);

    private static volatile boolean available;

    private NativeLinearAlgebra() {
    }

    /// Loads the BLAS library Smile will load, once per JVM.
    ///
    /// @throws NativeLibraryException when the dynamic linker cannot find or load it
    public static void requireAvailable() throws NativeLibraryException {
        if (available) {
            return;
        }
        synchronized (NativeLinearAlgebra.class) {
            if (available) {
                return;
            }
            String name = System.mapLibraryName(System.getProperty("smile.lib.blas", "openblas"));
            try {
                SymbolLookup.libraryLookup(name, Arena.global());
            } catch (IllegalArgumentException e) {
                String path = System.getenv("LD_LIBRARY_PATH");
                throw new NativeLibraryException("cannot load the native linear-algebra library " + name
                        + " that PCA, t-SNE and UMAP need (looked in LD_LIBRARY_PATH="
                        + (path == null ? "<unset>" : path) + " and the system folders). Start the JVM through "
                        + "bin/sembridge or bin/workbench, which put engine/target/natives on LD_LIBRARY_PATH, "
                        + "or install OpenBLAS (Debian: apt-get install libopenblas-dev)", e);
            }
            available = true;
            LOG.info("native linear algebra: {} loaded from {}", name, loadedLibraryFiles());
        }
    }

    /// The native OpenBLAS, ARPACK and gfortran files mapped into this process, read from
    /// `/proc/self/maps`; empty where that file does not exist (not Linux) or nothing is loaded yet.
    public static List<Path> loadedLibraryFiles() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return List.of();
        }
        try (var lines = Files.lines(maps)) {
            return lines.map(line -> line.indexOf('/') < 0 ? "" : line.substring(line.indexOf('/')))
                    .filter(file -> file.contains("libopenblas") || file.contains("libarpack")
                            || file.contains("libgfortran"))
                    .distinct()
                    .map(Path::of)
                    .toList();
        } catch (IOException e) {
            LOG.debug("cannot read {}", maps, e);
            return List.of();
        }
    }
}
