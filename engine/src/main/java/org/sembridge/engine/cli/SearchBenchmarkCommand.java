package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sembridge.engine.bench.SearchBenchmark;
import org.sembridge.engine.bench.SearchBenchmarkReport;
import org.sembridge.engine.bench.SearchBenchmarkSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `sembridge bench search`: indexing throughput and query latency of the sparse index on a
/// synthetic SPLADE-shaped collection ([SearchBenchmark]); defaults are the reference setting
/// ([SearchBenchmarkSettings#DEFAULT]), options shrink it.
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Indexing docs/s and query latency p50/p95/p99 (wall clock and CPU time) of the sparse index"
                + " on a synthetic, seeded collection (no model involved).",
            "Token popularity: P(rank r) ~ 1 / (r + offset)^exponent; weights log-normal, independent of the token."
                    + " Also reports the CPU time without top-k pruning, the share of documents holding the most"
                    + " popular token and the postings a query touches. The index lives in a temporary folder"
                    + " under --work-dir and is deleted afterwards. The reference setting takes a few minutes."})
final class SearchBenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--documents", defaultValue = "100000", paramLabel = "N",
            description = "Documents in the index. Default: ${DEFAULT-VALUE}.")
    int documents;

    @Option(names = "--tokens-per-document", defaultValue = "120", paramLabel = "N",
            description = "Distinct tokens per document. Default: ${DEFAULT-VALUE}.")
    int tokensPerDocument;

    @Option(names = "--vocabulary", defaultValue = "32000", paramLabel = "N",
            description = "Vocabulary size. Default: ${DEFAULT-VALUE}.")
    int vocabulary;

    @Option(names = "--queries", defaultValue = "1000", paramLabel = "N",
            description = "Timed queries. Default: ${DEFAULT-VALUE}.")
    int queries;

    @Option(names = "--tokens-per-query", defaultValue = "30", paramLabel = "N",
            description = "Distinct tokens per query. Default: ${DEFAULT-VALUE}.")
    int tokensPerQuery;

    @Option(names = "--k", defaultValue = "10", paramLabel = "N", description = "Hits per query. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--zipf-exponent", defaultValue = "1.0", paramLabel = "S",
            description = "Exponent of the token popularity law. Default: ${DEFAULT-VALUE}.")
    double zipfExponent;

    @Option(names = "--zipf-offset", defaultValue = "100", paramLabel = "Q",
            description = "Offset of the popularity law: removes the stop-word head SPLADE weights 0 (0 = plain"
                    + " Zipf, where the top tokens are in nearly every document). Default: ${DEFAULT-VALUE}.")
    double zipfOffset;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Generator seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--work-dir", defaultValue = "${sys:java.io.tmpdir}", paramLabel = "DIR",
            description = "Where the temporary index is built. Default: ${DEFAULT-VALUE}.")
    Path workDir;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SearchBenchmarkSettings settings = settings();
        double loadBefore = loadAverage();
        SearchBenchmarkReport report = SearchBenchmark.run(settings, workDir,
                new StderrProgress(spec.commandLine().getErr()), SemBridgeCli.cancellation(spec));
        double loadAfter = loadAverage();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, SearchBenchmarkJson.write(new SearchBenchmarkRun(report,
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter)));
        } else {
            printText(out, report, loadBefore, loadAfter);
        }
        return ExitCodes.OK;
    }

    private SearchBenchmarkSettings settings() {
        require(documents >= 1 && tokensPerDocument >= 1 && queries >= 1 && tokensPerQuery >= 1 && k >= 1,
                "--documents, --tokens-per-document, --queries, --tokens-per-query and --k must be >= 1");
        require(vocabulary > Math.max(tokensPerDocument, tokensPerQuery),
                "--vocabulary must exceed --tokens-per-document and --tokens-per-query, found " + vocabulary);
        require(zipfExponent >= 0 && Double.isFinite(zipfExponent), "--zipf-exponent must be >= 0, found " + zipfExponent);
        require(zipfOffset >= 0 && Double.isFinite(zipfOffset), "--zipf-offset must be >= 0, found " + zipfOffset);
        return new SearchBenchmarkSettings(documents, tokensPerDocument, vocabulary, queries, tokensPerQuery, k,
                zipfExponent, zipfOffset, seed);
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void printText(PrintWriter out, SearchBenchmarkReport r, double loadBefore, double loadAfter) {
        SearchBenchmarkSettings s = r.settings();
        out.printf(Locale.ROOT, "Search benchmark: %,d documents x %d tokens, vocabulary %,d, P(r) ~ 1/(r + %s)^%s,"
                + " %,d queries x %d tokens, top %d, seed %d%n", s.documents(), s.tokensPerDocument(),
                s.vocabularySize(), trim(s.zipfOffset()), trim(s.zipfExponent()), s.queries(), s.tokensPerQuery(),
                s.topK(), s.seed());
        out.printf(Locale.ROOT, "load average (1 min) %.2f at start, %.2f at end, %d processors%n", loadBefore,
                loadAfter, Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "indexing     %,.0f docs/s (%.1f s, %.1f MiB)%n", r.documentsPerSecond(),
                r.indexingSeconds(), r.indexSizeBytes() / 1048576.0);
        out.printf(Locale.ROOT, "collection   most popular token in %.1f%% of documents; %,.0f postings per query"
                + " (%.2f per document)%n", 100 * r.topTokenDocumentFraction(), r.meanQueryPostings(),
                r.meanQueryPostings() / s.documents());
        out.printf(Locale.ROOT, "%-12s %8s %8s %8s %8s%n", "ms per query", "p50", "p95", "p99", "mean");
        out.printf(Locale.ROOT, "%-12s %8.3f %8.3f %8.3f %8.3f%n", "wall clock", r.p50Millis(), r.p95Millis(),
                r.p99Millis(), r.meanMillis());
        out.printf(Locale.ROOT, "%-12s %8.3f %8.3f %8.3f%n", "CPU time", r.cpuP50Millis(), r.cpuP95Millis(),
                r.cpuP99Millis());
        out.printf(Locale.ROOT, "%-12s %8.3f   (every match scored and counted: no top-k pruning)%n", "CPU, no prune",
                r.exhaustiveCpuP50Millis());
        out.flush();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
