package org.sembridge.engine.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.linalg.OpenBlas;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.AlignmentOptions;
import org.sembridge.engine.transfer.AlignmentResult;
import org.sembridge.engine.transfer.BlockedCosineSimilarity;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.SimilarityTiming;
import org.sembridge.engine.transfer.SparseReconstruction;
import org.sembridge.engine.transfer.TokenAlignment;
import org.sembridge.engine.transfer.TopKSupportSearch;

/// Measures the SemBridge initialisation step (method.md steps 3 to 5) on synthetic bridge
/// vectors of real size: time and peak memory of the top-K route, its ratio to the bare
/// similarity product, its ratio to an external reference of the same shape (OpenBLAS GEMM +
/// top-K, [GemmTopKReference]), and its agreement with the reference full-matrix route.
///
/// The step is exactly what `SemBridgeInitializer` runs for the new target tokens of a transfer:
/// [TopKSupportSearch#search] then [SparseReconstruction#reconstruct] of the source embeddings.
/// The inputs come from one [SyntheticBridgeSpace] (sources and source embeddings made once and
/// shared by every scale; target row `x` is the same at every scale). Before the first
/// measurement an untimed warm-up aligns a few hundred rows both ways (JIT, libtorch's first
/// calls). Every measurement runs inside a [ResidentMemoryWindow] opened after its inputs
/// exist. Progress goes to the listener; cancellation is checked once per block by the engine
/// calls. Not thread-safe.
public final class InitBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(InitBenchmark.class);

    /// Target rows of the untimed warm-up.
    static final int WARM_UP_ROWS = 512;

    private final SelectedDevice device;
    private final InitBenchmarkSettings settings;
    private final ProgressListener progress;
    private final CancellationToken cancel;
    private final SyntheticBridgeSpace space;
    private FloatMatrix sources;
    private FloatMatrix sourceEmbeddings;
    private boolean warmedUp;
    private boolean similarityOnly = true;
    private boolean withReference = true;
    private boolean coldScratch;

    /// A benchmark on `device` with `settings`, reporting to `progress`, stopped by `cancel`.
    public InitBenchmark(SelectedDevice device, InitBenchmarkSettings settings, ProgressListener progress,
            CancellationToken cancel) {
        this.device = device;
        this.settings = settings;
        this.progress = progress;
        this.cancel = cancel;
        this.space = SyntheticBridgeSpace.create(settings.sourceCount(), settings.bridgeDimension(), settings.seed());
    }

    /// Skips the similarity-only pass of every later scale (its figures become `-1`): at XLM-R
    /// scale it is one more full GEMM pass, and the step's own block products already give its
    /// GFLOP/s ([InitScaleResult#blockGigaflopsPerSecond()]).
    public void skipSimilarityOnly() {
        similarityOnly = false;
    }

    /// Skips the external reference of every later scale ([InitScaleResult#reference()] is null):
    /// at XLM-R scale it is one more GEMM pass plus a top-K per row, not needed where only the
    /// step's memory is measured.
    public void skipReference() {
        withReference = false;
    }

    /// Frees the OpenBLAS path's kept scratch before each step's memory window opens, so that the
    /// step's +RSS includes it as in the first search of a process (its first touch then also
    /// counts in the step's time).
    public void coldScratch() {
        coldScratch = true;
    }

    /// Runs the step and the similarity-only product over the measured rows of `scale`.
    ///
    /// @throws OperationCancelledException when cancelled
    public InitScaleResult measureScale(InitScale scale) throws OperationCancelledException {
        FloatMatrix targets = targets(scale.name(), scale.targetCount());
        int[] rows = scale.measuredRowIds();
        warmUp(targets);
        AlignmentOptions options = settings.alignmentOptions();

        if (coldScratch) {
            BlockedCosineSimilarity.releaseKeptScratch();
        }
        ResidentMemoryWindow stepWindow = ResidentMemoryWindow.open();
        ElapsedTime.Start stepClock = ElapsedTime.start();
        AlignmentResult result = new TopKSupportSearch(device).search(targets, sources, rows, options,
                progress, cancel);
        SparseReconstruction.reconstruct(result.alignments(), sourceEmbeddings, progress, cancel);
        ElapsedTime step = stepClock.stop();
        long stepExtra = stepWindow.extraBytes();
        int[] supports = result.alignments().stream().mapToInt(TokenAlignment::size).toArray();

        SimilarityTiming gemmOnly = new SimilarityTiming(rows.length, sources.rows(), sources.columns(), 0, 0);
        ElapsedTime similarity = null;
        long similarityExtra = -1;
        boolean similarityPeakReset = true;
        if (similarityOnly) {
            ResidentMemoryWindow similarityWindow = ResidentMemoryWindow.open();
            ElapsedTime.Start similarityClock = ElapsedTime.start();
            gemmOnly = new BlockedCosineSimilarity(device, options.maxBlockBytes())
                    .timeSimilarityOnly(targets, sources, rows, progress, cancel);
            similarity = similarityClock.stop();
            similarityExtra = similarityWindow.extraBytes();
            similarityPeakReset = similarityWindow.peakWasReset();
        }

        ReferenceTiming reference = reference(targets, rows);

        long inputBytes = 4L * (targets.values().length + sources.values().length + sourceEmbeddings.values().length);
        long outputBytes = 4L * rows.length * settings.modelDimension();
        InitScaleResult measured = new InitScaleResult(scale, step, similarity, gemmOnly, result.statistics(),
                IntStream.of(supports).average().orElse(0), IntStream.of(supports).max().orElse(0), stepExtra,
                similarityExtra, inputBytes, outputBytes, stepWindow.peakWasReset() && similarityPeakReset,
                reference);
        LOG.info("bench init {}: {} of {} target rows x {} sources x {} dims on {} ({}): step {} s, reference {} s "
                        + "(ratio {}), similarity only {} s "
                        + "(ratio {}, CPU ratio {}), mean support {}, extra resident memory {} MiB (step) / {} MiB (similarity)",
                scale.name(), rows.length, scale.targetCount(), settings.sourceCount(), settings.bridgeDimension(),
                device.name(), result.statistics().gemmNanos() < 0 ? "DJL" : "OpenBLAS",
                String.format("%.2f", measured.stepSeconds()),
                reference == null ? "n/a" : String.format("%.2f", reference.seconds()),
                String.format("%.2f", measured.referenceRatio()),
                String.format("%.2f", measured.similaritySeconds()), String.format("%.2f", measured.ratio()),
                String.format("%.2f", measured.cpuRatio()),
                String.format("%.2f", measured.meanSupport()), stepExtra >> 20, similarityExtra >> 20);
        return measured;
    }

    /// Aligns the first `rows` target tokens by the top-K route and by the full-matrix route
    /// ([FullMatrixAlignment]), timing both, and compares the weights and embeddings.
    ///
    /// @throws OperationCancelledException when cancelled
    public FullMatrixComparison compareWithFullMatrix(int rows) throws OperationCancelledException {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be >= 1, got " + rows);
        }
        FloatMatrix targets = targets("full-matrix comparison", rows);
        int[] ids = IntStream.range(0, rows).toArray();
        warmUp(targets);

        ResidentMemoryWindow topKWindow = ResidentMemoryWindow.open();
        ElapsedTime.Start topKClock = ElapsedTime.start();
        List<TokenAlignment> topK = new TopKSupportSearch(device).search(targets, sources, ids,
                settings.alignmentOptions(), progress, cancel).alignments();
        FloatMatrix topKEmbeddings = SparseReconstruction.reconstruct(topK, sourceEmbeddings, progress, cancel);
        ElapsedTime topKTime = topKClock.stop();
        long topKExtra = topKWindow.extraBytes();

        ResidentMemoryWindow fullWindow = ResidentMemoryWindow.open();
        ElapsedTime.Start fullClock = ElapsedTime.start();
        List<TokenAlignment> full = FullMatrixAlignment.align(targets, sources, ids, settings.alpha(), device,
                progress, cancel);
        FloatMatrix fullEmbeddings = SparseReconstruction.reconstruct(full, sourceEmbeddings, progress, cancel);
        ElapsedTime fullTime = fullClock.stop();
        long fullExtra = fullWindow.extraBytes();

        double maxWeightDifference = 0;
        int otherSupport = 0;
        for (int r = 0; r < rows; r++) {
            maxWeightDifference = Math.max(maxWeightDifference, maxWeightDifference(topK.get(r), full.get(r)));
            if (!sameSupport(topK.get(r), full.get(r))) {
                otherSupport++;
            }
        }
        double maxEmbeddingDifference = 0;
        for (int k = 0; k < topKEmbeddings.values().length; k++) {
            maxEmbeddingDifference = Math.max(maxEmbeddingDifference,
                    Math.abs(topKEmbeddings.values()[k] - fullEmbeddings.values()[k]));
        }
        FullMatrixComparison comparison = new FullMatrixComparison(rows, settings.sourceCount(), fullTime,
                topKTime, fullExtra, topKExtra, maxWeightDifference, otherSupport, maxEmbeddingDifference);
        LOG.info("bench init full matrix: {} x {} on {}: full matrix {} s, top-K {} s (ratio {}); max weight "
                        + "difference {}, {} rows with another support", rows, settings.sourceCount(), device.name(),
                String.format("%.2f", fullTime.wallSeconds()), String.format("%.2f", topKTime.wallSeconds()),
                String.format("%.2f", comparison.timeRatio()), maxWeightDifference, otherSupport);
        return comparison;
    }

    /// The external reference over the same rows ([GemmTopKReference]), or null when skipped or
    /// where OpenBLAS cannot be loaded (the reason is logged).
    private ReferenceTiming reference(FloatMatrix targets, int[] rows) throws OperationCancelledException {
        Optional<OpenBlas> blas = OpenBlas.available();
        if (!withReference) {
            return null;
        }
        if (blas.isEmpty()) {
            LOG.warn("no external reference: {}", OpenBlas.unavailableReason().orElse("OpenBLAS is not available"));
            return null;
        }
        return GemmTopKReference.measure(blas.get(), targets, sources, rows, settings.topK(), progress, cancel);
    }

    /// The first `count` target vectors, generating the shared source side on first use.
    private FloatMatrix targets(String label, int count) {
        if (sources == null) {
            progress.onProgress("generating synthetic source vectors", 0, 1);
            sources = space.sourceVectors();
            sourceEmbeddings = space.sourceEmbeddings(settings.modelDimension());
        }
        progress.onProgress("generating synthetic target vectors (" + label + ")", 0, 1);
        return space.targetVectors(count);
    }

    /// Aligns a few rows both ways, untimed, once per benchmark.
    private void warmUp(FloatMatrix targets) throws OperationCancelledException {
        if (warmedUp) {
            return;
        }
        AlignmentOptions options = settings.alignmentOptions();
        // At least one full block, so that the OpenBLAS path's kept scratch has its final size.
        int blockRows = new BlockedCosineSimilarity(device, options.maxBlockBytes())
                .blockRows(settings.sourceCount());
        int[] rows = IntStream.range(0, Math.min(Math.max(WARM_UP_ROWS, blockRows + 1), targets.rows())).toArray();
        List<TokenAlignment> alignments = new TopKSupportSearch(device).search(targets, sources, rows,
                options, ProgressListener.NONE, cancel).alignments();
        SparseReconstruction.reconstruct(alignments, sourceEmbeddings, ProgressListener.NONE, cancel);
        new BlockedCosineSimilarity(device, options.maxBlockBytes())
                .timeSimilarityOnly(targets, sources, rows, ProgressListener.NONE, cancel);
        if (withReference && OpenBlas.available().isPresent()) {
            GemmTopKReference.measure(OpenBlas.available().get(), targets, sources, rows, settings.topK(),
                    ProgressListener.NONE, cancel);
        }
        warmedUp = true;
    }

    /// The largest `|p_a - p_b|` over the union of both supports (a missing token weighs 0).
    private static double maxWeightDifference(TokenAlignment a, TokenAlignment b) {
        double max = 0;
        for (int j = 0; j < a.size(); j++) {
            max = Math.max(max, Math.abs(a.weights()[j] - weightOf(b, a.sourceIds()[j])));
        }
        for (int j = 0; j < b.size(); j++) {
            max = Math.max(max, Math.abs(b.weights()[j] - weightOf(a, b.sourceIds()[j])));
        }
        return max;
    }

    private static float weightOf(TokenAlignment alignment, int sourceId) {
        for (int j = 0; j < alignment.size(); j++) {
            if (alignment.sourceIds()[j] == sourceId) {
                return alignment.weights()[j];
            }
        }
        return 0f;
    }

    private static boolean sameSupport(TokenAlignment a, TokenAlignment b) {
        return Arrays.equals(sorted(a.sourceIds()), sorted(b.sourceIds()));
    }

    private static int[] sorted(int[] ids) {
        int[] copy = ids.clone();
        Arrays.sort(copy);
        return copy;
    }
}
