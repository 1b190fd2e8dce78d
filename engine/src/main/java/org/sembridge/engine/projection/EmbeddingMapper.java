package org.sembridge.engine.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Turns labelled vectors into a finished [ProjectedMap]: projects them with the method the
/// parameters name, then measures the map's quality ([QualityEvaluator]).
///
/// The caller chooses the points (a lexicon, the top N tokens, a token list, ...), gathers their
/// vectors, labels and links into a [MapInput], and picks the parameters; this class does the
/// rest. Stages reported to the listener: those of the projector, then
/// "map quality: map neighbours" and "map quality: original neighbours".
public final class EmbeddingMapper {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingMapper.class);

    private EmbeddingMapper() {
    }

    /// Projects `input` with `parameters` and measures the result.
    ///
    /// @throws InputFormatException when the parameters do not suit the input (too few points for
    ///     the neighbour count or perplexity, a setting out of range)
    /// @throws NativeLibraryException when OpenBLAS cannot be loaded
    /// @throws OperationCancelledException when `cancel` was cancelled; nothing is returned
    public static ProjectedMap project(MapInput input, ProjectionParameters parameters, ProgressListener progress,
            CancellationToken cancel) throws InputFormatException, NativeLibraryException, OperationCancelledException {
        long started = System.nanoTime();
        double[][] coordinates = Projector.of(parameters).project(input, progress, cancel);
        long elapsedNanos = System.nanoTime() - started;
        MapQuality quality = QualityEvaluator.evaluate(input.vectors(), coordinates, input.links(), progress, cancel);
        List<MapPoint> points = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            points.add(MapPoint.of(input.labels().get(i), (float) coordinates[i][0], (float) coordinates[i][1]));
        }
        LOG.info("{} map of {} points x {} dimensions in {} s ({}): trustworthiness@{} = {}{}",
                parameters.method().displayName(), input.size(), input.dimension(),
                String.format(Locale.ROOT, "%.2f", elapsedNanos / 1e9), parameters.summary(), quality.k(),
                String.format(Locale.ROOT, "%.4f", quality.trustworthiness()),
                quality.hasLinkedShare() ? String.format(Locale.ROOT, ", linked@%d %.3f original / %.3f map",
                        quality.k(), quality.linkedShare().originalSpace(), quality.linkedShare().map()) : "");
        return new ProjectedMap(points, input.links(), parameters, quality, elapsedNanos);
    }
}
