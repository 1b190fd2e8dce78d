package org.sembridge.engine.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sembridge.engine.eval.EvaluationReport;
import org.sembridge.engine.eval.Evaluator;
import org.sembridge.engine.eval.GeneratedRun;
import org.sembridge.engine.eval.Qrels;
import org.sembridge.engine.eval.QrelsCoverage;
import org.sembridge.engine.eval.QrelsReader;
import org.sembridge.engine.eval.RunWriter;
import org.sembridge.engine.eval.Topic;
import org.sembridge.engine.eval.TopicsReader;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.workflow.EvaluationJson;
import org.sembridge.engine.workflow.IndexEvaluation;
import org.sembridge.engine.workflow.OpenedIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `sembridge eval --index DIR --queries FILE --qrels FILE`: runs every query through the sparse
/// index (and BM25 with `--bm25`) and reports nDCG@10, Recall@100 and MRR@10 with trec_eval's
/// semantics (`-c -M 100`), per query and averaged.
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate the sparse index (and optionally BM25) on queries with relevance judgements.",
            "Metrics equal trec_eval -c -M 100 -m ndcg_cut.10 -m recall.100 and -M 10 -m recip_rank: every"
                    + " judged query counts, a query without results scores 0. Queries: .tsv (qid TAB text) or"
                    + " .jsonl; qrels: TREC (qid 0 docid grade) or BEIR tsv."})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index folder (from `index`).")
    Path index;

    @Option(names = "--queries", required = true, paramLabel = "FILE", description = "Queries file (.tsv or .jsonl).")
    Path queries;

    @Option(names = "--qrels", required = true, paramLabel = "FILE", description = "Relevance judgements file.")
    Path qrels;

    @Option(names = "--run", paramLabel = "FILE",
            description = "Write the sparse run in TREC format (qid Q0 docid rank score tag), atomically."
                    + " Default: no run file.")
    Path runFile;

    @Option(names = "--bm25-run", paramLabel = "FILE", description = "Write the BM25 run in TREC format (with --bm25). Default: no run file.")
    Path bm25RunFile;

    @Option(names = "--bm25", description = "Also evaluate BM25 on the same queries (needs an index built with"
            + " --bm25-language).")
    boolean bm25;

    @Option(names = "--k", defaultValue = "100", paramLabel = "N",
            description = "Documents retrieved per query (Recall@100 needs 100). Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Mixin
    QueryEncoderOptions encoderOptions;

    @Mixin
    LineLimitOption lineLimit;

    @Override
    public Integer call() throws Exception {
        if (k < 1) {
            throw new ParameterException(spec.commandLine(), "--k must be >= 1, found " + k);
        }
        if (bm25RunFile != null && !bm25) {
            throw new ParameterException(spec.commandLine(), "--bm25-run needs --bm25");
        }
        List<Topic> topics = TopicsReader.read(queries, lineLimit.bytes());
        Qrels judgements = QrelsReader.read(qrels, lineLimit.bytes());
        CancellationToken cancel = SemBridgeCli.cancellation(spec);
        StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
        try (OpenedIndex opened = OpenedIndex.open(index, encoderOptions.opening())) {
            IndexEvaluation evaluation = opened.evaluate(topics, judgements, k, bm25, progress, cancel);
            GeneratedRun sparseRun = evaluation.sparseRun();
            GeneratedRun bm25Run = evaluation.bm25Run().orElse(null);
            if (runFile != null) {
                RunWriter.write(runFile, sparseRun.run(), "sembridge-sparse");
            }
            if (bm25RunFile != null) {
                RunWriter.write(bm25RunFile, bm25Run.run(), "sembridge-bm25");
            }
            EvaluationReport sparseReport = evaluation.sparse();
            EvaluationReport bm25Report = evaluation.bm25().orElse(null);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonObject document = EvaluationJson.report(sparseReport, sparseRun);
                document.addProperty("weighting", encoderOptions.weighting().name().toLowerCase(Locale.ROOT));
                document.addProperty("unknown_queries", evaluation.coverage().unknownQueryIds().size());
                document.addProperty("unknown_documents", evaluation.coverage().unknownDocumentCount());
                document.addProperty("relevant_unknown_judgements", evaluation.coverage().relevantUnknownJudgements());
                if (bm25Report != null) {
                    JsonObject bm25Object = EvaluationJson.report(bm25Report, bm25Run);
                    bm25Object.addProperty("language", opened.index().bm25Searcher().language().code());
                    document.add("bm25", bm25Object);
                }
                JsonOutput.print(out, document);
            } else {
                printText(out, sparseReport, sparseRun, bm25Report, bm25Run, evaluation.coverage());
            }
        }
        return ExitCodes.OK;
    }

    private void printText(PrintWriter out, EvaluationReport sparse, GeneratedRun sparseRun, EvaluationReport bm25Report,
            GeneratedRun bm25Run, QrelsCoverage coverage) {
        out.printf(Locale.ROOT, "%-12s %10s%s%n", "metric", "sparse", bm25Report == null ? "" : String.format("%10s", "BM25"));
        printMetric(out, "nDCG@10", sparse.ndcgAt10(), bm25Report == null ? null : bm25Report.ndcgAt10());
        printMetric(out, "Recall@100", sparse.recallAt100(), bm25Report == null ? null : bm25Report.recallAt100());
        printMetric(out, "MRR@10", sparse.mrrAt10(), bm25Report == null ? null : bm25Report.mrrAt10());
        out.printf(Locale.ROOT, "%d judged queries (%s weighting); %d without results (sparse)%s%n",
                sparse.judgedQueries(), encoderOptions.weighting().name().toLowerCase(Locale.ROOT),
                sparse.judgedQueriesWithoutResults(),
                bm25Report == null ? "" : ", " + bm25Report.judgedQueriesWithoutResults() + " (BM25)");
        if (!sparseRun.emptyQueryIds().isEmpty()) {
            out.println("empty sparse queries: " + sparseRun.emptyQueryIds());
        }
        if (bm25Run != null && !bm25Run.emptyQueryIds().isEmpty()) {
            out.println("empty BM25 queries: " + bm25Run.emptyQueryIds());
        }
        if (!coverage.isComplete()) {
            out.printf(Locale.ROOT, "qrels coverage: %d judged queries not in %s %s; %,d of %,d judged documents"
                    + " not in the index (%,d relevant judgements), e.g. %s%n", coverage.unknownQueryIds().size(),
                    queries.getFileName(), coverage.unknownQueryIds().stream().limit(5).toList(),
                    coverage.unknownDocumentCount(), coverage.judgedDocuments(), coverage.relevantUnknownJudgements(),
                    coverage.unknownDocumentExamples());
        }
        if (k < Evaluator.RECALL_DEPTH) {
            out.printf(Locale.ROOT, "note: --k %d < 100, so Recall@100 counts only the top %d%n", k, k);
        }
        if (runFile != null) {
            out.println("sparse run written to " + runFile);
        }
        if (bm25RunFile != null) {
            out.println("BM25 run written to " + bm25RunFile);
        }
    }

    private static void printMetric(PrintWriter out, String name, double sparse, Double bm25) {
        out.printf(Locale.ROOT, "%-12s %10.4f%s%n", name, sparse, bm25 == null ? "" : String.format(Locale.ROOT, "%10.4f", bm25));
    }
}
