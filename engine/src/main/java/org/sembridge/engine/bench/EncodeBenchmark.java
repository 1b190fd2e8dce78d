package org.sembridge.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.encoder.ForwardProfile;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.linalg.OpenBlas;
import org.sembridge.engine.encoder.SparseEncoder;
import org.sembridge.engine.encoder.SpladeSettings;
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// Measures how fast a SPLADE encoder turns texts into sparse vectors on one device, and how
/// close its forward pass comes to a plain matrix product of the same FLOPs.
///
/// For a model folder it:
///
/// 1. loads the model through the real path ([HfModelFolder], [SparseEncoder]) with batches
///    of `batchSize` texts;
/// 2. builds synthetic texts of exactly `tokensPerText` tokens from the model's own
///    vocabulary (so batches have no padding), runs `warmupBatches` untimed and
///    `measuredBatches` timed `encode` calls of one batch each, and keeps the median;
/// 3. counts the FLOPs of a forward pass analytically ([EncoderShape#forwardFlops(int)]);
/// 4. frees the model and times a plain `[batchSize * tokensPerText, hidden] x [hidden,
///    intermediate]` matrix product, repeated to the FLOPs of one batch, on the same device
///    ([MatMulBaseline]): `warmupBatches` untimed single products, then `measuredBatches`
///    timed rounds, median; the ratio of the two speeds says how much of the device's dense
///    float32 throughput the encoder reaches.
///
/// [#measureRandom] does the same for a random `BertForMaskedLM` of any shape
/// ([RandomMaskedLmFolder]), written to a temporary folder that is deleted afterwards.
///
/// Tiny models are overhead-bound: tokenisation, per-operation dispatch and pooling cost about
/// as much as their few MFLOPs, so their ratio is low by nature; the ratio of a BERT-base-size
/// model is the meaningful one. Progress is reported and cancellation checked once per batch
/// and per matmul round. Not thread-safe; one benchmark at a time per engine thread.
public final class EncodeBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(EncodeBenchmark.class);

    /// Seed of the synthetic texts and of random models.
    private static final long SEED = 20_240_601L;

    /// Position rows of a random model: BERT's 512, or more when longer texts are asked for.
    private static final int RANDOM_MODEL_POSITIONS = 512;

    private final SelectedDevice device;
    private final EncodeBenchmarkSettings settings;
    private final ProgressListener progress;
    private final CancellationToken cancel;
    private final boolean profile;
    private final Map<String, ForwardProfile> profiles = new LinkedHashMap<>();

    /// A benchmark on `device` with `settings`, reporting to `progress`, stopped by `cancel`.
    public EncodeBenchmark(SelectedDevice device, EncodeBenchmarkSettings settings, ProgressListener progress,
            CancellationToken cancel) {
        this(device, settings, progress, cancel, false);
    }

    /// As [#EncodeBenchmark(SelectedDevice, EncodeBenchmarkSettings, ProgressListener,
    /// CancellationToken)]; with `profile`, each model also encodes one more batch with
    /// [SparseEncoder#profile] after the measured ones, kept in [#profiles()].
    public EncodeBenchmark(SelectedDevice device, EncodeBenchmarkSettings settings, ProgressListener progress,
            CancellationToken cancel, boolean profile) {
        this.device = device;
        this.settings = settings;
        this.progress = progress;
        this.cancel = cancel;
        this.profile = profile;
    }

    /// The stage profile of each model measured so far, by model name (empty unless profiling).
    public Map<String, ForwardProfile> profiles() {
        return new LinkedHashMap<>(profiles);
    }

    /// Measures the sparse encoder in `folder`, named `model` in the result.
    ///
    /// @throws ModelFormatException when the folder is not a loadable masked-LM model or its
    ///     vocabulary has no whole lower-case words to build texts from
    /// @throws InputFormatException when `tokensPerText` exceeds the model's token limit
    /// @throws OperationCancelledException when cancelled; the model is freed
    public EncodeBenchmarkResult measure(String model, HfModelFolder folder)
            throws ModelFormatException, InputFormatException, OperationCancelledException {
        if (settings.tokensPerText() > folder.maxTokens()) {
            throw new InputFormatException("encode benchmark: " + settings.tokensPerText() + " tokens per text exceed "
                    + "the " + folder.maxTokens() + " tokens model " + folder.directory() + " accepts");
        }
        EncoderShape shape = EncoderShape.of(folder.config());
        long flopsPerText = shape.forwardFlops(settings.tokensPerText());
        TimingSummary batches = timeBatches(model, folder);
        MatMulMeasurement matMul = MatMulBaseline.measure(device, settings.tokensPerBatch(), shape.hidden(),
                shape.intermediate(), settings.batchSize() * flopsPerText, settings.warmupBatches(),
                settings.measuredBatches(), "matmul baseline for " + model, progress, cancel);
        MatMulMeasurement blasReference = device.isGpu() ? null : OpenBlas.available().isEmpty() ? null
                : BlasMatMulReference.measure(OpenBlas.available().get(), settings.tokensPerBatch(), shape.hidden(),
                        shape.intermediate(), settings.batchSize() * flopsPerText, settings.warmupBatches(),
                        settings.measuredBatches(), "OpenBLAS reference for " + model, progress, cancel);
        EncodeBenchmarkResult result = new EncodeBenchmarkResult(model, shape, settings, flopsPerText, batches, matMul,
                device.name(), blasReference);
        LOG.info("Encode benchmark {} ({}) on {}: {} texts/s, {} GFLOP/s, matmul {} GFLOP/s, ratio {}", model,
                shape.describe(), device.name(), String.format("%.2f", result.textsPerSecond()),
                String.format("%.1f", result.gflopsPerSecond()), String.format("%.1f", matMul.gflopsPerSecond()),
                String.format("%.2f", result.matMulRatio()));
        return result;
    }

    /// Measures a random `BertForMaskedLM` of `shape`, named `model` in the result; its folder
    /// is written to a temporary directory and deleted afterwards (438 MB for BERT-base).
    ///
    /// @throws IOException when the temporary folder cannot be written
    /// @throws ModelFormatException as [#measure], which would be a bug in the written folder
    /// @throws InputFormatException as [#measure]
    /// @throws OperationCancelledException when cancelled; the folder is deleted
    public EncodeBenchmarkResult measureRandom(String model, EncoderShape shape)
            throws IOException, ModelFormatException, InputFormatException, OperationCancelledException {
        Path directory = Files.createTempDirectory("sembridge-bench-");
        try {
            String stage = "writing random model " + model;
            progress.onProgress(stage, 0, 1);
            RandomMaskedLmFolder.write(directory, shape, Math.max(RANDOM_MODEL_POSITIONS, settings.tokensPerText()),
                    SEED);
            progress.onProgress(stage, 1, 1);
            cancel.throwIfCancelled(stage);
            return measure(model, HfModelFolder.open(directory));
        } finally {
            deleteQuietly(directory);
        }
    }

    private TimingSummary timeBatches(String model, HfModelFolder folder)
            throws ModelFormatException, InputFormatException, OperationCancelledException {
        SpladeSettings splade = SpladeSettings.DEFAULTS.withBatchSize(settings.batchSize());
        try (SparseEncoder encoder = SparseEncoder.load(folder, device, splade, progress, cancel)) {
            int total = settings.warmupBatches() + settings.measuredBatches();
            List<List<String>> texts = BenchmarkTexts.of(encoder.tokenizer(), settings.tokensPerText(),
                    settings.batchSize(), total, SEED);
            String stage = "encoding with " + model;
            long[] nanos = new long[settings.measuredBatches()];
            progress.onProgress(stage, 0, total);
            for (int batch = 0; batch < total; batch++) {
                cancel.throwIfCancelled(stage);
                long start = System.nanoTime();
                encoder.encode(texts.get(batch), ProgressListener.NONE, cancel);
                long elapsed = System.nanoTime() - start;
                if (batch >= settings.warmupBatches()) {
                    nanos[batch - settings.warmupBatches()] = elapsed;
                }
                LOG.debug("{}: batch {} of {} ({}) in {} ms", stage, batch + 1, total,
                        batch < settings.warmupBatches() ? "warm-up" : "measured", elapsed / 1_000_000);
                progress.onProgress(stage, batch + 1, total);
            }
            if (profile) {
                profiles.put(model, encoder.profile(texts.get(total - 1)));
            }
            return TimingSummary.ofNanos(nanos);
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            AtomicFiles.deleteRecursively(directory);
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary benchmark model {}: {}", directory, e.toString());
        }
    }
}
