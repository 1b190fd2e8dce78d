package org.sembridge.engine.projection.points;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.projection.MapInput;
import org.sembridge.engine.projection.MapLink;
import org.sembridge.engine.projection.MapSpace;
import org.sembridge.engine.projection.PointLabel;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;

/// Builds the [MapInput] of a run's [PointSet] in one [MapSpace]: vectors, labels and links.
///
/// Point order: the target tokens (in selection order), then the source tokens; in the
/// [MapSpace#SOURCE] space only the source tokens. Labels:
///
/// | field | target point | source point |
/// |---|---|---|
/// | `space` | `adapted` or `bridge` | `source` (an `E_s` row) or `bridge` |
/// | `language` | the run's target language, e.g. `ko` | the source language, e.g. `en` |
/// | `kind` | `new`, `overlap` or `special` | `chosen` (linked) or `context` |
///
/// Links (joint maps, not in the source space) go from each target point to the source points
/// it was built from, weighted by the alignment weight, so that the map's quality figures
/// include the linked-neighbour share.
public final class RunMapInputs {

    /// The `kind` of a source point that some target was built from.
    public static final String CHOSEN = "chosen";
    /// The `kind` of a source point shown for orientation only.
    public static final String CONTEXT = "context";

    private final LoadedRun run;
    private final RunEmbeddings embeddings;

    /// Builds inputs of `run` with vectors from `embeddings`.
    public RunMapInputs(LoadedRun run, RunEmbeddings embeddings) {
        this.run = run;
        this.embeddings = embeddings;
    }

    /// The map input of `points` in `space`.
    ///
    /// @param targetLanguage the language code of the target points, e.g. `ko`
    /// @param sourceLanguage the language code of the source points, e.g. `en`
    /// @throws InputFormatException when the space needs source tokens and `points` has none, the
    ///     run has no bridge vectors for the bridge space, or the vectors are not finite
    /// @throws ModelFormatException when a model folder of the run cannot be read
    public MapInput assemble(PointSet points, MapSpace space, String targetLanguage, String sourceLanguage)
            throws InputFormatException, ModelFormatException {
        return assemble(points, space, id -> targetLanguage, sourceLanguage);
    }

    /// The map input of `points` in `space`, each target point labelled with its own language
    /// (the lexicon column it came from, for a map of a multilingual run).
    ///
    /// @param targetLanguageOf the language code of target token `id`, e.g. `ko`
    /// @param sourceLanguage the language code of the source points, e.g. `en`
    /// @throws InputFormatException as [#assemble(PointSet, MapSpace, String, String)]
    /// @throws ModelFormatException when a model folder of the run cannot be read
    public MapInput assemble(PointSet points, MapSpace space, IntFunction<String> targetLanguageOf,
            String sourceLanguage) throws InputFormatException, ModelFormatException {
        boolean withTargets = space != MapSpace.SOURCE;
        if (!withTargets && points.sourceCount() == 0) {
            throw new InputFormatException("points '" + points.spec().text() + "' have no source tokens, and the "
                    + "source space shows only the source tokens the selected targets were built from; add "
                    + "--with-sources" + (InitializerRegistry.describe(run.manifest().method()).needsBridgeVectors() ? ""
                    : " (method " + run.manifest().method() + " may choose none)") + " or use --space adapted");
        }
        int[] targetIds = withTargets ? points.targetIds() : new int[0];
        int[] sourceIds = points.sourceIds();
        float[][] targetRows = switch (space) {
            case ADAPTED -> embeddings.adaptedRows(targetIds);
            case BRIDGE -> embeddings.targetBridgeRows(targetIds);
            case SOURCE -> new float[0][];
        };
        float[][] sourceRows = sourceIds.length == 0 ? new float[0][] : switch (space) {
            case ADAPTED, SOURCE -> embeddings.sourceRows(sourceIds);
            case BRIDGE -> embeddings.sourceBridgeRows(sourceIds);
        };
        if (targetRows.length > 0 && sourceRows.length > 0 && targetRows[0].length != sourceRows[0].length) {
            throw new InputFormatException("the " + space.text() + " vectors of the target tokens have "
                    + targetRows[0].length + " dimensions but those of the source tokens " + sourceRows[0].length
                    + "; a joint map needs one space");
        }
        float[][] vectors = new float[targetRows.length + sourceRows.length][];
        System.arraycopy(targetRows, 0, vectors, 0, targetRows.length);
        System.arraycopy(sourceRows, 0, vectors, targetRows.length, sourceRows.length);
        return MapInput.of(vectors, labels(points, space, targetIds, sourceIds, targetLanguageOf, sourceLanguage),
                withTargets ? links(points) : List.of());
    }

    private List<PointLabel> labels(PointSet points, MapSpace space, int[] targetIds, int[] sourceIds,
            IntFunction<String> targetLanguageOf, String sourceLanguage) throws InputFormatException {
        List<String> targetTokens = run.targetTokens();
        List<String> sourceTokens = run.sourceVocabulary().tokens();
        boolean[] chosen = points.chosenSources();
        List<PointLabel> labels = new ArrayList<>(targetIds.length + sourceIds.length);
        for (int id : targetIds) {
            labels.add(new PointLabel(targetTokens.get(id), id, space.text(), targetLanguageOf.apply(id),
                    run.kind(id).name().toLowerCase(Locale.ROOT)));
        }
        String sourceSpace = space == MapSpace.BRIDGE ? MapSpace.BRIDGE.text() : MapSpace.SOURCE.text();
        for (int position = 0; position < sourceIds.length; position++) {
            int id = sourceIds[position];
            labels.add(new PointLabel(sourceTokens.get(id), id, sourceSpace, sourceLanguage,
                    chosen[position] ? CHOSEN : CONTEXT));
        }
        return labels;
    }

    private static List<MapLink> links(PointSet points) {
        int offset = points.targetCount();
        return points.links().stream()
                .map(link -> new MapLink(link.target(), offset + link.source(), link.weight()))
                .toList();
    }

    /// The indices (into the map input of `points` in `space`) of about `count` points to label:
    /// target tokens spread evenly over the selection (every `targets / (count / 2)`-th, so a
    /// lexicon grouped by topic gets labels from every topic), each followed by its heaviest
    /// source (its first link: records list sources by descending weight), so labelled pairs show
    /// the alignment; then further points in order up to `count`. In the source space, the first
    /// `count` source points.
    public static Set<Integer> labelledPoints(PointSet points, MapSpace space, int count) {
        int targets = space == MapSpace.SOURCE ? 0 : points.targetCount();
        int total = targets + points.sourceCount();
        int[] heaviest = new int[targets];
        Arrays.fill(heaviest, -1);
        for (SourceLink link : points.links()) {
            if (link.target() < targets && heaviest[link.target()] < 0) {
                heaviest[link.target()] = link.source();
            }
        }
        Set<Integer> labelled = new LinkedHashSet<>();
        int pairs = Math.min(targets, Math.max(1, count / 2));
        for (int j = 0; j < pairs && labelled.size() < count; j++) {
            int t = (int) ((long) j * targets / pairs);
            labelled.add(t);
            if (heaviest[t] >= 0 && labelled.size() < count) {
                labelled.add(targets + heaviest[t]);
            }
        }
        for (int i = 0; i < total && labelled.size() < count; i++) {
            labelled.add(i);
        }
        return labelled;
    }
}
