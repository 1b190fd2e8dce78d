package org.sembridge.engine.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sembridge.engine.bench.BenchmarkEnvironment;
import org.sembridge.engine.bench.BridgeThroughput;
import org.sembridge.engine.bench.BridgeThroughputBenchmark;
import org.sembridge.engine.bench.EncoderShape;
import org.sembridge.engine.bench.FullMatrixComparison;
import org.sembridge.engine.bench.InitBenchmark;
import org.sembridge.engine.bench.InitBenchmarkSettings;
import org.sembridge.engine.bench.InitScale;
import org.sembridge.engine.bench.InitScaleResult;
import org.sembridge.engine.bench.ResidentMemoryWindow;
import org.sembridge.engine.encoder.BridgeEncoder;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.linalg.OpenBlas;
import org.sembridge.engine.transfer.AlignmentStatistics;
import org.sembridge.engine.transfer.BlockedCosineSimilarity;
import org.sembridge.engine.OperationCancelledException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/// `sembridge bench init`: the cost of SemBridge initialisation at the paper's and at XLM-R's
/// scale on synthetic bridge vectors ([InitBenchmark]), the check against the reference
/// full-matrix route, and the bridge-embedding speed of a bge-m3-size encoder
/// ([BridgeThroughputBenchmark]); every ratio is between two figures of the same run.
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Time and peak memory of the SemBridge step (top-K search, entmax, exactness check, "
                + "reconstruction) on seeded synthetic bridge vectors, against the bare similarity product of the "
                + "same rows; the reference full-matrix route on a smaller size, with the largest weight difference; "
                + "and token strings per second of a random bge-m3-size bridge encoder with the time that gives for "
                + "a vocabulary.",
                "Defaults (paper scale) take several minutes on 2 idle CPU cores; --scale xlmr multiplies the "
                        + "similarity work by 7.8 (use --xlmr-rows to measure fewer rows and extrapolate).",
                "Every scale also times an external reference of the same shape in the same run: OpenBLAS "
                        + "cblas_sgemm (through FFM) plus a top-K selection per row; ratios are against it."})
final class InitBenchmarkCommand implements Callable<Integer> {

    private static final double MIB = 1 << 20;

    /// Which target-vocabulary sizes to run.
    enum ScaleChoice { PAPER, XLMR, BOTH }

    @Spec
    CommandSpec spec;

    @Option(names = "--scale", defaultValue = "paper", paramLabel = "paper|xlmr|both",
            converter = ScaleConverter.class,
            description = "paper: |V_t| = --targets; xlmr: |V_t| = --xlmr-targets; both. Default: ${DEFAULT-VALUE}.")
    ScaleChoice scale;

    @Option(names = "--targets", defaultValue = "" + InitScale.PAPER_TARGETS, paramLabel = "N",
            description = "Target tokens at paper scale. Default: ${DEFAULT-VALUE}.")
    int paperTargets;

    @Option(names = "--xlmr-targets", defaultValue = "" + InitScale.XLMR_TARGETS, paramLabel = "N",
            description = "Target tokens at XLM-R scale. Default: ${DEFAULT-VALUE}.")
    int xlmrTargets;

    @Option(names = "--xlmr-rows", paramLabel = "N",
            description = "Rows aligned at XLM-R scale, spread evenly; fewer than --xlmr-targets extrapolates the "
                    + "times linearly (the output says so). Default: all.")
    Integer xlmrRows;

    @Option(names = "--sources", defaultValue = "30522", paramLabel = "N",
            description = "Source tokens (BERT's vocabulary). Default: ${DEFAULT-VALUE}.")
    int sources;

    @Option(names = "--bridge-dim", defaultValue = "1024", paramLabel = "D",
            description = "Bridge vector width (bge-m3). Default: ${DEFAULT-VALUE}.")
    int bridgeDimension;

    @Option(names = "--model-dim", defaultValue = "768", paramLabel = "d",
            description = "Source embedding width (BERT-base). Default: ${DEFAULT-VALUE}.")
    int modelDimension;

    @Option(names = "--alpha", defaultValue = "4", paramLabel = "A",
            description = "Entmax order, 1 < A <= 8. Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--top-k", defaultValue = "64", paramLabel = "K",
            description = "Candidates per row tried first. Default: ${DEFAULT-VALUE}.")
    int topK;

    @Option(names = "--naive-rows", defaultValue = "4000", paramLabel = "N",
            description = "Target rows of the full-matrix reference (its matrix holds 4 N |V_s| bytes). "
                    + "Default: ${DEFAULT-VALUE}.")
    int naiveRows;

    @Option(names = "--skip-naive", description = "Skip the full-matrix reference and the equality check.")
    boolean skipNaive;

    @Option(names = "--skip-bridge", description = "Skip the bridge-embedding measurement.")
    boolean skipBridge;

    @Option(names = "--skip-similarity-only", description = "Skip the similarity-only (GEMM without top-K) pass of "
            + "each scale; the step's own block GFLOP/s and the external reference are still measured.")
    boolean skipSimilarityOnly;

    @Option(names = "--skip-reference", description = "Skip the external OpenBLAS GEMM + top-K reference (its "
            + "figures are left out): for runs that measure the step's memory and not its speed.")
    boolean skipReference;

    @Option(names = "--cold-scratch", description = "Free the OpenBLAS path's kept off-heap scratch before each "
            + "step, so that +RSS step includes it (as in the first search of a process) and the report shows "
            + "no scratch outside it.")
    boolean coldScratch;

    @Option(names = "--bridge-shape", defaultValue = "24,1024,16,4096,250002", paramLabel = EncoderShapeConverter.LABEL,
            converter = EncoderShapeConverter.class,
            description = "Sizes of the random bridge encoder; the vocabulary only changes the folder size (250002: "
                    + "2.2 GB written to the temp folder). Default: ${DEFAULT-VALUE} (bge-m3).")
    EncoderShape bridgeShape;

    @Option(names = "--bridge-texts", defaultValue = "512", paramLabel = "N",
            description = "Token strings embedded in the timed pass. Default: ${DEFAULT-VALUE}.")
    int bridgeTexts;

    @Option(names = "--bridge-pieces", defaultValue = "16", paramLabel = "MAX",
            description = "Most tokens per string, [CLS] and [SEP] included; lengths are uniform in [3, MAX]. "
                    + "Default: ${DEFAULT-VALUE}.")
    int bridgePieces;

    @Option(names = "--bridge-batch-size", defaultValue = "" + BridgeEncoder.DEFAULT_BATCH_SIZE, paramLabel = "N",
            description = "Most strings per forward pass (fewer when long strings exceed the activation budget, "
                    + "BatchMemoryRule). Default: ${DEFAULT-VALUE}.")
    int bridgeBatchSize;

    @Option(names = "--estimate-tokens", paramLabel = "N",
            description = "Vocabulary entries the bridge estimate is for. Default: --targets + --sources.")
    Integer estimateTokens;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Seed of the synthetic vectors and the random bridge. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print one JSON document instead of a report.")
    boolean json;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() throws Exception {
        InitBenchmarkSettings settings = settings();
        List<InitScale> scales = scales();
        int tokensToEstimate = estimateTokens != null ? estimateTokens : paperTargets + sources;
        validateSizes(tokensToEstimate);
        SelectedDevice selected = device.select();
        BenchmarkEnvironment environment = BenchmarkEnvironment.capture(selected);
        StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
        CancellationToken cancel = CancellationToken.create();
        long start = System.nanoTime();

        InitFigures init = measureInit(selected, settings, scales, progress, cancel);
        BridgeThroughput bridge = skipBridge ? null
                : new BridgeThroughputBenchmark(selected, progress, cancel)
                        .measure(bridgeShape, bridgeTexts, bridgePieces, bridgeBatchSize, tokensToEstimate, seed);

        Report report = new Report(settings, environment, BenchmarkEnvironment.capture(selected).loadAverage(),
                init.scales(), init.comparison(), bridge, (System.nanoTime() - start) / 1e9,
                coldScratch ? 0 : BlockedCosineSimilarity.keptScratchBytes());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, report.toJson());
        } else {
            report.print(out);
        }
        return ExitCodes.OK;
    }

    /// The scales and the full-matrix comparison; the synthetic inputs are garbage once it returns,
    /// before the bridge model is built.
    private InitFigures measureInit(SelectedDevice selected, InitBenchmarkSettings settings, List<InitScale> scales,
            StderrProgress progress, CancellationToken cancel) throws OperationCancelledException {
        InitBenchmark benchmark = new InitBenchmark(selected, settings, progress, cancel);
        if (skipSimilarityOnly) {
            benchmark.skipSimilarityOnly();
        }
        if (skipReference) {
            benchmark.skipReference();
        }
        if (coldScratch) {
            benchmark.coldScratch();
        }
        List<InitScaleResult> results = new ArrayList<>();
        for (InitScale s : scales) {
            results.add(benchmark.measureScale(s));
        }
        return new InitFigures(results, skipNaive ? null : benchmark.compareWithFullMatrix(naiveRows));
    }

    /// What [#measureInit] measured; `comparison` is null with `--skip-naive`.
    private record InitFigures(List<InitScaleResult> scales, FullMatrixComparison comparison) {
    }

    private InitBenchmarkSettings settings() {
        require(sources >= 1 && bridgeDimension >= 1 && modelDimension >= 1,
                "--sources, --bridge-dim and --model-dim must be >= 1");
        require(alpha > 1 && alpha <= 8, "--alpha must be in (1, 8] (softmax, 1, has dense weights), found " + alpha);
        require(topK >= 1, "--top-k must be >= 1, found " + topK);
        return new InitBenchmarkSettings(sources, bridgeDimension, modelDimension, alpha, topK, seed);
    }

    private List<InitScale> scales() {
        require(paperTargets >= 1 && xlmrTargets >= 1, "--targets and --xlmr-targets must be >= 1");
        int rows = xlmrRows == null ? xlmrTargets : xlmrRows;
        require(rows >= 1 && rows <= xlmrTargets, "--xlmr-rows must be in [1, " + xlmrTargets + "], found " + rows);
        List<InitScale> list = new ArrayList<>();
        if (scale != ScaleChoice.XLMR) {
            list.add(new InitScale("paper", paperTargets, paperTargets));
        }
        if (scale != ScaleChoice.PAPER) {
            list.add(new InitScale("xlmr", xlmrTargets, rows));
        }
        return list;
    }

    private void validateSizes(int tokensToEstimate) {
        long largestTargets = Math.max(scale == ScaleChoice.XLMR ? 0 : paperTargets,
                scale == ScaleChoice.PAPER ? 0 : xlmrTargets);
        require(largestTargets * bridgeDimension <= Integer.MAX_VALUE,
                largestTargets + " targets x " + bridgeDimension + " dims exceed one float array (2^31 - 1 values)");
        require(skipNaive || (naiveRows >= 1 && (long) naiveRows * sources <= Integer.MAX_VALUE),
                "--naive-rows must be >= 1 and --naive-rows x --sources at most 2^31 - 1, found " + naiveRows
                        + " x " + sources);
        require(skipBridge || (bridgeTexts >= 1 && bridgeBatchSize >= 1),
                "--bridge-texts and --bridge-batch-size must be >= 1");
        require(skipBridge || (bridgePieces >= 3 && bridgePieces <= 512),
                "--bridge-pieces must be in [3, 512] ([CLS], a piece, [SEP]), found " + bridgePieces);
        require(tokensToEstimate >= 0, "--estimate-tokens must be >= 0, found " + tokensToEstimate);
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    /// `paper`, `xlmr` or `both`, in any case.
    static final class ScaleConverter implements ITypeConverter<ScaleChoice> {
        @Override
        public ScaleChoice convert(String value) {
            try {
                return ScaleChoice.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected paper, xlmr or both, found \""
                        + value + "\"");
            }
        }
    }

    /// Everything one run measured, printed as a report or as JSON.
    private record Report(InitBenchmarkSettings settings, BenchmarkEnvironment environment, double loadAtEnd,
            List<InitScaleResult> scales, FullMatrixComparison comparison, BridgeThroughput bridge,
            double totalSeconds, long scratchBytes) {

        void print(PrintWriter out) {
            out.printf(Locale.ROOT, "Initialisation benchmark: the SemBridge step (top-K search, entmax, exactness "
                    + "check, reconstruction)%n");
            out.printf(Locale.ROOT, "on seeded synthetic bridge vectors (seed %d; each target near a few sources), "
                    + "alpha %s, K %d, against the bare similarity product of the same rows%n", settings.seed(),
                    number(settings.alpha()), settings.topK());
            out.printf(Locale.ROOT, "device %s (%s), libtorch %s, %d intra-op threads, %d JVM processors%n",
                    environment.device(), environment.deviceReason(), environment.torchVersion(),
                    environment.torchThreads(), environment.jvmProcessors());
            out.printf(Locale.ROOT, "load average (1 min) %.2f at start, %.2f at end; whole run %.0f s%n",
                    environment.loadAverage(), loadAtEnd, totalSeconds);
            if (!scales.isEmpty()) {
                printScales(out);
            }
            if (comparison != null) {
                printComparison(out);
            }
            if (bridge != null) {
                printBridge(out);
            }
            out.flush();
        }

        private void printScales(PrintWriter out) {
            out.println();
            out.printf(Locale.ROOT, "similarity blocks: %s%n", scales.get(0).statistics().gemmNanos() < 0
                    ? "DJL on " + environment.device() : "OpenBLAS via FFM");
            String row = "%-6s %8s %9s %7s %5s %4s %10s %10s %7s %10s %6s %8s %8s %6s %9s %9s %11s%n";
            out.printf(Locale.ROOT, row, "scale", "targets", "rows", "sources", "D", "d", "step s", "ref. s", "step/",
                    "GEMM-only s", "ratio", "GFLOP/s", "GFLOP/s", "blocks/", "+RSS MiB", "+RSS MiB", "full matrix");
            out.printf(Locale.ROOT, row, "", "|V_t|", "measured", "|V_s|", "", "", "(all rows)", "(all rows)", "ref.",
                    "(all rows)", "wall", "blocks", "ref.GEMM", "ref.", "step", "GEMM", "MiB");
            for (InitScaleResult r : scales) {
                out.printf(Locale.ROOT, row, r.scale().name(), r.scale().targetCount(),
                        r.scale().measuredRows() + (r.scale().extrapolated() ? "*" : ""),
                        r.similarityOnly().sourceCount(), r.similarityOnly().dimension(), settings.modelDimension(),
                        String.format(Locale.ROOT, "%.2f", r.fullStepSeconds()), seconds(r.fullReferenceSeconds()),
                        ratio(r.referenceRatio()),
                        seconds(r.fullSimilaritySeconds()), ratio(r.ratio()),
                        gigaflops(r.blockGigaflopsPerSecond()),
                        gigaflops(r.reference() == null ? -1 : r.reference().gemmGigaflopsPerSecond()),
                        ratio(r.blockToReferenceGemm()),
                        mebibytes(r.stepExtraBytes()), mebibytes(r.similarityExtraBytes()),
                        mebibytes(r.fullMatrixBytes()));
            }
            out.println();
            out.println("ref. = external reference of the same shape in this run: OpenBLAS cblas_sgemm + a parallel "
                    + "top-K heap per row (no entmax, no records, no reconstruction); step/ref. goal <= 1.3.");
            out.println("GFLOP/s blocks = the step's own block products (gather, normalise, GEMM); ref.GEMM = the "
                    + "reference's sgemm calls alone; blocks/ref. goal >= 0.8.");
            out.println("GEMM-only = the step's similarity blocks without top-K (BlockedCosineSimilarity), ratio = step / "
                    + "GEMM-only, wall clock.");
            for (InitScaleResult r : scales) {
                if (r.reference() != null) {
                    out.printf(Locale.ROOT, "%s reference: GEMM %.2f s, top-%d %.2f s (measured rows), OpenBLAS %s, %d "
                            + "threads%n", r.scale().name(), r.reference().gemmSeconds(), r.reference().k(),
                            r.reference().selectSeconds(), r.reference().coreName(), r.reference().threads());
                }
                out.printf(Locale.ROOT, "%s step +RSS %s MiB = output matrix (%d x %d floats) %s MiB + working memory "
                        + "%s MiB%n", r.scale().name(), mebibytes(r.stepExtraBytes()), r.scale().measuredRows(),
                        settings.modelDimension(), mebibytes(r.outputBytes()),
                        r.stepExtraBytes() < 0 ? "n/a" : mebibytes(Math.max(0, r.stepExtraBytes() - r.outputBytes())));
            }
            if (scratchBytes > 0) {
                out.printf(Locale.ROOT, "Not in +RSS step: %s MiB of off-heap scratch (normalised sources + one block) "
                        + "that the OpenBLAS path keeps between calls; the warm-up allocated it, so it was resident when "
                        + "the window opened. The step's working memory is the figure above plus this.%n",
                        mebibytes(scratchBytes));
            }
            out.println("+RSS = peak resident memory (/proc/self/status VmHWM) above the resident size after the "
                    + "inputs were allocated, Java heap (garbage not yet collected included) and native; full matrix = "
                    + "what a materialised |V_t| x |V_s| float32 similarity matrix would hold.");
            if (!ResidentMemoryWindow.heapIsReturned()) {
                out.println("  (this JVM would not return free heap at collections: heap reused from earlier work is "
                        + "not counted, +RSS figures are low)");
            }
            for (InitScaleResult r : scales) {
                if (r.scale().extrapolated()) {
                    out.printf(Locale.ROOT, "* %s: %d of %d target rows measured (evenly spread); times EXTRAPOLATED "
                            + "x%.2f to all rows (measured: step %.2f s, GEMM %.2f s); memory as measured.%n",
                            r.scale().name(), r.scale().measuredRows(), r.scale().targetCount(),
                            r.scale().extrapolationFactor(), r.stepSeconds(), r.similaritySeconds());
                }
                if (!r.peakWasReset()) {
                    out.printf(Locale.ROOT, "  %s: the kernel refused to reset the peak: +RSS figures are lower "
                            + "bounds.%n", r.scale().name());
                }
            }
            for (InitScaleResult r : scales) {
                AlignmentStatistics s = r.statistics();
                out.printf(Locale.ROOT, "%s rows: %d exact on top-%d, %d widened to top-%d, %d on the full row; "
                        + "support mean %.2f, max %d source tokens; inputs %s MiB%n", r.scale().name(),
                        s.rowsExactOnTopK(), s.topK(), s.rowsExactOnWiderK(), s.widerK(), s.rowsOnFullRow(),
                        r.meanSupport(), r.maxSupport(), mebibytes(r.inputBytes()));
            }
        }

        private void printComparison(PrintWriter out) {
            FullMatrixComparison c = comparison;
            out.println();
            out.printf(Locale.ROOT, "Full-matrix reference at %d x %d (the reference implementation's route: the "
                    + "similarity matrix materialised, %s MiB,%n", c.rows(), c.sourceCount(), mebibytes(c.matrixBytes()));
            out.println("then entmax row by row on the full row on one thread; same reconstruction):");
            out.printf(Locale.ROOT, "  full matrix %.2f s (CPU %.2f s), +RSS %s MiB; top-K %.2f s (CPU %.2f s), +RSS %s "
                    + "MiB; ratio full/top-K %.2f wall, %s CPU%n", c.fullMatrix().wallSeconds(),
                    c.fullMatrix().cpuSeconds(), mebibytes(c.fullMatrixExtraBytes()), c.topK().wallSeconds(),
                    c.topK().cpuSeconds(), mebibytes(c.topKExtraBytes()), c.timeRatio(), ratio(c.cpuRatio()));
            out.printf(Locale.ROOT, "  max |weight difference| %s (%d rows with another support); max |embedding "
                    + "difference| %s%n", number(c.maxWeightDifference()), c.rowsWithOtherSupport(),
                    number(c.maxEmbeddingDifference()));
        }

        private void printBridge(PrintWriter out) {
            BridgeThroughput b = bridge;
            EncoderShape shape = b.shape();
            out.println();
            out.printf(Locale.ROOT, "Bridge step: random encoder of %d layers, hidden %d, %d heads, FFN %d, vocabulary "
                    + "%d (BERT layout; XLM-R/bge-m3 has the same compute)%n", shape.layers(), shape.hidden(),
                    shape.heads(), shape.intermediate(), shape.vocab());
            out.printf(Locale.ROOT, "  folder %.2f GB written in %.1f s, loaded in %.1f s%n", b.folderBytes() / 1e9,
                    b.writeNanos() / 1e9, b.loadNanos() / 1e9);
            out.printf(Locale.ROOT, "  %d strings of 3-%d tokens (mean %.1f, [CLS]/[SEP] included) in batches of %d: "
                    + "%.2f s -> %.2f strings/s (%.1f tokens/s)%n", b.texts(), b.maxPieces(), b.meanPieces(),
                    b.batchSize(), b.embedNanos() / 1e9, b.textsPerSecond(), b.piecesPerSecond());
            out.printf(Locale.ROOT, "  bridge encoder %.1f GFLOP/s (useful, padding not counted) vs plain matmul "
                    + "[%d, %d] x [%d, %d] %.1f GFLOP/s on the same device: ratio %.2f (goal >= 0.5)%n",
                    b.gflopsPerSecond(), b.matMul().rows(), b.matMul().inner(), b.matMul().inner(),
                    b.matMul().columns(), b.matMul().gflopsPerSecond(), b.matMulRatio());
            if (b.blasReference() != null) {
                out.printf(Locale.ROOT, "  same product by OpenBLAS outside libtorch %.1f GFLOP/s: ratio %.2f; layers on "
                        + "%s%n", b.blasReference().gflopsPerSecond(), b.blasRatio(), b.layersBackend());
            }
            out.printf(Locale.ROOT, "  estimate for %d vocabulary entries: %.1f min (real token strings are mostly "
                    + "3-5 tokens, so this is on the high side)%n", b.estimate().textsToEmbed(),
                    b.estimate().seconds() / 60);
        }

        JsonObject toJson() {
            return InitBenchmarkJson.write(new InitBenchmarkRun(settings, environment, loadAtEnd, totalSeconds,
                    ResidentMemoryWindow.heapIsReturned(), scratchBytes,
                    OpenBlas.available().map(OpenBlas::config).orElse("unavailable"),
                    scales.stream().map(InitBenchmarkRun.Scale::of).toList(),
                    comparison == null ? null : InitBenchmarkRun.FullMatrix.of(comparison),
                    bridge == null ? null : InitBenchmarkRun.Bridge.of(bridge)));
        }

        private static String seconds(double value) {
            return value < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
        }

        private static String gigaflops(double value) {
            return value < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
        }

        private static String ratio(double value) {
            return value < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
        }

        private static String mebibytes(long bytes) {
            return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes / MIB);
        }

        private static String number(double value) {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : String.format(Locale.ROOT, "%.3g", value);
        }
    }
}
