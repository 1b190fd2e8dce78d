package org.sembridge.engine.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.progress.CancellationToken;

class EmbeddingMapperTest {

    @Test
    void jointMapKeepsLabelsInOrderAndMeasuresLinkedNeighbours() throws Exception {
        MapInput input = JointMaps.input(80, 11);

        ProjectedMap map = EmbeddingMapper.project(input, new UmapParameters(10, 0.1, 200, 3),
                (stage, done, total) -> { }, CancellationToken.create());

        assertEquals(160, map.points().size());
        for (int i = 0; i < 160; i++) {
            assertEquals(input.labels().get(i), map.points().get(i).label());
        }
        assertEquals(input.links(), map.links());
        assertEquals(ProjectionMethod.UMAP, map.method());
        LinkedNeighbourShare share = map.quality().linkedShare();
        assertEquals(80, share.linkedPoints());
        assertTrue(share.originalSpace() > 0.9, "target tokens sit next to their source in the original space");
        assertTrue(share.map() > 0.5, "and mostly stay there in the map: " + share.map());
        assertTrue(map.elapsedNanos() > 0);
    }

    @Test
    void stagesAreReportedInOrder() throws Exception {
        MapInput input = TestPoints.clusters(100, 8, 4, 12);
        List<String> stages = new ArrayList<>();

        EmbeddingMapper.project(input, new PcaParameters(), (stage, done, total) -> {
            if (stages.isEmpty() || !stages.getLast().equals(stage)) {
                stages.add(stage);
            }
        }, CancellationToken.create());

        assertEquals(List.of("principal components", "map quality: map neighbours", "map quality: original neighbours"),
                stages);
    }
}
