package org.sembridge.engine.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sembridge.engine.InputFormatException;

/// A small synthetic joint map for tests: English source tokens in clusters and target tokens
/// (Korean, Hindi, Arabic, Chinese) built near one source token each, linked to it with weight
/// 0.8 and to a second, random source token with weight 0.2.
final class JointMaps {

    static final List<String> TARGET_LANGUAGES = List.of("ko", "hi", "ar", "zh");
    private static final List<String> TARGET_WORDS = List.of("서울", "नमस्ते", "مرحبا", "北京");

    private JointMaps() {
    }

    /// `sources` source points followed by as many target points; target `i` sits near source `i`.
    static MapInput input(int sources, long seed) throws InputFormatException {
        MapInput base = TestPoints.clusters(sources, 12, 6, seed);
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = new float[2 * sources][];
        List<PointLabel> labels = new ArrayList<>();
        List<MapLink> links = new ArrayList<>();
        for (int i = 0; i < sources; i++) {
            vectors[i] = base.vectors()[i];
            labels.add(new PointLabel("word" + i, i, "source", "en", ""));
        }
        for (int i = 0; i < sources; i++) {
            float[] vector = base.vectors()[i].clone();
            for (int j = 0; j < vector.length; j++) {
                vector[j] += (float) (0.2 * random.nextGaussian());
            }
            vectors[sources + i] = vector;
            int language = i % TARGET_LANGUAGES.size();
            labels.add(new PointLabel(TARGET_WORDS.get(language) + i, 1000 + i, "target",
                    TARGET_LANGUAGES.get(language), "new"));
            links.add(new MapLink(sources + i, i, 0.8f));
            links.add(new MapLink(sources + i, random.nextInt(sources), 0.2f));
        }
        return MapInput.of(vectors, labels, links);
    }
}
