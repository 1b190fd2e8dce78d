package org.sembridge.app.map;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sembridge.engine.projection.MapLink;
import org.sembridge.engine.projection.MapPoint;
import org.sembridge.engine.projection.MapQuality;
import org.sembridge.engine.projection.PcaParameters;
import org.sembridge.engine.projection.ProjectedMap;

/// Maps made up for tests: points at chosen coordinates, labelled `t<i>` (targets) and `s<i>`
/// (sources).
final class SyntheticMaps {

    private SyntheticMaps() {
    }

    /// A map of the given coordinates; the first `targets` points are target tokens, each linked
    /// to source point `targets + (i % sources)` with weight 0.5.
    static MapLayout layout(float[] xs, float[] ys, int targets) {
        List<MapPoint> points = new ArrayList<>();
        List<MapLink> links = new ArrayList<>();
        int sources = xs.length - targets;
        for (int i = 0; i < xs.length; i++) {
            boolean target = i < targets;
            points.add(new MapPoint(target ? "t" + i : "s" + i, i, target ? "adapted" : "source", target ? "ko" : "en",
                    target ? "new" : "chosen", xs[i], ys[i]));
            if (target && sources > 0) {
                links.add(new MapLink(i, targets + i % sources, 0.5f));
            }
        }
        return MapLayout.of(new ProjectedMap(points, links, new PcaParameters(), new MapQuality(10, 1, null), 0),
                targets);
    }

    /// A map of the given tokens on a line (point i at (i, i mod 3)); the first `targets` are
    /// targets; `links` are pairs `{target, source}` of weight 0.5.
    static MapLayout withTokens(List<String> tokens, int targets, int[]... links) {
        List<MapPoint> points = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            boolean target = i < targets;
            points.add(new MapPoint(tokens.get(i), i, target ? "adapted" : "source", target ? "ko" : "en",
                    target ? "new" : "chosen", i, i % 3));
        }
        List<MapLink> linkList = new ArrayList<>();
        for (int[] link : links) {
            linkList.add(new MapLink(link[0], link[1], 0.5f));
        }
        return MapLayout.of(new ProjectedMap(points, linkList, new PcaParameters(), new MapQuality(10, 1, null), 0),
                targets);
    }

    /// `count` points uniformly in [0, 100)², half targets, from `seed`.
    static MapLayout random(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] xs = new float[count];
        float[] ys = new float[count];
        for (int i = 0; i < count; i++) {
            xs[i] = (float) random.nextDouble(100);
            ys[i] = (float) random.nextDouble(100);
        }
        return layout(xs, ys, count / 2);
    }
}
