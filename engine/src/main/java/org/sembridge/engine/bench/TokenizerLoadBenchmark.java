package org.sembridge.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// Times loading one `tokenizer.json` two ways, side by side: the Hugging Face tokenizers
/// library alone (`HuggingFaceTokenizer.newInstance(file)`, the native Rust parser through DJL)
/// and this engine's [TextTokenizer#load] (the same native load plus reading the vocabulary
/// and special ids from the JSON). The second can never be faster than the first; the ratio says
/// what the engine adds.
///
/// Both get the options the engine uses (special tokens, truncation at 512, no padding).
///
/// Rounds alternate (library, engine, library, engine, ...) after one untimed load of each, so
/// that a change in machine load hits both alike; the medians of wall and process CPU time are
/// reported ([TimingSummary]). On a shared machine the CPU ratio is the fairer one.
public final class TokenizerLoadBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(TokenizerLoadBenchmark.class);

    /// The result.
    ///
    /// @param file the `tokenizer.json`
    /// @param fileBytes its size
    /// @param vocabularySize ids read by the engine
    /// @param library wall times of the library's load
    /// @param engine wall times of [TextTokenizer#load]
    /// @param libraryCpuSeconds median process CPU seconds of the library's load, `-1` if unknown
    /// @param engineCpuSeconds median process CPU seconds of [TextTokenizer#load], `-1` if unknown
    public record Result(Path file, long fileBytes, int vocabularySize, TimingSummary library, TimingSummary engine,
            double libraryCpuSeconds, double engineCpuSeconds) {

        /// Median engine wall time over median library wall time.
        public double wallRatio() {
            return engine.medianSeconds() / library.medianSeconds();
        }

        /// Median engine CPU time over median library CPU time, `-1` when unknown.
        public double cpuRatio() {
            return engineCpuSeconds < 0 || libraryCpuSeconds <= 0 ? -1 : engineCpuSeconds / libraryCpuSeconds;
        }
    }

    private final ProgressListener progress;
    private final CancellationToken cancel;

    /// A benchmark reporting to `progress`, stopped by `cancel` between loads.
    public TokenizerLoadBenchmark(ProgressListener progress, CancellationToken cancel) {
        this.progress = progress;
        this.cancel = cancel;
    }

    /// Loads `file` `1 + rounds` times each way.
    ///
    /// @param rounds timed loads of each kind, `>= 1`
    /// @throws ModelFormatException when either loader refuses the file
    /// @throws OperationCancelledException when cancelled
    public Result measure(Path file, int rounds) throws ModelFormatException, OperationCancelledException {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
        }
        if (!Files.isRegularFile(file) || !file.getFileName().toString().equals(TextTokenizer.TOKENIZER_FILE)) {
            throw new ModelFormatException(file + ": not a " + TextTokenizer.TOKENIZER_FILE + " file");
        }
        Path folder = file.toAbsolutePath().getParent();
        List<ElapsedTime> library = new ArrayList<>();
        List<ElapsedTime> engine = new ArrayList<>();
        int vocabulary = 0;
        String stage = "loading " + file + " (library, engine) x " + (rounds + 1);
        progress.onProgress(stage, 0, rounds + 1);
        for (int round = 0; round <= rounds; round++) {
            cancel.throwIfCancelled(stage);
            ElapsedTime.Start start = ElapsedTime.start();
            try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(file,
                    Map.of("addSpecialTokens", "true", "truncation", "true", "padding", "false", "maxLength", "512",
                            "modelMaxLength", "512"))) {
                LOG.debug("library load of {}: {}", file, tokenizer.getClass().getSimpleName());
            } catch (IOException | RuntimeException e) {
                throw new ModelFormatException(file + ": the tokenizers library cannot load it: " + e.getMessage(), e);
            }
            ElapsedTime libraryTime = start.stop();
            cancel.throwIfCancelled(stage);
            start = ElapsedTime.start();
            try (TextTokenizer tokenizer = TextTokenizer.load(folder, 512, 0)) {
                vocabulary = tokenizer.vocabSize();
            }
            ElapsedTime engineTime = start.stop();
            if (round > 0) {
                library.add(libraryTime);
                engine.add(engineTime);
            }
            progress.onProgress(stage, round + 1, rounds + 1);
        }
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            bytes = -1;
        }
        Result result = new Result(file, bytes, vocabulary, wall(library), wall(engine), cpuMedian(library),
                cpuMedian(engine));
        LOG.info("bench tokenizer {}: {} ids; library {} s, engine {} s (wall medians, ratio {}; CPU ratio {})", file,
                vocabulary, String.format("%.2f", result.library().medianSeconds()),
                String.format("%.2f", result.engine().medianSeconds()), String.format("%.2f", result.wallRatio()),
                String.format("%.2f", result.cpuRatio()));
        return result;
    }

    private static TimingSummary wall(List<ElapsedTime> times) {
        return TimingSummary.ofNanos(times.stream().mapToLong(ElapsedTime::wallNanos).toArray());
    }

    private static double cpuMedian(List<ElapsedTime> times) {
        long[] cpu = times.stream().mapToLong(ElapsedTime::cpuNanos).sorted().toArray();
        if (cpu[0] < 0) {
            return -1;
        }
        int middle = cpu.length / 2;
        return (cpu.length % 2 == 1 ? cpu[middle] : (cpu[middle - 1] + cpu[middle]) / 2.0) / 1e9;
    }
}
