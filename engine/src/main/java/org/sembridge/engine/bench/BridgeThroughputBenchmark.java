package org.sembridge.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.bridge.EmbeddingEstimate;
import org.sembridge.engine.encoder.BridgeEncoder;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.linalg.OpenBlas;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// Measures the bridge step of SemBridge (method.md step 2): token strings embedded per second
/// by a dense encoder of a given size, through the real path ([HfModelFolder] + [BridgeEncoder]:
/// CLS pooling and L2 normalisation, batches of similar length), and the time that gives for a
/// whole vocabulary.
///
/// The encoder is a random model of the requested [EncoderShape] written by
/// [RandomMaskedLmFolder] to a temporary folder (deleted afterwards, also on failure). That
/// writer lays out a BERT checkpoint; bge-m3 is an XLM-RoBERTa, which differs only in its
/// position-id offset and a one-row token-type table, so the compute per string is the same.
/// For bge-m3's shape (24 layers, hidden 1,024, vocabulary 250,002) the folder is 2.2 GB, and
/// writing it holds the weights on the Java heap once.
///
/// Strings: `texts` strings of whole single-token words of the model's vocabulary
/// ([BenchmarkTexts]), each cut to a length drawn uniformly from `[3, maxPieces]` tokens with
/// `[CLS]` and `[SEP]` (seeded). One untimed batch first, then one timed `embed` call over all
/// strings. Real vocabulary strings are shorter (most are 1 to 3 pieces plus the two specials),
/// so with `maxPieces = 16` the estimate is on the high side.
///
/// The encoder's useful FLOPs (each string at its own length, [EncoderShape#encoderFlops(int)])
/// over the timed pass give its GFLOP/s, which is compared with a plain `[batch tokens, h] x
/// [h, i]` matrix product on the same device ([MatMulBaseline]: one warm-up product, 3 rounds of
/// one batch's FLOPs, median); the goal is a ratio of at least 0.5. On a CPU with OpenBLAS the same
/// product is also timed by OpenBLAS outside libtorch ([BlasMatMulReference]), the stricter
/// reference now that the encoder's layers run on it there.
public final class BridgeThroughputBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeThroughputBenchmark.class);

    /// Position rows of the random model: enough for any benchmark string.
    private static final int POSITIONS = 512;

    /// Shortest string: `[CLS]`, one piece, `[SEP]`.
    static final int MIN_PIECES = 3;

    private final SelectedDevice device;
    private final ProgressListener progress;
    private final CancellationToken cancel;

    /// A benchmark on `device`, reporting to `progress`, stopped by `cancel`.
    public BridgeThroughputBenchmark(SelectedDevice device, ProgressListener progress, CancellationToken cancel) {
        this.device = device;
        this.progress = progress;
        this.cancel = cancel;
    }

    /// Writes and loads a random encoder of `shape`, embeds `texts` strings of up to `maxPieces`
    /// tokens in batches of `batchSize`, and extrapolates to `estimateTokens` vocabulary entries.
    ///
    /// @param maxPieces `3 <= maxPieces <= 512`
    /// @throws IOException when the temporary folder cannot be written
    /// @throws ModelFormatException when the written folder does not load (a bug in the writer)
    /// @throws InputFormatException when a generated string is refused (likewise)
    /// @throws OperationCancelledException when cancelled; the folder is deleted
    public BridgeThroughput measure(EncoderShape shape, int texts, int maxPieces, int batchSize, int estimateTokens,
            long seed) throws IOException, ModelFormatException, InputFormatException, OperationCancelledException {
        if (texts < 1 || batchSize < 1 || estimateTokens < 0 || maxPieces < MIN_PIECES || maxPieces > POSITIONS) {
            throw new IllegalArgumentException("need texts >= 1, batchSize >= 1, estimateTokens >= 0 and maxPieces in ["
                    + MIN_PIECES + ", " + POSITIONS + "], got " + texts + ", " + batchSize + ", " + estimateTokens
                    + ", " + maxPieces);
        }
        Path directory = Files.createTempDirectory("sembridge-bench-bridge-");
        try {
            String stage = "writing a random bridge encoder (" + shape.describe() + ")";
            progress.onProgress(stage, 0, 1);
            long start = System.nanoTime();
            RandomMaskedLmFolder.write(directory, shape, POSITIONS, seed);
            long writeNanos = System.nanoTime() - start;
            long folderBytes = sizeOf(directory);
            progress.onProgress(stage, 1, 1);
            cancel.throwIfCancelled(stage);

            start = System.nanoTime();
            try (BridgeEncoder encoder = BridgeEncoder.load(HfModelFolder.open(directory), device, batchSize,
                    progress, cancel)) {
                long loadNanos = System.nanoTime() - start;
                List<String> strings = strings(encoder, texts + Math.min(batchSize, texts), maxPieces, seed);
                List<String> timed = strings.subList(0, texts);
                List<String> warmUp = strings.subList(texts, strings.size());
                long pieces = timed.stream().mapToLong(s -> s.split(" ").length + 2L).sum();
                long flops = timed.stream().mapToLong(s -> shape.encoderFlops(s.split(" ").length + 2)).sum();
                encoder.embed(warmUp, ProgressListener.NONE, cancel);
                start = System.nanoTime();
                encoder.embed(timed, progress, cancel);
                long embedNanos = System.nanoTime() - start;
                EmbeddingEstimate estimate = new EmbeddingEstimate("benchmark: nothing cached", false, estimateTokens,
                        estimateTokens, texts, embedNanos);
                // the encoder batches strings of one token count together: as many batches as that gives
                long batches = timed.stream().collect(Collectors.groupingBy(s -> s.split(" ").length,
                        Collectors.counting())).values().stream().mapToLong(n -> (n + batchSize - 1) / batchSize).sum();
                long batchTokens = Math.max(1, pieces / Math.max(1, batches));
                MatMulMeasurement matMul = MatMulBaseline.measure(device, batchTokens, shape.hidden(),
                        shape.intermediate(), Math.max(1, flops / batches), 1, 3, "matmul baseline for the bridge",
                        progress, cancel);
                MatMulMeasurement blasReference = device.isGpu() || OpenBlas.available().isEmpty() ? null
                        : BlasMatMulReference.measure(OpenBlas.available().get(), batchTokens, shape.hidden(),
                                shape.intermediate(), Math.max(1, flops / batches), 1, 3,
                                "OpenBLAS reference for the bridge", progress, cancel);
                BridgeThroughput result = new BridgeThroughput(shape, texts, pieces, maxPieces, batchSize, folderBytes,
                        writeNanos, loadNanos, embedNanos, estimate, flops, matMul, blasReference,
                        encoder.model().layersBackend());
                LOG.info("bench init bridge ({}) on {}: {} strings of {} pieces on average in {} s ({} strings/s, "
                                + "{} GFLOP/s, {} of the matmul's {}); {} tokens would take {} min", shape.describe(),
                        device.name(), texts, String.format("%.1f", result.meanPieces()),
                        String.format("%.2f", embedNanos / 1e9), String.format("%.2f", result.textsPerSecond()),
                        String.format("%.1f", result.gflopsPerSecond()), String.format("%.2f", result.matMulRatio()),
                        String.format("%.1f", matMul.gflopsPerSecond()), estimateTokens,
                        String.format("%.1f", estimate.seconds() / 60));
                return result;
            }
        } finally {
            try {
                AtomicFiles.deleteRecursively(directory);
            } catch (IOException e) {
                LOG.warn("Could not delete the temporary bridge model {}: {}", directory, e.toString());
            }
        }
    }

    /// `count` strings of whole words, each `L` tokens with the specials, `L` uniform in
    /// `[MIN_PIECES, maxPieces]`.
    private static List<String> strings(BridgeEncoder encoder, int count, int maxPieces, long seed)
            throws ModelFormatException {
        List<String> longest = BenchmarkTexts.of(encoder.tokenizer(), maxPieces, count, 1, seed).get(0);
        SplittableRandom random = new SplittableRandom(seed);
        List<String> strings = new ArrayList<>(count);
        for (String text : longest) {
            int words = random.nextInt(MIN_PIECES, maxPieces + 1) - BenchmarkTexts.SPECIALS_PER_TEXT;
            strings.add(String.join(" ", Arrays.asList(text.split(" ")).subList(0, words)));
        }
        return strings;
    }

    private static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            long total = 0;
            for (Path file : (Iterable<Path>) files::iterator) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
