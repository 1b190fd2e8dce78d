package org.sembridge.engine.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.sembridge.engine.InputFormatException;

/// The heap an open run takes in the workbench, estimated from the run folder before the run is
/// read: `run.json`'s token counts (or the lines of `alignments.jsonl` when a manifest lacks
/// them) and the width of the bridge vectors.
///
/// ```
/// heapBytes = FIXED_BYTES + BYTES_PER_TARGET_TOKEN x targetTokens
///           + BYTES_PER_TARGET_TEXT x targetTokens                (runs that can re-align)
///           + (targetTokens + sourceTokens) x (4 D + 4)          (runs that can re-align)
/// ```
///
/// The first two terms are what opening a run and listing it in the inspector hold: the index of
/// `alignments.jsonl` (an offset, the token string, kind flags) and the inspector's figures
/// (support, heaviest source, weight, entropy, lexicon outcome). [#BYTES_PER_TARGET_TOKEN] was
/// measured: opening runs of 262,145 target tokens (Gemma 3) and reading their figures kept
/// 122-125 MiB of heap each after full collections (489-499 bytes per token), a 151,669-token run
/// (Qwen 3) 78 MiB (539 bytes per token). The last two terms are what a re-alignment (the
/// inspector's alpha slider) adds: the stored target vocabulary it reads first, two strings per
/// target token (the token and its bridge text: a `String` and its byte array each, plus a list
/// slot), which the inspector's figures never read; then the bridge space, both bridge matrices
/// as `float` plus one inverse norm per row ([BridgeSpace]). Measured on real runs (live heap
/// after full collections around each part, `LargeRunsProbeGuiTest.probeTheHeapOfTheBridgeVectors`,
/// width 128): the texts took 111 bytes per target token (Qwen 3, 6.4 characters per token) and
/// 119 (Gemma 3, 5.6 characters, 75% beyond Latin-1, so two bytes per character), and the bridge
/// space 16-17 bytes per row more than its floats (78.7 MiB for 76.3, 135.0 for 130.7);
/// [#BYTES_PER_TARGET_TEXT] is the sum of the larger two, 119 + 17, so the whole re-alignment
/// came out at 164.7 MiB measured and estimated for Gemma 3, 94.8 measured and 96.0 estimated for
/// Qwen 3. `D` is the width `run.json` records for the bridge, else the bridge model's
/// `hidden_size`, else [#ASSUMED_BRIDGE_DIMENSION].
///
/// @param runFolder the run folder
/// @param targetTokens target vocabulary entries
/// @param sourceTokens source vocabulary entries
/// @param bridgeDimension width of the bridge vectors; 0 for runs without bridge vectors
/// @param heapBytes the estimate, by the formula above
public record RunMemoryEstimate(Path runFolder, long targetTokens, long sourceTokens, int bridgeDimension,
        long heapBytes) {

    /// Heap per target token of an open, listed run (measured, rounded up from 539).
    public static final long BYTES_PER_TARGET_TOKEN = 560;
    /// Heap per target token a re-alignment adds beyond the bridge floats: the stored target
    /// texts and the bridge space's own overhead (measured, see the class comment).
    public static final long BYTES_PER_TARGET_TEXT = 136;
    /// Heap of an open run whatever its size (manifest, source vocabulary, lexicon).
    public static final long FIXED_BYTES = 4L << 20;
    /// The bridge width assumed when the bridge model's `config.json` cannot be read.
    public static final int ASSUMED_BRIDGE_DIMENSION = 1024;

    /// Estimates the run in `runFolder` from its manifest, reading no alignment record.
    ///
    /// @throws InputFormatException when `run.json` is missing or malformed (naming it)
    /// @throws IOException when `alignments.jsonl` must be counted and cannot be read
    public static RunMemoryEstimate of(Path runFolder) throws IOException, InputFormatException {
        RunManifest manifest = RunManifest.read(runFolder.resolve(RunManifest.FILE_NAME));
        Integer target = manifest.counts().get("target_tokens");
        Integer source = manifest.counts().get("source_tokens");
        long targetTokens = target != null ? target : lines(runFolder.resolve(AlignmentsFile.FILE_NAME));
        long sourceTokens = source != null ? source : 0;
        int dimension = manifest.bridgePath().isEmpty() ? 0 : manifest.bridgeDimension()
                .or(() -> bridgeDimension(manifest.bridgePath().get())).orElse(ASSUMED_BRIDGE_DIMENSION);
        return of(runFolder, targetTokens, sourceTokens, dimension);
    }

    /// The estimate of a run of the given sizes (`bridgeDimension` 0: a run that cannot re-align).
    public static RunMemoryEstimate of(Path runFolder, long targetTokens, long sourceTokens, int bridgeDimension) {
        long bridge = bridgeDimension == 0 ? 0
                : BYTES_PER_TARGET_TEXT * targetTokens + (targetTokens + sourceTokens) * (4L * bridgeDimension + 4);
        return new RunMemoryEstimate(runFolder, targetTokens, sourceTokens, bridgeDimension,
                FIXED_BYTES + BYTES_PER_TARGET_TOKEN * targetTokens + bridge);
    }

    /// `262,145 target tokens, bridge width 384: about 520 MiB`.
    public String describe() {
        return String.format(Locale.ROOT, "%,d target tokens%s: about %,d MiB", targetTokens,
                bridgeDimension == 0 ? "" : ", bridge width " + bridgeDimension, heapBytes >> 20);
    }

    private static Optional<Integer> bridgeDimension(Path bridgeFolder) {
        Path config = bridgeFolder.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(reader);
            if (root.isJsonObject()) {
                JsonObject object = root.getAsJsonObject();
                JsonElement hidden = object.has("hidden_size") ? object.get("hidden_size") : object.get("dim");
                if (hidden != null && hidden.isJsonPrimitive() && hidden.getAsJsonPrimitive().isNumber()
                        && hidden.getAsInt() > 0) {
                    return Optional.of(hidden.getAsInt());
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long lines(Path file) throws IOException {
        long count = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer)) > 0;) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
