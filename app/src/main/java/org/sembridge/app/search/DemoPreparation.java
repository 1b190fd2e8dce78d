package org.sembridge.app.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The search page's defaults and demo: follows the current run, filling the corpus, language,
/// queries and qrels from the bundled [DemoCollection] of the run's target language, and, once the
/// page has shown, opens (or builds) that run's demo index, evaluates the demo queries and shows the
/// query where the sparse index gains most over BM25.
///
/// The demo is prepared at most once per run folder, and only while no index is open or being
/// prepared. The corpus path and language always follow the run; queries and qrels only fill blanks.
/// A run with more target tokens than the automatic-build limit ([#AUTOMATIC_BUILD_LIMIT] in the
/// workbench) gets its demo index opened when one
/// exists, but never built by itself: with a real vocabulary the build takes minutes (issue 15:
/// no page starts a long computation the user did not ask for); the build status says so.
final class DemoPreparation {

    /// The largest target vocabulary whose demo index is built without asking (the sample
    /// tokenizers have 3,000-6,000 tokens; a 262,145-token run builds the 204-document demo index
    /// in 1.5-2.5 minutes on 2 cores).
    static final int AUTOMATIC_BUILD_LIMIT = 50_000;

    private static final Logger LOG = LoggerFactory.getLogger(DemoPreparation.class);

    private final WorkbenchState state;
    private final IndexViewModel index;
    private final QueryViewModel query;
    private final EvaluationViewModel evaluation;
    private final Path repositoryRoot;
    private final int automaticBuildLimit;
    private final Set<Path> prepared = new HashSet<>();
    private boolean shown;

    /// @param repositoryRoot      where `assets/demo/<lang>/` lies
    /// @param automaticBuildLimit the largest target vocabulary whose demo index is built without asking
    DemoPreparation(WorkbenchState state, IndexViewModel index, QueryViewModel query, EvaluationViewModel evaluation,
            Path repositoryRoot, int automaticBuildLimit) {
        this.state = state;
        this.index = index;
        this.query = query;
        this.evaluation = evaluation;
        this.repositoryRoot = repositoryRoot;
        this.automaticBuildLimit = automaticBuildLimit;
    }

    /// The page shows: the first time lists the indexes; then prepares the current run's demo if due.
    void pageShown() {
        if (!shown) {
            shown = true;
            index.refreshIndexes();
        }
        prepare();
    }

    /// `run` became the current run (`null`: none): fills its demo defaults and, once the page has
    /// shown, prepares its demo if due.
    void runChanged(OpenRun run) {
        if (run == null) {
            return;
        }
        Optional<String> runLanguage = DemoCollection.languageOf(run.run());
        runLanguage.ifPresent(index.languageProperty()::set);
        runLanguage.flatMap(code -> DemoCollection.of(repositoryRoot, code)).ifPresent(demo -> {
            index.corpusPathProperty().set(demo.corpus().toString());
            if (evaluation.queriesPathProperty().get().isBlank()) {
                evaluation.queriesPathProperty().set(demo.queries().toString());
            }
            if (evaluation.qrelsPathProperty().get().isBlank()) {
                evaluation.qrelsPathProperty().set(demo.qrels().toString());
            }
        });
        if (shown) {
            prepare();
        }
    }

    /// Opens or builds the demo index of the current run once, when no index is open, and then
    /// evaluates the demo queries and shows the query where the sparse index gains most over BM25.
    private void prepare() {
        OpenRun run = state.currentRunProperty().get();
        if (run == null || index.open() != null || index.preparing() || !prepared.add(run.run().directory())) {
            return;
        }
        Optional<DemoCollection> demo = DemoCollection.languageOf(run.run())
                .flatMap(code -> DemoCollection.of(repositoryRoot, code));
        if (demo.isEmpty()) {
            return;
        }
        index.corpusPathProperty().set(demo.get().corpus().toString());
        evaluation.queriesPathProperty().set(demo.get().queries().toString());
        evaluation.qrelsPathProperty().set(demo.get().qrels().toString());
        Path target = index.folderFor(run, demo.get().corpus());
        Runnable then = () -> evaluation.runEvaluation(this::showMostImprovedQuery);
        if (isIndexOf(target, run)) {
            index.openIndex(target, then);
        } else if (run.run().targetSize() <= automaticBuildLimit) {
            index.buildIndex(then);
        } else {
            index.explainNoAutomaticBuild(String.format(Locale.ROOT, "The demo index of %s is not built by itself: "
                    + "with %,d target tokens the build takes minutes. Press Build (Ctrl+B) to build it.",
                    run.label(), run.run().targetSize()));
        }
    }

    private static boolean isIndexOf(Path folder, OpenRun run) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try {
            IndexEntry entry = IndexEntry.read(folder);
            return Path.of(entry.modelPath()).toAbsolutePath().normalize()
                    .equals(run.run().modelDirectory().toAbsolutePath().normalize());
        } catch (Exception notAnIndex) {
            LOG.debug("{} is not an index of {}: {}", folder, run.label(), notAnIndex.getMessage());
            return false;
        }
    }

    /// After the demo evaluation: re-runs the query already typed, or else shows the query where
    /// the sparse nDCG@10 gains most over BM25's.
    private void showMostImprovedQuery() {
        if (!query.queryTextProperty().get().isBlank()) {
            query.search();
            return;
        }
        evaluation.evaluationRows().stream()
                .filter(QueryRow::searchable)
                .max(Comparator.comparingDouble(row -> row.sparseNdcg() - (Double.isNaN(row.bm25Ndcg()) ? 0 : row.bm25Ndcg())))
                .ifPresent(query::selectQuery);
    }
}
