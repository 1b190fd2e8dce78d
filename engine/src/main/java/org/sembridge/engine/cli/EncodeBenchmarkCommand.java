package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sembridge.engine.bench.BenchmarkEnvironment;
import org.sembridge.engine.bench.EncodeBenchmark;
import org.sembridge.engine.bench.EncodeBenchmarkResult;
import org.sembridge.engine.bench.EncodeBenchmarkSettings;
import org.sembridge.engine.bench.EncoderShape;
import org.sembridge.engine.bench.MatMulMeasurement;
import org.sembridge.engine.encoder.ForwardProfile;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `sembridge bench encode`: SPLADE encoding speed of the sample model and of a random
/// BERT-base-size model, with achieved GFLOP/s and the ratio to a plain matrix product of the
/// same FLOPs measured in the same run (see [EncodeBenchmark]).
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Texts/s, tokens/s and GFLOP/s of SPLADE encoding for the sample model and a random "
                + "BERT-base-size model, against a plain matmul of the same FLOPs on the same device.",
                "The BERT-base part does 0.9 TFLOP per batch: minutes on 2 idle CPU cores, much longer on a "
                        + "loaded machine; --skip-base takes seconds."})
final class EncodeBenchmarkCommand implements Callable<Integer> {

    /// Below this a model is overhead-bound and the table says so (BERT-base: 28.5 GFLOP).
    private static final double TINY_FLOPS_PER_TEXT = 1e9;

    private static final String BASE_SHAPE_LABEL = "LAYERS,HIDDEN,HEADS,INTERMEDIATE,VOCAB";

    @Spec
    CommandSpec spec;

    @Option(names = "--batches", defaultValue = "2", paramLabel = "N",
            description = "Measured batches per model; the median is reported. Default: ${DEFAULT-VALUE}.")
    int batches;

    @Option(names = "--warmup", defaultValue = "1", paramLabel = "N",
            description = "Untimed batches (and single matmul products) before measuring. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--skip-base", description = "Measure only the sample model, not the random BERT-base-size one "
            + "nor the large-vocabulary one.")
    boolean skipBase;

    @Option(names = "--tokens", defaultValue = "128", paramLabel = "N",
            description = "Tokens per text, [CLS] and [SEP] included. Default: ${DEFAULT-VALUE}.")
    int tokens;

    @Option(names = "--batch-size", defaultValue = "32", paramLabel = "N",
            description = "Texts per forward pass. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--base-shape", defaultValue = "12,768,12,3072,30522", paramLabel = BASE_SHAPE_LABEL,
            description = "Sizes of the random model (smaller ones for quick checks). Default: ${DEFAULT-VALUE} "
                    + "(BERT-base).")
    String baseShape;

    @Option(names = "--sample-model", paramLabel = "DIR",
            defaultValue = "${sys:sembridge.repo.root:-.}/sample-models/splade-tiny-en",
            description = "The sample sparse encoder folder. Default: ${DEFAULT-VALUE}.")
    Path sampleModel;

    @Option(names = "--large-vocab", defaultValue = "262144", paramLabel = "V",
            description = "Vocabulary of an extra random model of the sample model's size (2 layers, h 128), the "
                    + "large-vocabulary row: a real multilingual tokenizer's size; 0 leaves it out. Default: "
                    + "${DEFAULT-VALUE}.")
    int largeVocab;

    @Option(names = "--profile", description = "Also time each stage of one more batch per model (CPU only) and "
            + "print where the time goes outside the matrix products.")
    boolean profile;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() throws Exception {
        EncodeBenchmarkSettings settings = settings();
        EncoderShape shape = parseShape(baseShape);
        SelectedDevice selected = device.select();
        BenchmarkEnvironment before = BenchmarkEnvironment.capture(selected);
        EncodeBenchmark benchmark = new EncodeBenchmark(selected, settings, stageReporter(spec.commandLine().getErr()),
                CancellationToken.create(), profile);
        List<EncodeBenchmarkResult> results = new ArrayList<>();
        HfModelFolder sample = HfModelFolder.open(sampleModel);
        results.add(benchmark.measure(sampleModel.getFileName().toString(), sample));
        if (!skipBase) {
            results.add(benchmark.measureRandom(shape.equals(EncoderShape.BERT_BASE) ? "random BERT-base"
                    : "random " + shape.layers() + "x" + shape.hidden(), shape));
        }
        if (!skipBase && largeVocab > 0) {
            EncoderShape sampleShape = EncoderShape.of(sample.config());
            results.add(benchmark.measureRandom("random large vocabulary", new EncoderShape(sampleShape.layers(),
                    sampleShape.hidden(), sampleShape.heads(), sampleShape.intermediate(), largeVocab)));
        }
        double loadAfter = BenchmarkEnvironment.capture(selected).loadAverage();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, EncodeBenchmarkJson.write(new EncodeBenchmarkRun(settings, before, loadAfter, results)));
        } else {
            printTable(out, settings, before, loadAfter, results);
            benchmark.profiles().forEach((model, stages) -> printProfile(out, model, stages));
        }
        return ExitCodes.OK;
    }

    /// Where one profiled batch spent its time, stage by stage, with the share outside the
    /// matrix products.
    private static void printProfile(PrintWriter out, String model, ForwardProfile profile) {
        double total = profile.totalNanos();
        out.printf(Locale.ROOT, "%nprofile of one batch, %s (%.3f s; matrix products %.1f%%, the rest %.1f%%):%n",
                model, total / 1e9, 100 * profile.matrixProductNanos() / total,
                100 * (total - profile.matrixProductNanos()) / total);
        profile.nanosByStage().forEach((stage, nanos) -> out.printf(Locale.ROOT, "  %-32s %s %9.1f ms %5.1f%%%n",
                stage.label(), stage.matrixProduct() ? "matmul" : "      ", nanos / 1e6, 100 * nanos / total));
    }

    private EncodeBenchmarkSettings settings() {
        require(batches >= 1, "--batches must be >= 1, found " + batches);
        require(warmup >= 0, "--warmup must be >= 0, found " + warmup);
        require(tokens >= 3, "--tokens must be >= 3 ([CLS], a word, [SEP]), found " + tokens);
        require(batchSize >= 1, "--batch-size must be >= 1, found " + batchSize);
        require(largeVocab == 0 || largeVocab >= 100, "--large-vocab must be 0 (none) or >= 100, found " + largeVocab);
        return new EncodeBenchmarkSettings(tokens, batchSize, warmup, batches);
    }

    private EncoderShape parseShape(String value) {
        String[] parts = value.split(",", -1);
        require(parts.length == 5, "--base-shape needs five numbers " + BASE_SHAPE_LABEL + ", found \"" + value + "\"");
        int[] sizes = new int[5];
        for (int k = 0; k < 5; k++) {
            try {
                sizes[k] = Integer.parseInt(parts[k].strip());
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "--base-shape: \"" + parts[k].strip()
                        + "\" is not a whole number (expected " + BASE_SHAPE_LABEL + ")");
            }
        }
        require(sizes[0] >= 1 && sizes[1] >= 1 && sizes[2] >= 1 && sizes[3] >= 1,
                "--base-shape: every size must be >= 1, found \"" + value + "\"");
        require(sizes[1] % sizes[2] == 0,
                "--base-shape: hidden " + sizes[1] + " is not divisible by heads " + sizes[2]);
        require(sizes[4] >= 100, "--base-shape: vocab must be >= 100, found " + sizes[4]);
        return new EncoderShape(sizes[0], sizes[1], sizes[2], sizes[3], sizes[4]);
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    /// One stderr line whenever a new stage starts, so a minutes-long run shows where it is.
    private static ProgressListener stageReporter(PrintWriter err) {
        String[] current = {""};
        return (stage, done, total) -> {
            if (!stage.equals(current[0])) {
                current[0] = stage;
                err.println("bench: " + stage + "...");
                err.flush();
            }
        };
    }

    private static void printTable(PrintWriter out, EncodeBenchmarkSettings settings, BenchmarkEnvironment env,
            double loadAfter, List<EncodeBenchmarkResult> results) {
        out.printf(Locale.ROOT, "Encode benchmark: batches of %d texts x %d tokens, %d warm-up + %d measured "
                + "(median)%n",
                settings.batchSize(), settings.tokensPerText(), settings.warmupBatches(), settings.measuredBatches());
        out.printf(Locale.ROOT, "device %s (%s), libtorch %s, %d intra-op / %d inter-op threads, %d JVM processors%n",
                env.device(), env.deviceReason(), env.torchVersion(), env.torchThreads(), env.torchInteropThreads(),
                env.jvmProcessors());
        out.printf(Locale.ROOT, "load average (1 min) %.2f at start, %.2f at end%n%n", env.loadAverage(), loadAfter);
        String row = "%-18s %-34s %8s %9s %10s %8s %14s %6s %16s %6s %-7s %s%n";
        out.printf(Locale.ROOT, row, "model", "shape", "texts/s", "tokens/s", "GFLOP/text", "GFLOP/s",
                "matmul GFLOP/s", "ratio", "OpenBLAS GFLOP/s", "ratio", "device", "threads");
        for (EncodeBenchmarkResult r : results) {
            out.printf(Locale.ROOT, row, r.model(), r.shape().describe(),
                    String.format(Locale.ROOT, "%.2f", r.textsPerSecond()),
                    String.format(Locale.ROOT, "%.0f", r.tokensPerSecond()),
                    String.format(Locale.ROOT, "%.3f", r.flopsPerText() / 1e9),
                    String.format(Locale.ROOT, "%.1f", r.gflopsPerSecond()),
                    String.format(Locale.ROOT, "%.1f", r.matMul().gflopsPerSecond()),
                    String.format(Locale.ROOT, "%.2f", r.matMulRatio()),
                    r.blasReference() == null ? "n/a"
                            : String.format(Locale.ROOT, "%.1f", r.blasReference().gflopsPerSecond()),
                    r.blasReference() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", r.blasRatio()),
                    r.device(), env.torchThreads() + "/" + env.jvmProcessors());
        }
        out.println();
        out.println("GFLOP/s counts the matrix products of the forward pass (docs/benchmarks.md); matmul is a plain");
        out.println("[texts x tokens, hidden] x [hidden, intermediate] product of the same FLOPs on the same device;");
        out.println("OpenBLAS is the same product by cblas_sgemm outside libtorch (FFM, off-heap), in the same run;");
        out.println("threads: libtorch intra-op / JVM processors.");
        for (EncodeBenchmarkResult r : results) {
            MatMulMeasurement mm = r.matMul();
            out.printf(Locale.ROOT, "%s: batch %.3f s median (%.3f-%.3f over %d); matmul [%d x %d] x [%d x %d] x %d "
                            + "per round, %.3f s median%n",
                    r.model(), r.batches().medianSeconds(), r.batches().fastestSeconds(),
                    r.batches().slowestSeconds(), r.batches().count(), mm.rows(), mm.inner(), mm.inner(),
                    mm.columns(), mm.repetitions(), mm.rounds().medianSeconds());
        }
        for (EncodeBenchmarkResult r : results) {
            if (r.flopsPerText() < TINY_FLOPS_PER_TEXT) {
                out.printf(Locale.ROOT, "note: %s is tiny (%.0f MFLOP per text): tokenisation and per-operation "
                        + "overhead dominate, so its ratio is low by nature; a BERT-base-size row measures compute "
                        + "efficiency.%n",
                        r.model(), r.flopsPerText() / 1e6);
            }
        }
        out.flush();
    }
}
