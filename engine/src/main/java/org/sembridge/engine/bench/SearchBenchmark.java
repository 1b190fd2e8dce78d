package org.sembridge.engine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.sembridge.engine.index.CorpusDocument;
import org.sembridge.engine.index.IndexMetadata;
import org.sembridge.engine.index.QueryWeighting;
import org.sembridge.engine.index.SparseIndex;
import org.sembridge.engine.index.SparseIndexWriter;
import org.sembridge.engine.index.SparseQuery;
import org.sembridge.engine.index.SparseSearcher;
import org.sembridge.engine.index.TermWeights;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Measures indexing throughput and query latency of the sparse index on a synthetic, seeded
/// collection shaped like SPLADE output ([SearchBenchmarkSettings#DEFAULT]).
///
/// Tokens are drawn without repetition per document (or query) from the Zipf-Mandelbrot
/// popularity law of [SearchBenchmarkSettings] (see there why the reference setting removes the
/// stop-word head). Weights are log-normal (median e^-0.5 ~ 0.6, sigma 0.7), a rough match of
/// SPLADE weights, and independent of the token: learned weights do not fall with document
/// frequency the way IDF does ("wacky weights", Mackenzie, Trotman and Lin 2021), which is the hard
/// case for dynamic pruning, so the figures are not flattered. Documents go straight into
/// [SparseIndexWriter] (no encoder); the index is merged to one segment as [IndexBuilder] does.
///
/// Queries run through [SparseSearcher#search], which collects the top k with Lucene's
/// `TopScoreDocCollectorManager` (hit counting stops after 1,000 hits, so block-max MaxScore can
/// skip documents that cannot enter the top k). Every query runs twice untimed to warm up the JIT
/// and the page cache, then once timed; latency covers search and hit id lookup, on one thread.
/// Besides wall-clock latency the benchmark reports the searching thread's CPU time per query,
/// which stays meaningful on a machine shared with other work (wall-clock time then includes
/// waiting for a core). A last pass scores every matching document (counting all hits, so no
/// pruning) to show what pruning saves, and the report gives the two figures that explain the
/// latency: how many documents hold the most popular token and how many postings a query touches.
///
/// Figures depend on the machine; they are logged and returned, never asserted in tests.
public final class SearchBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SearchBenchmark.class);
    private static final String FINGERPRINT = "synthetic-benchmark";
    private static final int PROGRESS_BLOCK = 1_000;
    private static final int WARM_UP_PASSES = 2;

    private SearchBenchmark() {
    }

    /// Builds the synthetic index in a temporary folder under `workFolder`, runs the queries, and
    /// deletes the index again.
    public static SearchBenchmarkReport run(SearchBenchmarkSettings settings, Path workFolder, ProgressListener progress,
            CancellationToken cancel) throws IOException, SemBridgeException {
        Files.createDirectories(workFolder);
        Path folder = Files.createTempDirectory(workFolder, "search-benchmark-");
        try {
            SyntheticVectors generator = new SyntheticVectors(settings);
            long start = System.nanoTime();
            try (SparseIndexWriter writer = SparseIndexWriter.create(folder, Optional.empty())) {
                for (int d = 0; d < settings.documents(); d++) {
                    if (d % PROGRESS_BLOCK == 0) {
                        cancel.throwIfCancelled("benchmark indexing");
                        progress.onProgress("benchmark indexing", d, settings.documents());
                    }
                    writer.addDocument(new CorpusDocument("d" + d, "", ""),
                            generator.next(settings.tokensPerDocument()));
                }
                writer.commit(new IndexMetadata(IndexMetadata.FORMAT_VERSION, FINGERPRINT, "", "synthetic",
                        Instant.now(), writer.documentCount(), 0, writer.documentsWithoutTokens(),
                        writer.postingCount(), writer.droppedWeightCount(), Optional.empty()));
            }
            double indexingSeconds = (System.nanoTime() - start) / 1e9;
            List<SparseQuery> queries = new ArrayList<>(settings.queries());
            for (int q = 0; q < settings.queries(); q++) {
                queries.add(new SparseQuery("q" + q, FINGERPRINT, QueryWeighting.ENCODER,
                        generator.next(settings.tokensPerQuery())));
            }
            double[] latencies = new double[settings.queries()];
            double[] cpuTimes = new double[settings.queries()];
            double[] exhaustiveCpuTimes = new double[settings.queries()];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double topTokenFraction;
            double meanPostings;
            try (SparseIndex index = SparseIndex.open(folder)) {
                topTokenFraction = (double) index.documentFrequency(generator.mostPopularToken()) / settings.documents();
                meanPostings = meanPostings(index, queries);
                SparseSearcher searcher = index.sparseSearcher();
                for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
                    for (SparseQuery query : queries) {
                        searcher.search(query, settings.topK());
                    }
                }
                for (int q = 0; q < queries.size(); q++) {
                    if (q % 100 == 0) {
                        cancel.throwIfCancelled("benchmark queries");
                        progress.onProgress("benchmark queries", q, queries.size());
                    }
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    long queryStart = System.nanoTime();
                    searcher.search(queries.get(q), settings.topK());
                    latencies[q] = (System.nanoTime() - queryStart) / 1e6;
                    cpuTimes[q] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                }
                progress.onProgress("benchmark queries", queries.size(), queries.size());
                for (int q = 0; q < queries.size(); q++) {
                    if (q % 100 == 0) {
                        cancel.throwIfCancelled("benchmark exhaustive queries");
                        progress.onProgress("benchmark exhaustive queries", q, queries.size());
                    }
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    searcher.searchExhaustively(queries.get(q), settings.topK());
                    exhaustiveCpuTimes[q] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                }
                progress.onProgress("benchmark exhaustive queries", queries.size(), queries.size());
            }
            Arrays.sort(latencies);
            Arrays.sort(cpuTimes);
            Arrays.sort(exhaustiveCpuTimes);
            SearchBenchmarkReport report = new SearchBenchmarkReport(settings, indexingSeconds,
                    settings.documents() / indexingSeconds, sizeBytes(folder), topTokenFraction, meanPostings,
                    percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                    Arrays.stream(latencies).average().orElse(0), percentile(cpuTimes, 50), percentile(cpuTimes, 95),
                    percentile(cpuTimes, 99), percentile(exhaustiveCpuTimes, 50));
            LOG.info("search benchmark: {} docs x {} tokens, vocabulary {}, Zipf-Mandelbrot s {} q {}, {} queries x {}"
                    + " tokens, top {}: indexing {} docs/s ({} s, {} MiB); top token in {}% of docs, {} postings per"
                    + " query; latency p50 {} ms, p95 {} ms, p99 {} ms, mean {} ms; CPU time p50 {} ms, p95 {} ms,"
                    + " p99 {} ms; without pruning CPU p50 {} ms", settings.documents(), settings.tokensPerDocument(),
                    settings.vocabularySize(), settings.zipfExponent(), settings.zipfOffset(), settings.queries(),
                    settings.tokensPerQuery(), settings.topK(),
                    String.format("%.0f", report.documentsPerSecond()), String.format("%.1f", indexingSeconds),
                    report.indexSizeBytes() >> 20, String.format("%.1f", 100 * topTokenFraction),
                    String.format("%.0f", meanPostings), String.format("%.2f", report.p50Millis()),
                    String.format("%.2f", report.p95Millis()), String.format("%.2f", report.p99Millis()),
                    String.format("%.2f", report.meanMillis()), String.format("%.2f", report.cpuP50Millis()),
                    String.format("%.2f", report.cpuP95Millis()), String.format("%.2f", report.cpuP99Millis()),
                    String.format("%.2f", report.exhaustiveCpuP50Millis()));
            return report;
        } finally {
            AtomicFiles.deleteRecursively(folder);
        }
    }

    /// Runs the reference benchmark in the system temporary folder and logs the figures.
    /// Optional arguments: the number of documents, then the seed.
    public static void main(String[] args) throws IOException, SemBridgeException {
        SearchBenchmarkSettings defaults = SearchBenchmarkSettings.DEFAULT;
        SearchBenchmarkSettings settings = new SearchBenchmarkSettings(
                args.length > 0 ? Integer.parseInt(args[0]) : defaults.documents(), defaults.tokensPerDocument(),
                defaults.vocabularySize(), defaults.queries(), defaults.tokensPerQuery(), defaults.topK(),
                defaults.zipfExponent(), defaults.zipfOffset(), args.length > 1 ? Long.parseLong(args[1])
                        : defaults.seed());
        run(settings, Path.of(System.getProperty("java.io.tmpdir")), ProgressListener.NONE, CancellationToken.create());
    }

    /// Nearest-rank percentile of sorted values.
    static double percentile(double[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /// Mean over `queries` of the summed document frequencies of their tokens.
    private static double meanPostings(SparseIndex index, List<SparseQuery> queries) throws IOException {
        long total = 0;
        for (SparseQuery query : queries) {
            for (String token : query.weights().terms()) {
                total += index.documentFrequency(token);
            }
        }
        return (double) total / queries.size();
    }

    private static long sizeBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            long total = 0;
            for (Path file : files.toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    /// Seeded generator of sparse vectors whose tokens follow the Zipf-Mandelbrot law of the
    /// settings.
    private static final class SyntheticVectors {

        private final Random random;
        private final double[] cumulative;
        private final String[] tokenOfRank;
        private final int[] drawnInVector;
        private int vectorNumber;

        SyntheticVectors(SearchBenchmarkSettings settings) {
            random = new Random(settings.seed());
            int size = settings.vocabularySize();
            cumulative = new double[size];
            double sum = 0;
            for (int r = 0; r < size; r++) {
                sum += 1 / Math.pow(r + 1 + settings.zipfOffset(), settings.zipfExponent());
                cumulative[r] = sum;
            }
            for (int r = 0; r < size; r++) {
                cumulative[r] /= sum;
            }
            int[] permutation = new int[size];
            for (int i = 0; i < size; i++) {
                permutation[i] = i;
            }
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = swap;
            }
            tokenOfRank = new String[size];
            for (int r = 0; r < size; r++) {
                tokenOfRank[r] = "t" + permutation[r];
            }
            drawnInVector = new int[size];
        }

        /// The token of rank 1.
        String mostPopularToken() {
            return tokenOfRank[0];
        }

        TermWeights next(int tokens) {
            vectorNumber++;
            String[] terms = new String[tokens];
            float[] weights = new float[tokens];
            int count = 0;
            while (count < tokens) {
                int rank = Arrays.binarySearch(cumulative, random.nextDouble());
                rank = rank >= 0 ? rank : Math.min(-rank - 1, cumulative.length - 1);
                if (drawnInVector[rank] == vectorNumber) {
                    continue;
                }
                drawnInVector[rank] = vectorNumber;
                terms[count] = tokenOfRank[rank];
                weights[count++] = (float) Math.exp(-0.5 + 0.7 * random.nextGaussian());
            }
            return new TermWeights(terms, weights);
        }
    }
}
