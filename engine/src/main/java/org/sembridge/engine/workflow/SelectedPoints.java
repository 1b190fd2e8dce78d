package org.sembridge.engine.workflow;

import java.util.List;
import java.util.Map;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.hf.ModelConfig;
import org.sembridge.engine.projection.MapSpace;
import org.sembridge.engine.projection.points.PointSet;
import org.sembridge.engine.run.LoadedRun;

/// The points [RunMapping#select] chose for a [RunMapRequest] on one run, before any vector is
/// read: counts for a front-end to show, and what [RunMapping#project] needs.
public final class SelectedPoints {

    private final LoadedRun run;
    private final RunMapRequest request;
    private final PointSet points;
    private final String targetLanguage;
    private final Map<Integer, String> targetLanguages;

    SelectedPoints(LoadedRun run, RunMapRequest request, PointSet points, String targetLanguage,
            Map<Integer, String> targetLanguages) {
        this.run = run;
        this.request = request;
        this.points = points;
        this.targetLanguage = targetLanguage;
        this.targetLanguages = Map.copyOf(targetLanguages);
    }

    /// The run the points belong to.
    public LoadedRun run() {
        return run;
    }

    /// The request they answer.
    public RunMapRequest request() {
        return request;
    }

    /// The selected target tokens (also counted in the source space, which does not draw them).
    public int targetCount() {
        return points.targetCount();
    }

    /// The selected source tokens: chosen, then context.
    public int sourceCount() {
        return points.sourceCount();
    }

    /// The target-to-source links of the selection.
    public int linkCount() {
        return points.links().size();
    }

    /// The points the map will have: targets (not in the source space) plus sources.
    public int pointCount() {
        return (request.space() == MapSpace.SOURCE ? 0 : targetCount()) + sourceCount();
    }

    /// The targets the map draws: [#targetCount()], or 0 in the source space.
    public int shownTargetCount() {
        return request.space() == MapSpace.SOURCE ? 0 : targetCount();
    }

    /// The language label of the target points, e.g. `ko`, or [RunMapping#UNKNOWN_TARGET_LANGUAGE];
    /// for lexicon points of several languages the run's label, e.g. `multi`.
    public String targetLanguage() {
        return targetLanguage;
    }

    /// The language of target token `id` on the map: its lexicon column when the points come
    /// from the lexicon columns of several languages, else [#targetLanguage()].
    public String targetLanguageOf(int id) {
        return targetLanguages.getOrDefault(id, targetLanguage);
    }

    /// The languages of the target points, sorted: one ([#targetLanguage()]) unless the points
    /// come from several lexicon columns.
    public List<String> targetLanguages() {
        List<String> languages = targetLanguages.values().stream().distinct().sorted().toList();
        return languages.isEmpty() ? List.of(targetLanguage) : languages;
    }

    /// The hidden size of the run's adapted model: the length of each point's vector in the
    /// adapted and source spaces (a front-end's time estimate needs it before any vector is
    /// read). Reads the model's `config.json`.
    ///
    /// @throws ModelFormatException when the config cannot be read or has no hidden size
    public int modelHiddenSize() throws ModelFormatException {
        return ModelConfig.read(run.modelDirectory().resolve("config.json")).hiddenSize();
    }

    PointSet points() {
        return points;
    }
}
