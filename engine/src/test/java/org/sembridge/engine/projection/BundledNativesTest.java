package org.sembridge.engine.projection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import smile.manifold.UMAP;
import smile.math.MathEx;

/// The build unpacks OpenBLAS and ARPACK into `engine/target/natives` and surefire puts that
/// folder on `LD_LIBRARY_PATH` (see the package guide). This checks that Smile's UMAP, which
/// needs both, loads them from there and not from a system package such as Debian's
/// libopenblas-dev.
@EnabledOnOs(value = OS.LINUX, architectures = "amd64")
class BundledNativesTest {

    @Test
    void smileUmapRunsOnTheBundledOpenBlasAndArpack() throws Exception {
        Path natives = Path.of(System.getProperty("sembridge.natives.dir")).toRealPath();
        NativeLinearAlgebra.requireAvailable();
        MathEx.setSeed(1);
        // One Gaussian blob: a connected neighbour graph, so Smile starts from ARPACK's spectral layout.
        double[][] data = TestPoints.asDoubles(MapInput.of(TestPoints.gaussian(60, 5, 1), TestPoints.labels(60, "en"),
                List.of()));

        UMAP.fit(data, new UMAP.Options(10));

        List<Path> loaded = NativeLinearAlgebra.loadedLibraryFiles();
        System.out.println("loaded native libraries: " + loaded);
        assertTrue(loaded.stream().anyMatch(p -> p.getFileName().toString().startsWith("libopenblas")), "OpenBLAS");
        assertTrue(loaded.stream().anyMatch(p -> p.getFileName().toString().startsWith("libarpack")), "ARPACK");
        assertFalse(loaded.isEmpty());
        for (Path library : loaded) {
            assertTrue(library.startsWith(natives), library + " is not from " + natives);
        }
    }
}
