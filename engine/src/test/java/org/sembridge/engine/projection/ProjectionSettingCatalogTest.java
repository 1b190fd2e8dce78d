package org.sembridge.engine.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionSettingCatalogTest {

    @Test
    void defaultsOfTheDescriptorsAreTheRecordsDefaults() {
        assertEquals(TsneParameters.defaults(), ProjectionParameters.of(ProjectionMethod.TSNE, Map.of()));
        assertEquals(UmapParameters.defaults(), ProjectionParameters.of(ProjectionMethod.UMAP, Map.of()));
        assertEquals(new PcaParameters(), ProjectionParameters.of(ProjectionMethod.PCA, Map.of("seed", 3L)));
    }

    @Test
    void everyDescribedSettingIsReadBackUnderItsName() {
        ProjectionSettingCatalog catalog = ProjectionSettingCatalog.standard();
        for (ProjectionMethod method : ProjectionMethod.values()) {
            List<String> names = catalog.of(method).stream().map(ProjectionSetting::name).toList();
            ProjectionParameters defaults = ProjectionParameters.of(method, Map.of());
            assertEquals(List.copyOf(defaults.settings().keySet()), names, method.toString());
        }
        assertEquals(new UmapParameters(7, 0.3, 40, 9), ProjectionParameters.of(ProjectionMethod.UMAP,
                Map.of("neighbours", 7, "minDist", 0.3, "epochs", 40, "seed", 9L)));
    }

    @Test
    void workbenchOrderPutsSharedSettingsLast() {
        assertEquals(List.of("perplexity", "iterations", "learningRate", "neighbours", "minDist", "epochs", "seed"),
                ProjectionSettingCatalog.standard().distinctByName().stream().map(ProjectionSetting::name).toList());
    }

    @Test
    void defaultOutsideTheRangeIsACallerBug() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ProjectionSetting("x",
                "--x", "X", "X", ProjectionSetting.Kind.REAL, 0, 1, 0.1, 2.0, "x", "", "", ""));
        assertEquals("setting x: default 2.0 outside [0.0, 1.0]", e.getMessage());
    }
}
