package org.sembridge.app.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.Formats;
import org.sembridge.app.common.TaskHandle;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.eval.Qrels;
import org.sembridge.engine.eval.QrelsReader;
import org.sembridge.engine.eval.Topic;
import org.sembridge.engine.eval.TopicsReader;

/// The evaluation part of the [SearchViewModel]: reads a queries file and a qrels file, runs every
/// query on the open index's sparse field and BM25, and fills the table with the engine's nDCG@10
/// and Recall@100 (the mean row first); a row's target tokens go to the inspector.
///
/// One evaluation runs at a time; a cancelled or failed one keeps the previous table, and a result
/// for an index that was replaced meanwhile is dropped. Toolkit-free; engine work goes through the
/// [TaskRunner].
final class EvaluationViewModel {

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final IndexViewModel index;
    private final InspectorJump inspector;

    private final StringProperty queriesPath = new SimpleStringProperty("");
    private final StringProperty qrelsPath = new SimpleStringProperty("");
    private final ObservableList<QueryRow> evaluationRows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<EvaluationResult> evaluation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper evaluating = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper evaluationStatus = new ReadOnlyStringWrapper("");

    private TaskHandle evaluationTask;

    /// @param index gives the open index the queries run on
    EvaluationViewModel(TaskRunner tasks, DialogService dialogs, IndexViewModel index, InspectorJump inspector) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.index = index;
        this.inspector = inspector;
    }

    /// The queries file of the evaluation (`.tsv` or `.jsonl`).
    StringProperty queriesPathProperty() {
        return queriesPath;
    }

    /// The qrels file of the evaluation (TREC or BEIR tsv).
    StringProperty qrelsPathProperty() {
        return qrelsPath;
    }

    /// The evaluation table: the mean row first, then one row per judged query.
    ObservableList<QueryRow> evaluationRows() {
        return evaluationRows;
    }

    /// The last evaluation; `null` before the first.
    ReadOnlyObjectProperty<EvaluationResult> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    /// Whether an evaluation is running.
    ReadOnlyBooleanProperty evaluatingProperty() {
        return evaluating.getReadOnlyProperty();
    }

    /// One line on the last evaluation: means, timing, coverage.
    ReadOnlyStringProperty evaluationStatusProperty() {
        return evaluationStatus.getReadOnlyProperty();
    }

    /// Evaluates the open index on [#queriesPathProperty()] and [#qrelsPathProperty()] and then runs
    /// `then` (only when the table was filled). Does nothing while an evaluation runs; says so in
    /// the status when no index is open or a file is not chosen.
    void runEvaluation(Runnable then) {
        OpenIndex open = index.open();
        if (open == null) {
            evaluationStatus.set("Open or build an index first");
            return;
        }
        if (evaluating.get()) {
            return;
        }
        if (queriesPath.get().isBlank() || qrelsPath.get().isBlank()) {
            evaluationStatus.set("Choose a queries file and a qrels file first");
            return;
        }
        Path queries = Path.of(queriesPath.get());
        Path qrels = Path.of(qrelsPath.get());
        evaluating.set(true);
        evaluationStatus.set("Evaluating " + queries.getFileName() + " against " + qrels.getFileName() + "…");
        evaluationTask = tasks.run("Evaluating " + open.entry().name(), (progress, cancel) -> {
            List<Topic> topics = TopicsReader.read(queries);
            Qrels judgements = QrelsReader.read(qrels);
            return open.evaluate(topics, judgements, progress, cancel);
        }, result -> {
            evaluating.set(false);
            evaluationTask = null;
            if (open != index.open()) {
                return;
            }
            evaluation.set(result);
            evaluationRows.setAll(result.rows());
            evaluationRows.addFirst(result.mean());
            evaluationStatus.set(describe(result));
            then.run();
        }, error -> {
            evaluating.set(false);
            evaluationTask = null;
            if (error instanceof OperationCancelledException) {
                evaluationStatus.set("Evaluation cancelled; the previous results are kept");
            } else {
                evaluationStatus.set("Evaluation failed: " + error.getMessage());
                dialogs.showError("Could not evaluate " + open.entry().name(), error);
            }
        });
    }

    /// Stops a running evaluation; the previous table stays.
    void cancelEvaluation() {
        if (evaluationTask != null) {
            evaluationTask.cancel();
        }
    }

    /// Focuses the inspector on `row`'s target tokens (label `query q12: 7 tokens`) and switches
    /// to it (the mean row and rows without target tokens do nothing).
    void showTokens(QueryRow row) {
        if (row == null || !row.searchable()) {
            return;
        }
        inspector.focus("query " + row.queryId() + ": " + row.tokens().size() + " tokens", row.tokens());
    }

    /// Drops the table, the result and its status line, which belonged to the index just replaced.
    void clear() {
        evaluation.set(null);
        evaluationRows.clear();
        evaluationStatus.set("");
    }

    private static String describe(EvaluationResult result) {
        QueryRow mean = result.mean();
        String bm25 = result.bm25() == null ? "no BM25 field"
                : String.format(Locale.ROOT, "BM25 nDCG@10 %.4f, Recall@100 %.4f", mean.bm25Ndcg(), mean.bm25Recall());
        return String.format(Locale.ROOT, "%d judged queries · sparse nDCG@10 %.4f, Recall@100 %.4f · %s · %s%s",
                result.sparse().judgedQueries(), mean.sparseNdcg(), mean.sparseRecall(), bm25,
                Formats.duration(result.elapsedNanos()), result.coverage().isEmpty() ? "" : " · " + result.coverage());
    }
}
